/// What a trajectory says about the agent (its `agent` object), as the exporter is configured.
import ExporterEvents

public struct ATIFAgentInfo: Sendable, Hashable {
    /// The agent's name; nil takes the name of each trajectory's root scope.
    public var name: String?
    /// The agent's version.
    public var version: String
    /// The default model; nil takes the first model the trajectory's LLM calls name.
    public var modelName: String?
    /// The tools available to the agent (OpenAI function-calling schema objects); nil takes the distinct tool
    /// schemas that LLM calls announce in their `tools_schema` metadata (the toolkit's convention), if any.
    public var toolDefinitions: [JSONObject]?
    /// Custom agent configuration details.
    public var extra: JSONObject?

    /// Creates agent information.
    public init(
        name: String?,
        version: String,
        modelName: String? = nil,
        toolDefinitions: [JSONObject]? = nil,
        extra: JSONObject? = nil
    ) {
        self.name = name
        self.version = version
        self.modelName = modelName
        self.toolDefinitions = toolDefinitions
        self.extra = extra
    }
}

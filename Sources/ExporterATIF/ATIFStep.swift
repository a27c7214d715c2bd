/// One step of a trajectory: a system prompt, a user turn, or an agent turn (an LLM answer with the tool calls it
/// made and what the tools returned).
///
/// `model_name`, `reasoning_effort`, `reasoning_content`, `tool_calls` and `metrics` are only allowed on agent
/// steps; the reference model rejects them elsewhere, and the JSON writer leaves them out on other steps.
import ExporterEvents

public struct ATIFStep: Sendable, Hashable {
    /// Who originated a step.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// The system prompt or a system event.
        case system
        /// The human side.
        case user
        /// The agent (an LLM turn).
        case agent
    }

    /// A measure of reasoning effort: a label (`"high"`) or a number.
    public enum ReasoningEffort: Sendable, Hashable {
        /// A qualitative label.
        case label(String)
        /// A quantitative measure.
        case level(Double)
    }

    /// `step_id`: the step's ordinal, from 1.
    public var stepID: Int
    /// `timestamp`: when the step happened, ISO 8601.
    public var timestamp: String?
    /// `source` (required).
    public var source: Source
    /// `message` (required): the dialogue text; content parts are flattened to text by the builder.
    public var message: String
    /// `model_name` (agent steps): the model of this turn.
    public var modelName: String?
    /// `reasoning_effort` (agent steps).
    public var reasoningEffort: ReasoningEffort?
    /// `reasoning_content` (agent steps): the model's explicit reasoning.
    public var reasoningContent: String?
    /// `tool_calls` (agent steps): the actions the agent asked for.
    public var toolCalls: [ATIFToolCall]?
    /// `observation`: what the environment (the tools) returned.
    public var observation: ATIFObservation?
    /// `metrics` (agent steps): token counts of the LLM call.
    public var metrics: ATIFMetrics?
    /// `is_copied_context`: the step was copied from an earlier trajectory.
    public var isCopiedContext: Bool?
    /// `extra`: custom step metadata (the builder writes `ancestry` here).
    public var extra: JSONObject?

    /// Creates a step.
    public init(
        stepID: Int,
        timestamp: String? = nil,
        source: Source,
        message: String,
        modelName: String? = nil,
        reasoningEffort: ReasoningEffort? = nil,
        reasoningContent: String? = nil,
        toolCalls: [ATIFToolCall]? = nil,
        observation: ATIFObservation? = nil,
        metrics: ATIFMetrics? = nil,
        isCopiedContext: Bool? = nil,
        extra: JSONObject? = nil
    ) {
        self.stepID = stepID
        self.timestamp = timestamp
        self.source = source
        self.message = message
        self.modelName = modelName
        self.reasoningEffort = reasoningEffort
        self.reasoningContent = reasoningContent
        self.toolCalls = toolCalls
        self.observation = observation
        self.metrics = metrics
        self.isCopiedContext = isCopiedContext
        self.extra = extra
    }
}

/// One entry of a step's `tool_calls`.
public struct ATIFToolCall: Sendable, Hashable {
    /// `tool_call_id` (required): what observation results name in `source_call_id`.
    public var toolCallID: String
    /// `function_name` (required).
    public var functionName: String
    /// `arguments` (required): always an object.
    public var arguments: JSONObject

    /// Creates a tool call.
    public init(toolCallID: String, functionName: String, arguments: JSONObject = [:]) {
        self.toolCallID = toolCallID
        self.functionName = functionName
        self.arguments = arguments
    }
}

/// A step's `observation`: results of its tool calls.
public struct ATIFObservation: Sendable, Hashable {
    /// `results`.
    public var results: [ATIFObservationResult]

    /// Creates an observation.
    public init(results: [ATIFObservationResult] = []) {
        self.results = results
    }
}

/// One entry of `observation.results`.
public struct ATIFObservationResult: Sendable, Hashable {
    /// `source_call_id`: the `tool_call_id` of the same step's call this answers.
    public var sourceCallID: String?
    /// `content`: the tool's output as text (structured outputs as compact JSON).
    public var content: String?
    /// `subagent_trajectory_ref`: references to delegated subagent trajectories
    /// (`{"session_id", "trajectory_path"?, "extra"?}` objects).
    public var subagentTrajectoryRef: [JSONObject]?

    /// Creates a result.
    public init(sourceCallID: String? = nil, content: String? = nil, subagentTrajectoryRef: [JSONObject]? = nil) {
        self.sourceCallID = sourceCallID
        self.content = content
        self.subagentTrajectoryRef = subagentTrajectoryRef
    }
}

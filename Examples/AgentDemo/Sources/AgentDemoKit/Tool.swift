import ExporterRuntime

/// A tool the agent can call: a name, what it does, and a body from structured arguments to a structured result.
public struct Tool: Sendable {
    /// The function name the model uses.
    public var name: String
    /// One line the model reads to decide when to call it.
    public var summary: String
    /// Runs the tool; throwing makes the call fail (its span ends with an error status).
    public var body: @Sendable (JSONObject) async throws -> JSONValue

    /// Creates a tool.
    public init(name: String, summary: String, body: @escaping @Sendable (JSONObject) async throws -> JSONValue) {
        self.name = name
        self.summary = summary
        self.body = body
    }
}

/// Why a tool call failed.
public enum ToolError: Error, Hashable, CustomStringConvertible {
    /// The model asked for a tool the agent does not have.
    case unknownTool(String)
    /// A required argument is missing or has the wrong type.
    case invalidArgument(tool: String, argument: String)
    /// The service behind the tool did not answer.
    case serviceUnavailable(service: String)

    public var description: String {
        switch self {
        case .unknownTool(let name): "no tool named '\(name)'"
        case .invalidArgument(let tool, let argument): "\(tool): argument '\(argument)' is missing or invalid"
        case .serviceUnavailable(let service): "\(service) is unavailable (503)"
        }
    }
}

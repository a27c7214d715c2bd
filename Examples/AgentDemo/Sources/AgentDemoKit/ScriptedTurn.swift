import ExporterRuntime

/// What the scripted model answers on one call: tool calls to make, or the final answer.
public enum ScriptedTurn: Sendable, Hashable {
    /// The model asks for these tool calls (optionally with some text before them).
    case callTools([ToolCall], text: String? = nil, reasoningTokens: Int = 0)
    /// The model answers the user.
    case answer(String, reasoningTokens: Int = 0)

    /// The assistant message the turn produces.
    public var message: ChatMessage {
        switch self {
        case .callTools(let calls, let text, _): .assistant(text, toolCalls: calls)
        case .answer(let text, _): .assistant(text)
        }
    }

    /// Completion tokens spent reasoning before the turn's message.
    public var reasoningTokens: Int {
        switch self {
        case .callTools(_, _, let reasoning), .answer(_, let reasoning): reasoning
        }
    }
}

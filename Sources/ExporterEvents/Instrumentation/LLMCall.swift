/// A managed LLM call in progress, handed to the body of ``Instrument/llm(model:name:provider:messages:metadata:tags:isolation:operation:)``:
/// it streams chunks and records the answer and token usage that the END carries.
public struct LLMCall: Sendable {
    /// The call's scope.
    public let scope: ScopeHandle

    /// The model called.
    public var model: String { scope.modelName ?? scope.name }

    /// Emits a CHUNK with streamed text.
    public func chunk(_ text: String) {
        scope.chunk(.string(text))
    }

    /// Emits a CHUNK with streamed structured data (a provider's delta object, say).
    public func chunk(_ data: JSONValue) {
        scope.chunk(data)
    }

    /// Records the answer as an assistant message with `output` as its text and the tool calls it asks for.
    public func finish(output: String?, usage: TokenUsage? = nil, toolCalls: [ToolCall] = []) {
        finish(message: .assistant(output, toolCalls: toolCalls), usage: usage)
    }

    /// Records the answer message and the token usage.
    public func finish(message: ChatMessage, usage: TokenUsage? = nil) {
        scope.setOutput(message)
        if let usage { scope.setTokenUsage(usage) }
    }

    /// Records the token usage alone (the output then comes from the body's result).
    public func setUsage(_ usage: TokenUsage) {
        scope.setTokenUsage(usage)
    }
}

extension Instrument {
    /// Runs `operation` as a managed LLM call on chat messages: the START carries the messages as a JSON array in
    /// the OpenAI chat shape, the END the answer (``LLMCall/finish(output:usage:toolCalls:)``, else the body's
    /// result when ``JSONRepresentable``) and the token usage; both carry `model`. `name` defaults to the model;
    /// `provider` goes into the START's metadata under ``MetadataKeys/llmProvider``.
    public static func llm<Result>(
        model: String,
        name: String? = nil,
        provider: String? = nil,
        messages: [ChatMessage],
        metadata: JSONObject = [:],
        tags: [String] = [],
        isolation: isolated (any Actor)? = #isolation,
        operation: (LLMCall) async throws -> Result
    ) async rethrows -> Result {
        try await llm(
            model: model,
            name: name,
            provider: provider,
            input: messages.jsonValue,
            metadata: metadata,
            tags: tags,
            isolation: isolation,
            operation: operation
        )
    }

    /// Runs `operation` as a managed LLM call on any input (a prompt string, a provider request object); see
    /// ``llm(model:name:provider:messages:metadata:tags:isolation:operation:)``.
    public static func llm<Result>(
        model: String,
        name: String? = nil,
        provider: String? = nil,
        input: JSONValue?,
        metadata: JSONObject = [:],
        tags: [String] = [],
        isolation: isolated (any Actor)? = #isolation,
        operation: (LLMCall) async throws -> Result
    ) async rethrows -> Result {
        var metadata = metadata
        if let provider { metadata[MetadataKeys.llmProvider] = .string(provider) }
        let scope = ScopeHandle(
            category: .llm,
            name: name ?? model,
            input: input,
            metadata: metadata,
            tags: tags,
            modelName: model
        )
        return try await run(scope, handle: LLMCall(scope: scope), isolation: isolation, operation: operation)
    }

    /// Runs `operation` as a managed tool call: the START carries `arguments` (structured JSON) and `toolCallID`
    /// (linking it to the LLM message that asked for it), the END the result set with
    /// `ScopeHandle.setOutput(_:)`, else the body's result when ``JSONRepresentable``.
    public static func tool<Result>(
        _ name: String,
        toolCallID: String? = nil,
        arguments: JSONValue,
        metadata: JSONObject = [:],
        tags: [String] = [],
        isolation: isolated (any Actor)? = #isolation,
        operation: (ScopeHandle) async throws -> Result
    ) async rethrows -> Result {
        let scope = ScopeHandle(
            category: .tool,
            name: name,
            input: arguments,
            metadata: metadata,
            tags: tags,
            toolCallID: toolCallID
        )
        return try await run(scope, isolation: isolation, operation: operation)
    }
}

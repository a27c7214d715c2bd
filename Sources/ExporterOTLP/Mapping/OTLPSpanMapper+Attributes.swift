import ExporterEvents

extension OTLPSpanMapper {
    /// Metadata keys that already have an attribute of their own, left out of the `metadata` JSON.
    static let mappedMetadataKeys: Set<String> = [
        MetadataKeys.sessionID, MetadataKeys.userID, MetadataKeys.llmProvider, MetadataKeys.displayName,
    ]

    /// Every attribute of the span, in the order of `docs/span-mapping.md`.
    func attributes(of span: Span) -> [OTLPKeyValue] {
        var list = OTLPAttributeList(reservingCapacity: 16)
        addAttributes(of: span, to: &list)
        return list.keyValues
    }

    /// Adds every attribute of the span to `list`, in the order of `docs/span-mapping.md`.
    func addAttributes(of span: Span, to list: inout some OTLPAttributeSink) {
        // Merged on every access: read once.
        let metadata = span.metadata
        let openInference = writesOpenInference
        if openInference {
            list.add("openinference.span.kind", string: Self.openInferenceKind(of: span.category))
        }
        addIdentity(of: span, to: &list)
        // The toolkit names the framework as an LLM's provider; OpenInference means the model's vendor, so the
        // framework stands in only with the toolkit's attributes.
        let provider =
            metadata[MetadataKeys.llmProvider]?.stringValue
            ?? (options.toolkitAttributes && span.category == .llm ? span.startEvent.framework : nil)
        if openInference {
            list.add(valueKey: "input.value", mimeTypeKey: "input.mime_type", span.input)
            list.add(valueKey: "output.value", mimeTypeKey: "output.mime_type", span.output)
            addLLM(span, provider: provider, to: &list)
            if span.category == .tool { addTool(span, to: &list) }
        }
        list.add("session.id", optional: span.sessionID)
        list.add("user.id", optional: span.userID)
        if !metadata.isEmpty {
            // Removing the few mapped keys keeps the order, and copies nothing when none is present.
            var unmapped = metadata
            for key in Self.mappedMetadataKeys { unmapped.removeValue(forKey: key) }
            if !unmapped.isEmpty { list.add("metadata", string: unmapped.jsonString) }
        }
        let tags = span.tags
        if !tags.isEmpty { list.add("tag.tags", .stringArray(tags)) }
        if case .error(let type, _) = span.status, !span.isUnfinished { list.add("error.type", string: type) }
        if writesGenAI {
            addGenAIAttributes(of: span, provider: metadata[MetadataKeys.llmProvider]?.stringValue, to: &list)
        }
        if options.toolkitAttributes { addToolkitAttributes(of: span, to: &list) }
    }

    /// OpenInference's span kind for a category (what Phoenix and other OpenInference backends group by).
    static func openInferenceKind(of category: EventCategory) -> String {
        switch category {
        case .agent: "AGENT"
        case .llm: "LLM"
        case .tool: "TOOL"
        case .retriever: "RETRIEVER"
        case .embedder: "EMBEDDING"
        case .reranker: "RERANKER"
        case .guardrail: "GUARDRAIL"
        case .evaluator: "EVALUATOR"
        case .function, .task, .custom, .unknown: "CHAIN"
        }
    }

    private func addIdentity(of span: Span, to list: inout some OTLPAttributeSink) {
        list.add(keys.uuid, string: span.uuid)
        list.add(keys.parentUUID, optional: span.parentUUID)
        list.add(keys.category, string: span.category.name)
        list.add(keys.subtype, optional: span.category.subtype)
        if span.origin != .scope { list.add(keys.origin, string: span.origin.rawValue) }
        if span.isUnfinished { list.add(keys.unfinished, bool: true) }
    }

    private func addLLM(_ span: Span, provider: String?, to list: inout some OTLPAttributeSink) {
        list.add("llm.model_name", optional: span.modelName)
        list.add("llm.provider", optional: provider)
        if let usage = span.tokenUsage {
            list.add("llm.token_count.prompt", int: usage.promptTokens)
            list.add("llm.token_count.completion", int: usage.completionTokens)
            list.add("llm.token_count.total", int: usage.totalTokens)
            if usage.cachedTokens > 0 {
                list.add("llm.token_count.prompt_details.cache_read", int: usage.cachedTokens)
            }
            if usage.reasoningTokens > 0 {
                list.add("llm.token_count.completion_details.reasoning", int: usage.reasoningTokens)
            }
        }
        guard span.category == .llm else { return }
        if case .array? = span.input, let messages = span.input.flatMap(ChatMessage.messages(from:)) {
            addMessages(messages, prefix: "llm.input_messages.", to: &list)
        }
        if let output = span.output, let messages = ChatMessage.messages(from: output) {
            addMessages(messages, prefix: "llm.output_messages.", to: &list)
        }
    }

    /// OpenInference's flattened messages: `<prefix>N.message.role`, `.content`, `.name`, `.tool_call_id` and
    /// `.tool_calls.K.tool_call.id/function.name/function.arguments`.
    private func addMessages(_ messages: [ChatMessage], prefix: String, to list: inout some OTLPAttributeSink) {
        for (index, message) in messages.enumerated() {
            let base = "\(prefix)\(index).message."
            list.add(base + "role", string: message.role.rawValue)
            list.add(base + "content", textOrJSON: message.content)
            list.add(base + "name", optional: message.name)
            list.add(base + "tool_call_id", optional: message.toolCallID)
            for (callIndex, call) in message.toolCalls.enumerated() {
                let callBase = "\(base)tool_calls.\(callIndex).tool_call."
                list.add(callBase + "id", string: call.id)
                list.add(callBase + "function.name", string: call.name)
                list.add(callBase + "function.arguments", textOrJSON: call.arguments)
            }
        }
    }

    private func addTool(_ span: Span, to list: inout some OTLPAttributeSink) {
        let name = span.startEvent.name
        list.add("tool.name", string: name)
        list.add("tool.parameters", textOrJSON: span.input)
        list.add("tool_call.id", optional: span.toolCallID)
        list.add("tool_call.function.name", string: name)
        list.add("tool_call.function.arguments", textOrJSON: span.input)
    }
}

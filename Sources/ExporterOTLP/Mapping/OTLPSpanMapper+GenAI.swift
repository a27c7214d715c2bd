import ExporterEvents

extension OTLPSpanMapper {
    /// The GenAI operation of a category, when the conventions define one.
    static func genAIOperation(of category: EventCategory) -> String? {
        switch category {
        case .llm: GenAIAttributes.Operation.chat
        case .tool: GenAIAttributes.Operation.executeTool
        case .agent: GenAIAttributes.Operation.invokeAgent
        case .embedder: GenAIAttributes.Operation.embeddings
        case .retriever: GenAIAttributes.Operation.retrieval
        case .function, .task, .reranker, .guardrail, .evaluator, .custom, .unknown: nil
        }
    }

    /// The span's name: with the GenAI conventions, `{operation} {model, tool or agent}` as they ask (`chat gpt-4o`,
    /// `execute_tool search`, `invoke_agent support-bot`); otherwise, and for spans they say nothing about, its own.
    func spanName(of span: Span) -> String {
        guard writesGenAI, let operation = Self.genAIOperation(of: span.category) else {
            return span.name
        }
        let subject = span.category == .llm ? (span.startEvent.modelName ?? span.modelName) : span.name
        guard let subject, !subject.isEmpty else { return operation }
        return operation + " " + subject
    }

    /// The GenAI semantic conventions' attributes; message content only with `capture_message_content`.
    func addGenAIAttributes(of span: Span, provider: String?, to list: inout some OTLPAttributeSink) {
        guard let operation = Self.genAIOperation(of: span.category) else {
            list.add(GenAIAttributes.conversationID, optional: span.sessionID)
            return
        }
        list.add(GenAIAttributes.operationName, string: operation)
        list.add(GenAIAttributes.providerName, optional: provider)
        switch span.category {
        case .llm, .embedder:
            list.add(GenAIAttributes.requestModel, optional: span.startEvent.modelName ?? span.modelName)
            list.add(GenAIAttributes.responseModel, optional: span.endEvent?.modelName)
            if let usage = span.tokenUsage {
                list.add(GenAIAttributes.usageInputTokens, int: usage.promptTokens)
                list.add(GenAIAttributes.usageOutputTokens, int: usage.completionTokens)
                if usage.cachedTokens > 0 {
                    list.add(GenAIAttributes.usageCacheReadInputTokens, int: usage.cachedTokens)
                }
                if usage.reasoningTokens > 0 {
                    list.add(GenAIAttributes.usageReasoningOutputTokens, int: usage.reasoningTokens)
                }
            }
            if options.captureMessageContent, span.category == .llm { addGenAIMessages(of: span, to: &list) }
        case .tool:
            list.add(GenAIAttributes.toolName, string: span.startEvent.name)
            list.add(GenAIAttributes.toolCallID, optional: span.toolCallID)
            if options.captureMessageContent {
                list.add(GenAIAttributes.toolCallArguments, textOrJSON: span.input)
                list.add(GenAIAttributes.toolCallResult, textOrJSON: span.output)
            }
        case .agent:
            list.add(GenAIAttributes.agentName, string: span.name)
        default:
            break
        }
        list.add(GenAIAttributes.conversationID, optional: span.sessionID)
    }

    /// `gen_ai.system_instructions`, `gen_ai.input.messages` and `gen_ai.output.messages` in the conventions' JSON
    /// shape: `[{"role": ..., "parts": [{"type": "text", "content": ...}, {"type": "tool_call", ...}]}]`.
    private func addGenAIMessages(of span: Span, to list: inout some OTLPAttributeSink) {
        if let input = span.input {
            let messages = ChatMessage.messages(from: input) ?? [.user(input.stringValue ?? input.jsonString)]
            let system = messages.filter { $0.role == .system }
            if !system.isEmpty {
                list.add(
                    GenAIAttributes.systemInstructions,
                    string: JSONValue.array(system.flatMap(Self.genAIParts)).jsonString
                )
            }
            let rest = messages.filter { $0.role != .system }
            if !rest.isEmpty {
                list.add(GenAIAttributes.inputMessages, string: JSONValue.array(rest.map(Self.genAIMessage)).jsonString)
            }
        }
        if let output = span.output {
            let messages = ChatMessage.messages(from: output) ?? [.assistant(output.stringValue ?? output.jsonString)]
            list.add(
                GenAIAttributes.outputMessages,
                string: JSONValue.array(messages.map(Self.genAIMessage)).jsonString
            )
        }
    }

    private static func genAIMessage(_ message: ChatMessage) -> JSONValue {
        var object: JSONObject = ["role": .string(message.role.rawValue), "parts": .array(genAIParts(message))]
        if let name = message.name { object["name"] = .string(name) }
        return .object(object)
    }

    private static func genAIParts(_ message: ChatMessage) -> [JSONValue] {
        var parts: [JSONValue] = []
        if message.role == .tool {
            var response: JSONObject = ["type": "tool_call_response"]
            if let id = message.toolCallID { response["id"] = .string(id) }
            response["response"] = message.content ?? .null
            return [.object(response)]
        }
        if let content = message.content {
            parts.append(.object(["type": "text", "content": .string(content.stringValue ?? content.jsonString)]))
        }
        for call in message.toolCalls {
            parts.append(
                .object([
                    "type": "tool_call", "id": .string(call.id), "name": .string(call.name),
                    "arguments": call.arguments,
                ])
            )
        }
        return parts
    }
}

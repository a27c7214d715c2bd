import ExporterEvents

extension TrajectoryBuilder {
    mutating func start(_ event: AgentEvent, root: String) {
        scopes[event.uuid] = ATIFScopeRecord(
            root: root,
            name: event.name,
            category: event.category,
            parentUUID: event.parentUUID,
            input: event.input,
            modelName: event.modelName,
            toolCallID: event.toolCallID
        )
        runs[root]?.memberUUIDs.append(event.uuid)
        switch event.category {
        case .agent where event.uuid == root:
            runs[root]?.rootName = event.name
            runs[root]?.sessionID = event.metadata[MetadataKeys.sessionID]?.stringValue
            if let input = event.input { addUserTurn(ATIFText.text(of: input), event: event, root: root) }
        case .agent, .function, .task, .tool, .retriever, .embedder, .reranker, .guardrail, .evaluator, .custom,
            .unknown:
            if event.uuid == root { runs[root]?.rootName = event.name }
        case .llm:
            if event.uuid == root { runs[root]?.rootName = event.name }
            llmStarted(event, root: root)
        }
    }

    mutating func end(_ event: AgentEvent, root: String) {
        if scopes[event.uuid] == nil {
            count("anomaly.end_without_start")
            scopes[event.uuid] = ATIFScopeRecord(
                root: root,
                name: event.name,
                category: event.category,
                parentUUID: event.parentUUID,
                input: event.input,
                modelName: event.modelName,
                toolCallID: event.toolCallID
            )
            runs[root]?.memberUUIDs.append(event.uuid)
        }
        switch event.category {
        case .llm: llmEnded(event, root: root)
        case .tool: toolEnded(event, root: root)
        case .agent where event.uuid == root: agentEnded(event, root: root)
        default: break
        }
    }

    /// System prompts and the fresh user turn of an LLM call's input.
    private mutating func llmStarted(_ event: AgentEvent, root: String) {
        if let tools = event.metadata["tools_schema"]?.arrayValue {
            for case .object(let definition) in tools { runs[root]?.addToolDefinition(definition) }
        }
        guard let input = event.input else { return }
        guard let messages = ChatMessage.messages(from: input) else {
            if case .string(let prompt) = input { addUserTurn(prompt, event: event, root: root) }
            return
        }
        for message in messages where message.role == .system {
            let text = ATIFText.text(of: message.content)
            guard runs[root]?.seenSystemTexts.insert(text).inserted == true else { continue }
            append(ATIFStep(stepID: 0, source: .system, message: text), event: event, at: event.timestamp, root: root)
        }
        if let user = messages.last(where: { $0.role == .user }) {
            addUserTurn(ATIFText.text(of: user.content), event: event, root: root)
        }
    }

    private mutating func addUserTurn(_ text: String, event: AgentEvent, root: String) {
        guard runs[root]?.seenUserTexts.insert(text).inserted == true else { return }
        append(ATIFStep(stepID: 0, source: .user, message: text), event: event, at: event.timestamp, root: root)
    }

    private mutating func llmEnded(_ event: AgentEvent, root: String) {
        let record = scopes[event.uuid]
        let answer = ATIFAssistantAnswer(event: event, streamedText: record?.streamedText ?? "")
        let model = event.modelName ?? record?.modelName
        if runs[root]?.firstModel == nil { runs[root]?.firstModel = model }
        var step = ATIFStep(
            stepID: 0,
            source: .agent,
            message: answer.text,
            modelName: model,
            reasoningContent: answer.reasoning,
            toolCalls: answer.toolCalls.isEmpty ? nil : answer.toolCalls
        )
        if let usage = event.tokenUsage {
            step.metrics = ATIFMetrics(
                promptTokens: usage.promptTokens,
                completionTokens: usage.completionTokens,
                cachedTokens: usage.cachedTokens,
                extra: usage.reasoningTokens > 0 ? ["reasoning_tokens": .int(Int64(usage.reasoningTokens))] : nil
            )
        }
        let index = append(step, event: event, at: event.timestamp, root: root)
        if case .error(let type, let message) = event.status {
            runs[root]?.steps[index].extra?["error"] = ["type": .string(type), "message": .string(message)]
        }
        for call in answer.toolCalls { runs[root]?.stepOfToolCall[call.toolCallID] = index }
    }

    private mutating func toolEnded(_ event: AgentEvent, root: String) {
        guard let run = runs[root] else { return }
        let record = scopes[event.uuid]
        let callID = event.toolCallID ?? record?.toolCallID
        let content: String
        if case .error(let type, let message) = event.status {
            content =
                "ERROR: tool '\(event.name)' failed: \(type): \(message)"
                + (event.output.map { "\noutput: " + ATIFText.text(of: $0) } ?? "")
        } else {
            content = event.output.map(ATIFText.text(of:)) ?? ""
        }
        let target: (step: Int, callID: String)
        if let callID, let step = run.stepOfToolCall[callID] {
            target = (step, callID)
        } else if callID == nil, let match = unansweredCall(named: event.name, in: run) {
            target = match
        } else {
            target = synthesizeToolCall(for: event, record: record, callID: callID, root: root)
        }
        runs[root]?.answeredToolCalls.insert(target.callID)
        let result = ATIFObservationResult(sourceCallID: target.callID, content: content)
        if runs[root]?.steps[target.step].observation == nil {
            runs[root]?.steps[target.step].observation = ATIFObservation(results: [result])
        } else {
            runs[root]?.steps[target.step].observation?.results.append(result)
        }
    }

    /// The most recent call of `name` that has no result yet.
    private func unansweredCall(named name: String, in run: ATIFRun) -> (step: Int, callID: String)? {
        for index in run.steps.indices.reversed() where run.steps[index].source == .agent {
            for call in run.steps[index].toolCalls ?? []
            where call.functionName == name && !run.answeredToolCalls.contains(call.toolCallID) {
                return (index, call.toolCallID)
            }
        }
        return nil
    }

    private mutating func synthesizeToolCall(
        for event: AgentEvent,
        record: ATIFScopeRecord?,
        callID: String?,
        root: String
    ) -> (step: Int, callID: String) {
        count("anomaly.tool_call_synthesized")
        var id = callID ?? "call_\(event.uuid)"
        if runs[root]?.stepOfToolCall[id] != nil { id = "call_\(event.uuid)" }
        let call = ATIFToolCall(
            toolCallID: id,
            functionName: event.name,
            arguments: ATIFText.arguments(record?.input ?? event.input ?? .null)
        )
        let step: Int
        if let latest = runs[root]?.latestAgentStep {
            step = latest
            let existing = runs[root]?.steps[step].toolCalls ?? []
            runs[root]?.steps[step].toolCalls = existing + [call]
        } else {
            step = append(
                ATIFStep(stepID: 0, source: .agent, message: "", toolCalls: [call]),
                event: event,
                at: event.timestamp,
                root: root
            )
        }
        runs[root]?.stepOfToolCall[id] = step
        return (step, id)
    }

    private mutating func agentEnded(_ event: AgentEvent, root: String) {
        guard let output = event.output else { return }
        let text = ATIFText.text(of: output)
        guard !text.isEmpty else { return }
        if let latest = runs[root]?.latestAgentStep, runs[root]?.steps[latest].message == text { return }
        append(ATIFStep(stepID: 0, source: .agent, message: text), event: event, at: event.timestamp, root: root)
    }

    /// Appends `step` with its timestamp and ancestry; returns its index.
    @discardableResult
    private mutating func append(_ step: ATIFStep, event: AgentEvent, at timestamp: Timestamp, root: String) -> Int {
        var step = step
        step.timestamp = ATIFTimestamp.format(timestamp)
        var ancestry: JSONObject = ["function_id": .string(event.uuid), "function_name": .string(event.name)]
        if let parent = event.parentUUID {
            ancestry["parent_id"] = .string(parent)
            if let parentName = scopes[parent]?.name { ancestry["parent_name"] = .string(parentName) }
        }
        step.extra = ["ancestry": .object(ancestry)]
        runs[root]?.steps.append(step)
        return (runs[root]?.steps.count ?? 1) - 1
    }
}

extension Span {
    /// The scope's input: the start event's, else the end event's (toolkit END events repeat it).
    public var input: JSONValue? {
        startEvent.input ?? endEvent?.input
    }

    /// The scope's output, from the end event.
    public var output: JSONValue? {
        endEvent?.output
    }

    /// Token counts: the end event's, else the start event's.
    public var tokenUsage: TokenUsage? {
        endEvent?.tokenUsage ?? startEvent.tokenUsage
    }

    /// The model of an LLM scope: the end event's (the model that answered), else the start event's.
    public var modelName: String? {
        endEvent?.modelName ?? startEvent.modelName
    }

    /// The tool call id of a tool scope.
    public var toolCallID: String? {
        startEvent.toolCallID ?? endEvent?.toolCallID
    }

    /// The agent framework that produced the scope.
    public var framework: String? {
        startEvent.framework ?? endEvent?.framework
    }

    /// The start event's metadata with the end event's merged over it (the end wins on a shared key).
    public var metadata: JSONObject {
        guard let endEvent, !endEvent.metadata.isEmpty, origin == .scope else { return startEvent.metadata }
        var merged = startEvent.metadata
        for (key, value) in endEvent.metadata { merged[key] = value }
        return merged
    }

    /// The tags of the start and end events, without repeats, in first-seen order.
    public var tags: [String] {
        guard let endEvent, !endEvent.tags.isEmpty, origin == .scope else { return startEvent.tags }
        var tags = startEvent.tags
        for tag in endEvent.tags where !tags.contains(tag) { tags.append(tag) }
        return tags
    }
}

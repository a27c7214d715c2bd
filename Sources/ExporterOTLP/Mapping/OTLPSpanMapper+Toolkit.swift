import ExporterEvents

extension OTLPSpanMapper {
    /// The toolkit's span attributes (its `SpanExporter` with prefix `nat`), for dashboards built on them.
    func addToolkitAttributes(of span: Span, metadata: JSONObject, to list: inout some OTLPAttributeSink) {
        let family = Self.toolkitFamily(of: span.category)
        list.add(keys.eventType, string: family + "_START")
        list.add(keys.spanKind, string: family)
        if let function = Self.function(of: span) {
            list.add(keys.functionID, optional: function.id)
            list.add(keys.functionName, optional: function.name)
        }
        list.add(keys.framework, optional: span.framework)
        list.add(keys.conversationID, optional: span.sessionID)
        list.add(keys.userID, optional: span.userID)
        if !metadata.isEmpty { list.add(keys.metadata, string: metadata.jsonString) }
        list.add(keys.eventTimestamp, double: span.start.secondsSinceEpoch)
    }

    /// The toolkit's event type family of a category (`LLM` in `LLM_START`); categories it lacks are `CUSTOM`.
    static func toolkitFamily(of category: EventCategory) -> String {
        switch category {
        case .llm: "LLM"
        case .tool: "TOOL"
        case .agent: "WORKFLOW"
        case .task: "TASK"
        case .function: "FUNCTION"
        case .custom("span"): "SPAN"
        case .custom("ttc"): "TTC"
        case .retriever, .embedder, .reranker, .guardrail, .evaluator, .custom, .unknown: "CUSTOM"
        }
    }

    /// The enclosing function, when known: the toolkit's `function_ancestry` kept by the IntermediateStep codec,
    /// else the span itself when it is a function.
    static func function(of span: Span) -> (id: String?, name: String?)? {
        if let ancestry = span.startEvent.extensions["intermediate_step"]?["function_ancestry"]?.objectValue {
            let id = ancestry["function_id"]?.stringValue
            let name = ancestry["function_name"]?.stringValue
            if id != nil || name != nil { return (id, name) }
        }
        if span.category == .function { return (span.uuid, span.startEvent.name) }
        return nil
    }
}

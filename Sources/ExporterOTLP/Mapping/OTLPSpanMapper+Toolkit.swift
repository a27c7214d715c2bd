import ExporterEvents

extension OTLPSpanMapper {
    /// The toolkit's span attributes (its `SpanExporter` with prefix `nat`), with the toolkit's values, for
    /// dashboards and saved queries built on them. `Tests/ExporterOTLPTests/Mapping/ToolkitParityTests.swift`
    /// compares them with what the toolkit itself exported for recorded runs.
    func addToolkitAttributes(of span: Span, to list: inout some OTLPAttributeSink) {
        let family = Self.toolkitFamily(of: span.category)
        let ancestry = Self.ancestry(of: span)
        list.add(keys.eventType, string: family + "_START")
        list.add(keys.functionID, string: ancestry.id ?? Self.unknown)
        list.add(keys.functionName, string: ancestry.name ?? Self.unknown)
        list.add(keys.functionParentID, string: ancestry.parentID ?? Self.unknown)
        list.add(keys.functionParentName, string: ancestry.parentName ?? Self.unknown)
        list.add(keys.subspanName, string: span.startEvent.name)
        list.add(keys.eventTimestamp, double: span.start.secondsSinceEpoch)
        // The START step's framework, as the toolkit reads it.
        list.add(keys.framework, string: span.startEvent.framework ?? Self.unknown)
        list.add(keys.conversationID, string: span.sessionID ?? Self.unknown)
        list.add(keys.userID, string: span.userID ?? Self.unknown)
        list.add(keys.workflowRunID, string: span.runID ?? Self.unknown)
        // The toolkit names the trace only when the span has one it did not make up: the run's, or its parent's.
        let namesTrace = span.hasRunTraceID || span.parentSpanID != nil
        list.add(keys.workflowTraceID, string: namesTrace ? span.traceID.description : Self.unknown)
        list.add(keys.spanKind, string: family)
        if let input = span.startEvent.input, Self.isTruthy(input) {
            list.add("input.value_obj", string: Self.toolkitObjectJSON(input))
        }
        guard let end = span.endEvent, !span.isUnfinished else { return }
        if let usage = Self.toolkitUsage(of: end) {
            list.add(keys.usageNumLLMCalls, int: usage.numLLMCalls)
            list.add(keys.usageSecondsBetweenCalls, int: usage.secondsBetweenCalls)
        }
        if let output = end.output {
            list.add("output.value_obj", string: Self.toolkitObjectJSON(output))
        }
        list.add(keys.metadata, string: JSONValue.object(Self.toolkitMergedMetadata(of: span)).jsonString)
        list.add(keys.metadataMimeType, string: OTLPText.jsonMimeType)
    }

    /// The toolkit's value for what it does not know.
    static let unknown = "unknown"

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

    /// The enclosing function and its parent: the toolkit's `function_ancestry` kept by the IntermediateStep codec,
    /// else the span itself when it is a function.
    static func ancestry(of span: Span) -> (id: String?, name: String?, parentID: String?, parentName: String?) {
        if let ancestry = span.startEvent.extensions[ExtensionKeys.intermediateStep]?["function_ancestry"]?
            .objectValue
        {
            func nonEmpty(_ key: String) -> String? {
                ancestry[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            }
            return (nonEmpty("function_id"), nonEmpty("function_name"), nonEmpty("parent_id"), nonEmpty("parent_name"))
        }
        if span.category == .function { return (span.uuid, span.startEvent.name, nil, nil) }
        return (nil, nil, nil, nil)
    }

    /// The usage counters of an END step that carried `usage_info` (the toolkit sets them, zero by default, only
    /// then); the instrumentation API's LLM calls count one call.
    static func toolkitUsage(of end: AgentEvent) -> (numLLMCalls: Int, secondsBetweenCalls: Int)? {
        let extra = end.extensions[ExtensionKeys.intermediateStep]?["usage_extra"]?.objectValue
        guard extra != nil || end.tokenUsage != nil else { return nil }
        let calls = extra?["num_llm_calls"]?.intValue.map(Int.init) ?? (end.category == .llm ? 1 : 0)
        let seconds = extra?["seconds_between_calls"]?.intValue.map(Int.init) ?? 0
        return (calls, seconds)
    }

    /// The START metadata with the END metadata under it: the toolkit's `merge_dicts`, where the start's non-null
    /// values win (so a tool's `tool_inputs` survives an END that repeats the key as null).
    static func toolkitMergedMetadata(of span: Span) -> JSONObject {
        var merged = span.endEvent?.metadata ?? [:]
        for (key, value) in span.startEvent.metadata where !value.isNull { merged[key] = value }
        return merged
    }

    /// Python truthiness, which the toolkit's `if data.input:` applies: null, false, 0, "" and empty lists and
    /// objects add no input.
    static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: false
        case .bool(let bool): bool
        case .int(let int): int != 0
        case .double(let double): double != 0
        case .largeInteger: true
        case .string(let string): !string.isEmpty
        case .array(let items): !items.isEmpty
        case .object(let object): !object.isEmpty
        }
    }

    /// `input.value_obj`/`output.value_obj`: the value as JSON after the toolkit's normalisation (null members
    /// dropped, an object with a non-null `value` member replaced by that member).
    static func toolkitObjectJSON(_ value: JSONValue) -> String {
        func normalized(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let object):
                var kept = JSONObject()
                for (key, member) in object where !member.isNull { kept[key] = normalized(member) }
                if let inner = kept["value"] { return inner }
                return .object(kept)
            case .array(let items): return .array(items.map(normalized))
            default: return value
            }
        }
        return normalized(value).jsonString
    }
}

import ExporterDiagnostics
import ExporterEvents

extension IntermediateStepCodec {
    private static let lineKeys: Set<String> = ["parent_id", "function_ancestry", "payload"]
    private static let payloadKeys: Set<String> = [
        "event_type", "event_timestamp", "span_event_timestamp", "framework", "name", "tags", "metadata", "data",
        "usage_info", "UUID", CanonicalSupplement.key,
    ]
    private static let dataKeys: Set<String> = ["input", "output", "chunk"]

    /// Decodes one line's object; `TRACE…` errors for what is not an IntermediateStep.
    static func decode(_ line: JSONObject) throws(DiagnosticError) -> AgentEvent {
        guard let payloadValue = line["payload"] else { throw TraceIssue.missing("payload") }
        guard case .object(let payload) = payloadValue else {
            throw TraceIssue.wrongType("payload", expected: "an object", found: payloadValue)
        }
        let uuid = try payload.requiredString("UUID", path: "payload.UUID")
        let typeName = try payload.requiredString("event_type", path: "payload.event_type")
        guard let implied = IntermediateStepEventType.decode(typeName) else {
            throw TraceIssue.error(
                .traceUnknownEventType,
                "unknown event_type '\(typeName)'",
                hint: DidYouMean.hint(for: typeName, among: IntermediateStepEventType.allNames)
                    ?? "expected one of \(IntermediateStepEventType.allNames.joined(separator: ", "))"
            )
        }
        guard let timestampValue = payload["event_timestamp"] else {
            throw TraceIssue.missing("payload.event_timestamp")
        }
        guard let seconds = timestampValue.doubleValue else {
            throw TraceIssue.wrongType(
                "payload.event_timestamp",
                expected: "a number (epoch seconds)",
                found: timestampValue
            )
        }
        guard let timestamp = Timestamp(checkedSecondsSinceEpoch: seconds) else {
            throw TraceIssue.error(
                .traceInvalidTimestamp,
                "payload.event_timestamp \(seconds) is not a representable time"
            )
        }
        let parentUUID: String?
        switch line["parent_id"] {
        case nil, .null?: parentUUID = nil
        case .string(let parent)?: parentUUID = parent == "root" ? nil : parent
        case let other?: throw TraceIssue.wrongType("parent_id", expected: "a string", found: other)
        }

        var ext = IntermediateStepExtension()
        ext.functionAncestry = line["function_ancestry"]

        let data = payload["data"]?.objectValue
        if let data {
            var extra = JSONObject()
            for (key, value) in data where !dataKeys.contains(key) { extra.appendUnique(key, value) }
            ext.dataExtra = extra
        }
        let usage = payload["usage_info"]?.objectValue
        if let usage {
            var extra = JSONObject()
            for (key, value) in usage where key != "token_usage" { extra.appendUnique(key, value) }
            ext.usageExtra = extra
        }
        var payloadExtra = JSONObject()
        for (key, value) in payload where !payloadKeys.contains(key) { payloadExtra.appendUnique(key, value) }
        ext.payloadExtra = payloadExtra
        var lineExtra = JSONObject()
        for (key, value) in line where !lineKeys.contains(key) { lineExtra.appendUnique(key, value) }
        ext.lineExtra = lineExtra

        let writtenName = payload["name"]?.stringValue ?? ""
        var name = writtenName
        var phase = implied.phase
        var category = implied.category
        var modelName = impliedModelName(category: category, name: writtenName)
        var framework = payload["framework"]?.stringValue
        var toolCallID: String?
        var status = EventStatus.ok
        let supplement = payload[CanonicalSupplement.key]?.objectValue
        if let supplement {
            if let explicit = CanonicalSupplement.category(in: supplement) { category = explicit }
            if phase == .chunk, supplement["phase"] == "mark" { phase = .mark }
            if case .string(let scopeName)? = supplement["name"] { name = scopeName }
            modelName =
                supplement["model_name"].map { $0.stringValue }
                ?? impliedModelName(category: category, name: writtenName)
            if case .string(let explicit)? = supplement["framework"] { framework = explicit }
            toolCallID = supplement["tool_call_id"]?.stringValue
            status = EventStatus(errorJSON: supplement["error"])
        }

        var event = AgentEvent(
            uuid: uuid,
            parentUUID: parentUUID,
            phase: phase,
            category: category,
            name: name,
            timestamp: timestamp,
            startTimestamp: payload["span_event_timestamp"]?.doubleValue.flatMap(
                Timestamp.init(checkedSecondsSinceEpoch:)
            ),
            input: data?["input"].flatMap(JSONValue.nonNull),
            output: data?["output"].flatMap(JSONValue.nonNull),
            chunk: data?["chunk"].flatMap(JSONValue.nonNull),
            metadata: payload["metadata"]?.objectValue ?? [:],
            tags: payload["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            modelName: modelName,
            toolCallID: toolCallID,
            framework: framework,
            tokenUsage: TokenUsage(jsonValue: usage?["token_usage"]),
            status: status
        )

        // Keep the originals of whatever the canonical form would not write back as read.
        func verify(_ field: IntermediateStepField, _ raw: JSONValue?) {
            ext.asRead.record(field.rawValue, raw: raw, encoded: field.encodedValue(of: event, extension: ext))
        }
        if line["parent_id"]?.stringValue == nil { verify(.parentID, line["parent_id"]) }
        if ext.functionAncestry == nil { verify(.functionAncestry, nil) }
        if supplement != nil || payload[CanonicalSupplement.key] != nil {
            verify(.eventType, payload["event_type"])
        }
        // Not only when the line has one: a framework the toolkit lacks or an LLM name that is not the model
        // would add one.
        verify(.canonical, payload[CanonicalSupplement.key])
        if !isExactSeconds(timestampValue) { verify(.eventTimestamp, timestampValue) }
        let start = payload["span_event_timestamp"]
        if start?.isNull != true, !(start.map(isExactSeconds) ?? false) { verify(.spanEventTimestamp, start) }
        let rawFramework = payload["framework"]
        if rawFramework?.isNull != true { verify(.framework, rawFramework) }
        verify(.name, payload["name"])
        if !isExactTags(payload["tags"]) { verify(.tags, payload["tags"]) }
        let metadata = payload["metadata"]
        if metadata?.isNull != true, metadata?.objectValue?.isEmpty != false { verify(.metadata, metadata) }
        if !(payload["data"]?.isNull == true
            || data.map { $0["input"] != nil && $0["output"] != nil && $0["chunk"] != nil } == true)
        {
            verify(.data, payload["data"])
        }
        if !isExactUsage(payload["usage_info"], event: event) { verify(.usageInfo, payload["usage_info"]) }

        let stored = ext.jsonObject
        if !stored.isEmpty { event.extensions[extensionKey] = .object(stored) }
        return event
    }

    /// A double that ``Timestamp`` gives back unchanged.
    private static func isExactSeconds(_ value: JSONValue) -> Bool {
        guard case .double(let seconds) = value, let timestamp = Timestamp(checkedSecondsSinceEpoch: seconds) else {
            return false
        }
        return timestamp.secondsSinceEpoch == seconds
    }

    private static func isExactTags(_ value: JSONValue?) -> Bool {
        switch value {
        case .null?: return true
        case .array(let items)?: return !items.isEmpty && items.allSatisfy { $0.stringValue != nil }
        default: return false
        }
    }

    private static func isExactUsage(_ value: JSONValue?, event: AgentEvent) -> Bool {
        switch value {
        case .null?: return true
        case .object(let usage)?:
            switch usage["token_usage"] {
            case .null?: return true
            case .object(let tokens)?: return event.tokenUsage?.jsonObject == tokens
            default: return false
            }
        default: return false
        }
    }
}

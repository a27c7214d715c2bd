import ExporterDiagnostics
import ExporterEvents

extension ATOFCodec {
    private static let profileKeys: Set<String> = ["model_name", "tool_call_id", "subtype"]

    /// Decodes one line's object; `TRACE…` errors for what is not an ATOF event.
    static func decode(_ line: JSONObject) throws(DiagnosticError) -> AgentEvent {
        let kind = try line.requiredString("kind", path: "kind")
        let phase: EventPhase
        switch kind {
        case "scope":
            let scopeCategory = try line.requiredString("scope_category", path: "scope_category")
            switch scopeCategory {
            case "start": phase = .start
            case "end": phase = .end
            default:
                throw TraceIssue.error(
                    .traceUnknownKind,
                    "unknown scope_category '\(scopeCategory)'",
                    hint: DidYouMean.hint(for: scopeCategory, among: ["start", "end"]) ?? "expected 'start' or 'end'"
                )
            }
        case "mark":
            phase = .mark
        default:
            throw TraceIssue.error(
                .traceUnknownKind,
                "unknown kind '\(kind)'",
                hint: DidYouMean.hint(for: kind, among: ["scope", "mark"]) ?? "expected 'scope' or 'mark'"
            )
        }
        if let version = try line.optionalString("atof_version", path: "atof_version"), version != ATOFCodec.version {
            throw TraceIssue.error(
                .traceUnsupportedVersion,
                "unsupported atof_version '\(version)'",
                hint: "this reader understands ATOF \(ATOFCodec.version)"
            )
        }
        let uuid = try line.requiredString("uuid", path: "uuid")
        let parentUUID = try line.optionalString("parent_uuid", path: "parent_uuid")
        guard let timestampValue = line["timestamp"] else { throw TraceIssue.missing("timestamp") }
        let timestamp = try decodeTimestamp(timestampValue, path: "timestamp")

        var ext = ATOFExtension()
        ext.dataSchema = line["data_schema"]
        ext.attributes = line["attributes"]
        var extra = JSONObject()
        for (key, value) in line where !ATOFField.names.contains(key) { extra.appendUnique(key, value) }
        ext.extra = extra

        let profile = line["category_profile"]?.objectValue
        if let profile {
            var profileExtra = JSONObject()
            for (key, value) in profile where !profileKeys.contains(key) { profileExtra.appendUnique(key, value) }
            ext.profileExtra = profileExtra
        }
        let supplement = line[CanonicalSupplement.key]?.objectValue ?? [:]

        var category = EventCategory.unknown
        switch line["category"] {
        case .string(let name)?:
            category = EventCategory(name: name, subtype: profile?["subtype"]?.stringValue) ?? .unknown
        case nil, .null?:
            category = CanonicalSupplement.category(in: supplement) ?? .unknown
        case let other?:
            throw TraceIssue.wrongType("category", expected: "a string", found: other)
        }
        let data = line["data"].flatMap(JSONValue.nonNull)
        let resolvedPhase = phase == .mark && supplement["phase"] == "chunk" ? EventPhase.chunk : phase
        var startTimestamp: Timestamp?
        if case .string(let text)? = supplement["start_timestamp"] { startTimestamp = RFC3339.parse(text) }

        var event = AgentEvent(
            uuid: uuid,
            parentUUID: parentUUID,
            phase: resolvedPhase,
            category: category,
            name: line["name"]?.stringValue ?? "",
            timestamp: timestamp,
            startTimestamp: startTimestamp,
            input: phase == .start ? data : supplement["input"],
            output: phase == .end ? data : supplement["output"],
            chunk: phase == .mark ? data : supplement["chunk"],
            metadata: line["metadata"]?.objectValue ?? [:],
            tags: supplement["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            modelName: (profile ?? supplement)["model_name"]?.stringValue,
            toolCallID: (profile ?? supplement)["tool_call_id"]?.stringValue,
            framework: supplement["framework"]?.stringValue,
            tokenUsage: TokenUsage(jsonValue: supplement["token_usage"]),
            status: EventStatus(errorJSON: supplement["error"])
        )

        // Keep the originals of whatever the canonical form would not write back as read.
        for field in ATOFField.allCases {
            let raw = line[field.rawValue]
            switch field {
            case .uuid: continue
            case .data where raw != nil, .dataSchema where raw != nil: continue
            case .metadata where raw?.isNull == true || raw?.objectValue?.isEmpty == false: continue
            default: break
            }
            ext.asRead.record(field.rawValue, raw: raw, encoded: field.encodedValue(of: event, extension: ext))
        }

        let stored = ext.jsonObject
        if !stored.isEmpty { event.extensions[extensionKey] = .object(stored) }
        return event
    }

    /// An RFC 3339 string or integer epoch microseconds.
    static func decodeTimestamp(_ value: JSONValue, path: String) throws(DiagnosticError) -> Timestamp {
        switch value {
        case .string(let text):
            guard let timestamp = RFC3339.parse(text) else {
                throw TraceIssue.error(
                    .traceInvalidTimestamp,
                    "\(path) '\(text)' is not an RFC 3339 date-time",
                    hint: "write it like 2025-10-09T08:53:20.123456Z or as integer epoch microseconds"
                )
            }
            return timestamp
        case .int(let micros):
            let (nanos, overflow) = micros.multipliedReportingOverflow(by: 1000)
            guard !overflow else {
                throw TraceIssue.error(
                    .traceInvalidTimestamp,
                    "\(path) \(micros) µs is outside the representable range"
                )
            }
            return Timestamp(nanosecondsSinceEpoch: nanos)
        case .largeInteger(let digits):
            throw TraceIssue.error(.traceInvalidTimestamp, "\(path) \(digits) µs is outside the representable range")
        default:
            throw TraceIssue.wrongType(
                path,
                expected: "an RFC 3339 string or integer epoch microseconds",
                found: value
            )
        }
    }
}

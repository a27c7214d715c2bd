import ExporterDiagnostics

/// Reads and writes the toolkit's IntermediateStep JSON Lines (what NAT's `file` exporter writes), one event per
/// line.
///
/// Mapping: `payload.UUID` → `uuid`; `parent_id` → `parentUUID` (`"root"` ↔ nil); `event_type` ↔ phase and
/// category (`WORKFLOW` ↔ `.agent`, `CUSTOM`/`SPAN`/`TTC` ↔ `.custom("custom"/"span"/"ttc")`, `LLM_NEW_TOKEN` and
/// `SPAN_CHUNK` ↔ `.chunk`); `event_timestamp` → `timestamp`; `span_event_timestamp` → `startTimestamp`; `name`;
/// `tags`; `framework`; `metadata`; `data.input/output/chunk` → `input/output/chunk`; `usage_info.token_usage` →
/// `tokenUsage`; on LLM events `modelName` is the `name`. Empty canonical values are written as the toolkit's
/// explicit `null`s. Timestamps are the toolkit's float epoch seconds, which resolve about a quarter of a
/// microsecond at today's epochs: finer instants are rounded to the nearest representable double.
///
/// Canonical fields the format has no place for go into an extra payload key, `payload.canonical` (the payload
/// allows extra keys): `category` (+ `subtype`) for categories without an event type (retriever, embedder, ...,
/// written as `CUSTOM_*`), `phase: "mark"` for marks (written as `SPAN_CHUNK`, or `LLM_NEW_TOKEN` for LLM marks),
/// `error: {type, message}` for a failed event's status, `model_name` when it is not the LLM event's `name`, and
/// `tool_call_id`. The key is only written when needed.
///
/// Everything else without a canonical home (`function_ancestry`, `data.payload`, the rest of `usage_info`,
/// unknown keys) is kept in `extensions["intermediate_step"]`, together with exact originals of values the
/// canonical form cannot reproduce (see `as_read`), so a file read and written back gives the same JSON values
/// line by line. Events made by instrumentation get a derived `function_ancestry`: the event itself as the
/// function, its parent (or `"root"`) as the parent. `rootUUID` is not written; ``TraceReader`` derives it.
public enum IntermediateStepCodec {
    /// The key of this format's entry in ``AgentEvent/extensions``.
    public static let extensionKey = "intermediate_step"

    /// Parses and decodes one line. Errors are `JSON…` (not JSON) or `TRACE…` (not an event) diagnostics located
    /// on line 1.
    public static func decode(line: some Collection<UInt8>) throws(DiagnosticError) -> AgentEvent {
        try decode(JSONParser().parse(line))
    }

    /// Decodes one parsed line.
    public static func decode(_ value: JSONValue) throws(DiagnosticError) -> AgentEvent {
        guard case .object(let line) = value else { throw TraceIssue.notAnObject(value, format: "IntermediateStep") }
        return try decode(line)
    }

    /// Encodes one event as a line (without the newline).
    public static func encode(_ event: AgentEvent) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(512)
        encode(event, to: &buffer)
        return buffer
    }
}

/// The parts of `extensions["intermediate_step"]` the encoder uses, read once per event.
struct IntermediateStepExtension {
    var functionAncestry: JSONValue?
    var lineExtra: JSONObject?
    var payloadExtra: JSONObject?
    var dataExtra: JSONObject?
    var usageExtra: JSONObject?
    var asRead = AsReadOverrides()

    init() {}

    init(_ object: JSONObject?) {
        guard let object else { return }
        functionAncestry = object["function_ancestry"]
        lineExtra = object["line_extra"]?.objectValue
        payloadExtra = object["payload_extra"]?.objectValue
        dataExtra = object["data_extra"]?.objectValue
        usageExtra = object["usage_extra"]?.objectValue
        asRead = AsReadOverrides(extension: object)
    }

    var jsonObject: JSONObject {
        var object = JSONObject()
        if let functionAncestry { object.appendUnique("function_ancestry", functionAncestry) }
        if let lineExtra, !lineExtra.isEmpty { object.appendUnique("line_extra", .object(lineExtra)) }
        if let payloadExtra, !payloadExtra.isEmpty { object.appendUnique("payload_extra", .object(payloadExtra)) }
        if let dataExtra { object.appendUnique("data_extra", .object(dataExtra)) }
        if let usageExtra { object.appendUnique("usage_extra", .object(usageExtra)) }
        if !asRead.isEmpty { object.appendUnique("as_read", asRead.jsonValue) }
        return object
    }
}

/// The fields whose written value is derived from the canonical event, by their path in the line.
enum IntermediateStepField: String, CaseIterable {
    case parentID = "parent_id"
    case functionAncestry = "function_ancestry"
    case eventType = "payload.event_type"
    case eventTimestamp = "payload.event_timestamp"
    case spanEventTimestamp = "payload.span_event_timestamp"
    case framework = "payload.framework"
    case name = "payload.name"
    case tags = "payload.tags"
    case metadata = "payload.metadata"
    case data = "payload.data"
    case usageInfo = "payload.usage_info"
    case canonical = "payload.canonical"

    /// What the encoder writes for this field, nil when it omits the key. The streaming encoder writes the same
    /// values without building them.
    func encodedValue(of event: AgentEvent, extension ext: IntermediateStepExtension) -> JSONValue? {
        switch self {
        case .parentID: return .string(event.parentUUID ?? "root")
        case .functionAncestry: return ext.functionAncestry ?? .object(IntermediateStepCodec.derivedAncestry(of: event))
        case .eventType:
            return .string(IntermediateStepEventType.encode(phase: event.phase, category: event.category).description)
        case .eventTimestamp: return .double(event.timestamp.secondsSinceEpoch)
        case .spanEventTimestamp: return event.startTimestamp.map { .double($0.secondsSinceEpoch) } ?? .null
        case .framework: return event.framework.map(JSONValue.string) ?? .null
        case .name: return event.name.isEmpty ? .null : .string(event.name)
        case .tags: return event.tags.isEmpty ? .null : .array(event.tags.map(JSONValue.string))
        case .metadata: return event.metadata.isEmpty ? .null : .object(event.metadata)
        case .data:
            guard event.input != nil || event.output != nil || event.chunk != nil || ext.dataExtra != nil else {
                return .null
            }
            var data = JSONObject(uniqueMembers: [
                ("input", event.input ?? .null), ("output", event.output ?? .null), ("chunk", event.chunk ?? .null),
            ])
            if let extra = ext.dataExtra {
                for (key, value) in extra where data[key] == nil { data.appendUnique(key, value) }
            } else {
                data.appendUnique("payload", .null)
            }
            return .object(data)
        case .usageInfo:
            guard event.tokenUsage != nil || ext.usageExtra != nil else { return .null }
            var usage = JSONObject(uniqueMembers: [
                ("token_usage", event.tokenUsage.map { .object($0.jsonObject) } ?? .null)
            ])
            if let extra = ext.usageExtra {
                for (key, value) in extra where key != "token_usage" { usage.appendUnique(key, value) }
            } else {
                usage.appendUnique("num_llm_calls", .int(event.category == .llm ? 1 : 0))
                usage.appendUnique("seconds_between_calls", .int(0))
            }
            return .object(usage)
        case .canonical:
            let supplement = IntermediateStepCodec.supplement(of: event)
            if supplement.isEmpty { return nil }
            return .object(supplement)
        }
    }
}

extension IntermediateStepCodec {
    /// The `function_ancestry` of an event made by instrumentation: itself as the function, its parent as parent.
    static func derivedAncestry(of event: AgentEvent) -> JSONObject {
        JSONObject(uniqueMembers: [
            ("function_id", .string(event.uuid)),
            ("function_name", .string(event.name)),
            ("parent_id", .string(event.parentUUID ?? "root")),
            ("parent_name", event.parentUUID == nil ? .string("root") : .null),
        ])
    }

    /// The model name decoding assumes when `payload.canonical` does not say: the name of an LLM event.
    static func impliedModelName(category: EventCategory, name: String) -> String? {
        category == .llm && !name.isEmpty ? name : nil
    }

    /// The `payload.canonical` object for an event: empty for everything the toolkit's own fields express.
    static func supplement(of event: AgentEvent) -> JSONObject {
        var object = JSONObject()
        if IntermediateStepEventType.impliedCategory(phase: event.phase, category: event.category) != event.category {
            CanonicalSupplement.appendCategory(event.category, to: &object)
        }
        if event.phase == .mark { object.appendUnique("phase", "mark") }
        if event.modelName != impliedModelName(category: event.category, name: event.name) {
            object.appendUnique("model_name", event.modelName.map(JSONValue.string) ?? .null)
        }
        if let toolCallID = event.toolCallID { object.appendUnique("tool_call_id", .string(toolCallID)) }
        if let error = event.status.errorJSON { object.appendUnique("error", error) }
        return object
    }
}

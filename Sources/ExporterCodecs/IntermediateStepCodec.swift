import ExporterDiagnostics
import ExporterEvents

/// Reads and writes the toolkit's IntermediateStep JSON Lines (what NAT's `file` exporter writes), one event per
/// line.
///
/// Mapping: `payload.UUID` → `uuid`; `parent_id` → `parentUUID` (`"root"` ↔ nil); `event_type` ↔ phase and
/// category (`WORKFLOW` ↔ `.agent`, `CUSTOM`/`SPAN`/`TTC` ↔ `.custom("custom"/"span"/"ttc")`, `LLM_NEW_TOKEN` and
/// `SPAN_CHUNK` ↔ `.chunk`); `event_timestamp` → `timestamp`; `span_event_timestamp` → `startTimestamp`; `name`;
/// `tags`; `framework`; `metadata`; `data.input/output/chunk` → `input/output/chunk`; `usage_info.token_usage` →
/// `tokenUsage`. Empty canonical values are written as the toolkit's explicit `null`s. Timestamps are the
/// toolkit's float epoch seconds, which resolve about a quarter of a microsecond at today's epochs: finer instants
/// are rounded to the nearest representable double.
///
/// Written lines are lines the toolkit (NAT 1.9) parses and reads as we mean them:
/// - On LLM events the toolkit takes `payload.name` as the model (its span exporter sets `llm.model_name` from
///   it), so an LLM event with a `modelName` is written with the model as `name`; when the scope's own name is
///   different, it goes to `canonical.name`. Reading takes `name` as the model of an LLM event.
/// - `framework` is the toolkit's `LLMFrameworkEnum`, which rejects other values (``toolkitFrameworks``): any
///   other framework is written as `null` with the name kept in `canonical.framework`.
///
/// Canonical fields the format has no place for go into an extra payload key, `payload.canonical` (the payload
/// allows extra keys): `category` (+ `subtype`) for categories without an event type (retriever, embedder, ...,
/// written as `CUSTOM_*`), `phase: "mark"` for marks (written as `SPAN_CHUNK`, or `LLM_NEW_TOKEN` for LLM marks),
/// `error: {type, message}` for a failed event's status, `name` (see above), `model_name` when the written
/// `name` does not imply it, `framework` (see above) and `tool_call_id`. The key is only written when needed.
///
/// Everything else without a canonical home (`function_ancestry`, `data.payload`, the rest of `usage_info`,
/// unknown keys) is kept in `extensions["intermediate_step"]`, together with exact originals of values the
/// canonical form cannot reproduce (see `as_read`), so a file read and written back gives the same JSON values
/// line by line. Instrumentation records the toolkit's `function_ancestry` there (the enclosing function scope,
/// as the toolkit records it; see ``Instrument``); an event without one gets a derived one (the event itself as
/// the function, see `derivedAncestry`). `rootUUID` is not written; ``TraceReader`` derives it.
public enum IntermediateStepCodec {
    /// The key of this format's entry in ``AgentEvent/extensions``.
    public static let extensionKey = ExtensionKeys.intermediateStep

    /// The `framework` values the toolkit accepts (NAT 1.9 `LLMFrameworkEnum`); any other is written as `null`
    /// and kept in `payload.canonical.framework`.
    public static let toolkitFrameworks: Set<String> = [
        "langchain", "llama_index", "crewai", "semantic_kernel", "agno", "adk", "strands", "autogen",
    ]

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
        case .functionAncestry:
            return ext.functionAncestry ?? .object(IntermediateStepCodec.derivedAncestry(of: event))
        case .eventType:
            return .string(IntermediateStepEventType.encode(phase: event.phase, category: event.category).description)
        case .eventTimestamp: return .double(event.timestamp.secondsSinceEpoch)
        case .spanEventTimestamp: return event.startTimestamp.map { .double($0.secondsSinceEpoch) } ?? .null
        case .framework: return IntermediateStepCodec.writtenFramework(of: event).map(JSONValue.string) ?? .null
        case .name: return IntermediateStepCodec.writtenName(of: event).map(JSONValue.string) ?? .null
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
    /// The `function_ancestry` of an event that carries none (it did not come from instrumentation or a toolkit
    /// file): the event itself as the function, its parent (or `"root"`) as the caller. Which enclosing scope is a
    /// function cannot be told from one event; this keeps the ids linked and is what earlier releases wrote, so
    /// recorded outputs stay stable.
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

    /// The `payload.name` written for an event: the model of an LLM event that has one (the toolkit reads the
    /// model from there), else the event's name; nil (`null`) when empty.
    static func writtenName(of event: AgentEvent) -> String? {
        if event.category == .llm, let model = event.modelName, !model.isEmpty { return model }
        return event.name.isEmpty ? nil : event.name
    }

    /// The `payload.framework` written for an event: its framework when the toolkit accepts it, else nil (`null`).
    static func writtenFramework(of event: AgentEvent) -> String? {
        guard let framework = event.framework, toolkitFrameworks.contains(framework) else { return nil }
        return framework
    }

    /// The `payload.canonical` object for an event: empty for everything the toolkit's own fields express.
    static func supplement(of event: AgentEvent) -> JSONObject {
        var object = JSONObject()
        if IntermediateStepEventType.impliedCategory(phase: event.phase, category: event.category) != event.category {
            CanonicalSupplement.appendCategory(event.category, to: &object)
        }
        if event.phase == .mark { object.appendUnique("phase", "mark") }
        let writtenName = writtenName(of: event)
        if writtenName ?? "" != event.name { object.appendUnique("name", .string(event.name)) }
        if event.modelName != impliedModelName(category: event.category, name: writtenName ?? "") {
            object.appendUnique("model_name", event.modelName.map(JSONValue.string) ?? .null)
        }
        if let framework = event.framework, !toolkitFrameworks.contains(framework) {
            object.appendUnique("framework", .string(framework))
        }
        if let toolCallID = event.toolCallID { object.appendUnique("tool_call_id", .string(toolCallID)) }
        if let error = event.status.errorJSON { object.appendUnique("error", error) }
        return object
    }
}

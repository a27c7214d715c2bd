import ExporterDiagnostics
import ExporterEvents

/// Reads and writes ATOF v0.1, NeMo Relay's raw event stream (JSON Lines), one event per line.
///
/// Mapping: `kind: "scope"` with `scope_category` `start`/`end` ↔ `.start`/`.end`, `kind: "mark"` ↔ `.mark`;
/// `uuid`; `parent_uuid` (null at the root) ↔ `parentUUID`; `timestamp` ↔ `timestamp` (RFC 3339 with any
/// fractional digits and offset, or integer epoch microseconds; written as RFC 3339 UTC with nanoseconds kept);
/// `name`; `data` ↔ `input` on a start, `output` on an end and `chunk` on a mark (a mark's data is point-in-time
/// data, like a chunk's); `metadata`; `category` ↔ `category` (`custom` with `category_profile.subtype`;
/// unknown names read as `.unknown`, the name kept); `category_profile.model_name` ↔ `modelName`,
/// `category_profile.tool_call_id` ↔ `toolCallID`. A mark has no category in ATOF: it reads as `.unknown`.
///
/// Canonical fields ATOF has no place for go into an extra envelope key, `canonical`, written only when needed:
/// `phase: "chunk"` (chunks are written as marks so nothing is lost), `category` (+ `subtype`) of marks and
/// chunks, `error: {type, message}` for a failed event's status, `tags`, `framework`, `token_usage`,
/// `start_timestamp`, `model_name`/`tool_call_id` of marks, and `input`/`output`/`chunk` when the phase puts
/// `data` elsewhere.
///
/// `data_schema`, `attributes`, other `category_profile` keys and unknown keys are kept in
/// `extensions["atof"]`, together with exact originals of values the canonical form does not reproduce (an
/// integer or offset timestamp, an unknown category name; see `as_read`), so a file read and written back gives
/// the same JSON values line by line.
public enum ATOFCodec {
    /// The key of this format's entry in ``AgentEvent/extensions``.
    public static let extensionKey = "atof"
    /// The ATOF version this codec reads and writes.
    public static let version = "0.1"

    /// Parses and decodes one line. Errors are `JSON…` (not JSON) or `TRACE…` (not an event) diagnostics located
    /// on line 1.
    public static func decode(line: some Collection<UInt8>) throws(DiagnosticError) -> AgentEvent {
        try decode(JSONParser().parse(line))
    }

    /// Decodes one parsed line.
    public static func decode(_ value: JSONValue) throws(DiagnosticError) -> AgentEvent {
        guard case .object(let line) = value else { throw TraceIssue.notAnObject(value, format: "ATOF") }
        return try decode(line)
    }

    /// Encodes one event as a line (without the newline).
    public static func encode(_ event: AgentEvent) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(384)
        encode(event, to: &buffer)
        return buffer
    }

    /// Appends one event as a line (without the newline) to `buffer`.
    public static func encode(_ event: AgentEvent, to buffer: inout [UInt8]) {
        let ext = ATOFExtension(event.extensions[extensionKey]?.objectValue)
        var line = StreamingObject(opening: &buffer)
        for field in ATOFField.allCases {
            if ext.asRead.isEmpty || !ext.asRead.covers(field.rawValue),
                field.writeDirectly(event, in: &line, to: &buffer)
            {
                continue
            }
            var value = field.encodedValue(of: event, extension: ext)
            if !ext.asRead.isEmpty, let replacement = ext.asRead.replacement(for: field.rawValue, encoded: { value }) {
                value = replacement
            }
            if let value {
                line.key(quoted: field.quotedKey, to: &buffer)
                JSONWriter.write(value, to: &buffer)
            }
        }
        line.members(of: ext.extra, skipping: ATOFField.names, to: &buffer)
        line.close(&buffer)
    }
}

/// The parts of `extensions["atof"]` the encoder uses.
struct ATOFExtension {
    var dataSchema: JSONValue?
    var attributes: JSONValue?
    var profileExtra: JSONObject?
    var extra: JSONObject?
    var asRead = AsReadOverrides()

    init() {}

    init(_ object: JSONObject?) {
        guard let object else { return }
        dataSchema = object["data_schema"]
        attributes = object["attributes"]
        profileExtra = object["profile_extra"]?.objectValue
        extra = object["extra"]?.objectValue
        asRead = AsReadOverrides(extension: object)
    }

    var jsonObject: JSONObject {
        var object = JSONObject()
        if let dataSchema { object.appendUnique("data_schema", dataSchema) }
        if let attributes { object.appendUnique("attributes", attributes) }
        if let profileExtra { object.appendUnique("profile_extra", .object(profileExtra)) }
        if let extra, !extra.isEmpty { object.appendUnique("extra", .object(extra)) }
        if !asRead.isEmpty { object.appendUnique("as_read", asRead.jsonValue) }
        return object
    }
}

/// The envelope fields, in the order they are written, each derived from the canonical event.
enum ATOFField: String, CaseIterable {
    case kind
    case scopeCategory = "scope_category"
    case atofVersion = "atof_version"
    case uuid
    case parentUUID = "parent_uuid"
    case timestamp
    case name
    case data
    case dataSchema = "data_schema"
    case metadata
    case attributes
    case category
    case categoryProfile = "category_profile"
    case canonical

    static let names = Set(allCases.map(\.rawValue))

    /// The key with its quotes, for writing without escaping.
    var quotedKey: StaticString {
        switch self {
        case .kind: "\"kind\""
        case .scopeCategory: "\"scope_category\""
        case .atofVersion: "\"atof_version\""
        case .uuid: "\"uuid\""
        case .parentUUID: "\"parent_uuid\""
        case .timestamp: "\"timestamp\""
        case .name: "\"name\""
        case .data: "\"data\""
        case .dataSchema: "\"data_schema\""
        case .metadata: "\"metadata\""
        case .attributes: "\"attributes\""
        case .category: "\"category\""
        case .categoryProfile: "\"category_profile\""
        case .canonical: "\"canonical\""
        }
    }

    /// Writes the fields whose value needs no tree straight into the buffer; false for the others, which go
    /// through ``encodedValue(of:extension:)``.
    func writeDirectly(_ event: AgentEvent, in line: inout StreamingObject, to buffer: inout [UInt8]) -> Bool {
        switch self {
        case .uuid:
            line.key(quoted: quotedKey, to: &buffer)
            JSONWriter.writeString(event.uuid, to: &buffer)
        case .parentUUID:
            line.key(quoted: quotedKey, to: &buffer)
            JSONWriter.writeString(event.parentUUID, to: &buffer)
        case .timestamp:
            line.key(quoted: quotedKey, to: &buffer)
            buffer.append(UInt8(ascii: "\""))
            RFC3339.write(event.timestamp, to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        case .name:
            line.key(quoted: quotedKey, to: &buffer)
            JSONWriter.writeString(event.name, to: &buffer)
        default:
            return false
        }
        return true
    }

    /// What the encoder writes for this field, nil when it omits the key.
    func encodedValue(of event: AgentEvent, extension ext: ATOFExtension) -> JSONValue? {
        let isScope = event.phase == .start || event.phase == .end
        switch self {
        case .kind: return isScope ? "scope" : "mark"
        case .scopeCategory:
            switch event.phase {
            case .start: return "start"
            case .end: return "end"
            case .chunk, .mark: return nil
            }
        case .atofVersion: return .string(ATOFCodec.version)
        case .uuid: return .string(event.uuid)
        case .parentUUID: return event.parentUUID.map(JSONValue.string) ?? .null
        case .timestamp: return .string(RFC3339.format(event.timestamp))
        case .name: return .string(event.name)
        case .data: return ATOFCodec.data(of: event) ?? .null
        case .dataSchema: return ext.dataSchema ?? .null
        case .metadata: return event.metadata.isEmpty ? .null : .object(event.metadata)
        case .attributes:
            if let attributes = ext.attributes { return attributes }
            if isScope { return .array([]) }
            return nil
        case .category:
            if isScope { return .string(event.category.name) }
            return nil
        case .categoryProfile:
            guard isScope else { return nil }
            var profile = JSONObject()
            if let model = event.modelName { profile.appendUnique("model_name", .string(model)) }
            if let toolCallID = event.toolCallID { profile.appendUnique("tool_call_id", .string(toolCallID)) }
            if let subtype = event.category.subtype { profile.appendUnique("subtype", .string(subtype)) }
            if let extra = ext.profileExtra {
                for (key, value) in extra where profile[key] == nil { profile.appendUnique(key, value) }
            } else if profile.isEmpty {
                return .null
            }
            return .object(profile)
        case .canonical:
            let supplement = ATOFCodec.supplement(of: event)
            if supplement.isEmpty { return nil }
            return .object(supplement)
        }
    }
}

extension ATOFCodec {
    /// The canonical field `data` carries for the event's phase.
    static func data(of event: AgentEvent) -> JSONValue? {
        switch event.phase {
        case .start: event.input
        case .end: event.output
        case .chunk, .mark: event.chunk
        }
    }

    /// The `canonical` object: canonical fields ATOF has no place for, empty when there are none.
    static func supplement(of event: AgentEvent) -> JSONObject {
        var object = JSONObject()
        let isScope = event.phase == .start || event.phase == .end
        if event.phase == .chunk { object.appendUnique("phase", "chunk") }
        if !isScope {
            if event.category != .unknown { CanonicalSupplement.appendCategory(event.category, to: &object) }
            if let model = event.modelName { object.appendUnique("model_name", .string(model)) }
            if let toolCallID = event.toolCallID { object.appendUnique("tool_call_id", .string(toolCallID)) }
        }
        if let error = event.status.errorJSON { object.appendUnique("error", error) }
        if !event.tags.isEmpty { object.appendUnique("tags", .array(event.tags.map(JSONValue.string))) }
        if let framework = event.framework { object.appendUnique("framework", .string(framework)) }
        if let tokens = event.tokenUsage { object.appendUnique("token_usage", .object(tokens.jsonObject)) }
        if let start = event.startTimestamp {
            object.appendUnique("start_timestamp", .string(RFC3339.format(start)))
        }
        if let input = event.input, event.phase != .start { object.appendUnique("input", input) }
        if let output = event.output, event.phase != .end { object.appendUnique("output", output) }
        if let chunk = event.chunk, isScope { object.appendUnique("chunk", chunk) }
        return object
    }
}

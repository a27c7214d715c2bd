/// One lifecycle event of agent work: the canonical form that instrumentation emits, codecs read and write, and
/// every exporter consumes.
///
/// It is a value type with copy-on-write storage: handing an event to many exporters costs one reference count
/// each, not a copy of its strings and payloads.
public struct AgentEvent: Sendable, Hashable {
    private var storage: Storage

    /// Creates an event.
    public init(
        uuid: String,
        parentUUID: String? = nil,
        rootUUID: String? = nil,
        phase: EventPhase,
        category: EventCategory,
        name: String,
        timestamp: Timestamp,
        startTimestamp: Timestamp? = nil,
        input: JSONValue? = nil,
        output: JSONValue? = nil,
        chunk: JSONValue? = nil,
        metadata: JSONObject = [:],
        tags: [String] = [],
        modelName: String? = nil,
        toolCallID: String? = nil,
        framework: String? = nil,
        tokenUsage: TokenUsage? = nil,
        status: EventStatus = .ok,
        extensions: JSONObject = [:]
    ) {
        storage = Storage(
            Fields(
                uuid: uuid,
                parentUUID: parentUUID,
                rootUUID: rootUUID,
                phase: phase,
                category: category,
                name: name,
                timestamp: timestamp,
                startTimestamp: startTimestamp,
                input: input,
                output: output,
                chunk: chunk,
                metadata: metadata,
                tags: tags,
                modelName: modelName,
                toolCallID: toolCallID,
                framework: framework,
                tokenUsage: tokenUsage,
                status: status,
                extensions: extensions
            )
        )
    }

    /// The one way in for writes: copies the fields first unless this event is the storage's only owner.
    private var fields: Fields {
        _read { yield storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// The scope's id: a scope's start, chunks and end share it; a mark has its own.
    public var uuid: String {
        get { storage.fields.uuid }
        set { fields.uuid = newValue }
    }

    /// The enclosing scope, or nil at the root.
    public var parentUUID: String? {
        get { storage.fields.parentUUID }
        set { fields.parentUUID = newValue }
    }

    /// The outermost scope of the run (the trace), when known.
    public var rootUUID: String? {
        get { storage.fields.rootUUID }
        set { fields.rootUUID = newValue }
    }

    /// Start, end, chunk or mark.
    public var phase: EventPhase {
        get { storage.fields.phase }
        set { fields.phase = newValue }
    }

    /// What kind of work the scope is.
    public var category: EventCategory {
        get { storage.fields.category }
        set { fields.category = newValue }
    }

    /// The scope's name (a function, model or tool name).
    public var name: String {
        get { storage.fields.name }
        set { fields.name = newValue }
    }

    /// When the event happened.
    public var timestamp: Timestamp {
        get { storage.fields.timestamp }
        set { fields.timestamp = newValue }
    }

    /// On an end event: when its scope started, if the source said so.
    public var startTimestamp: Timestamp? {
        get { storage.fields.startTimestamp }
        set { fields.startTimestamp = newValue }
    }

    /// The scope's input (on start events).
    public var input: JSONValue? {
        get { storage.fields.input }
        set { fields.input = newValue }
    }

    /// The scope's output (on end events).
    public var output: JSONValue? {
        get { storage.fields.output }
        set { fields.output = newValue }
    }

    /// Streamed data (on chunk events).
    public var chunk: JSONValue? {
        get { storage.fields.chunk }
        set { fields.chunk = newValue }
    }

    /// Free-form metadata.
    public var metadata: JSONObject {
        get { storage.fields.metadata }
        set { fields.metadata = newValue }
    }

    /// Free-form tags.
    public var tags: [String] {
        get { storage.fields.tags }
        set { fields.tags = newValue }
    }

    /// The model of an LLM scope.
    public var modelName: String? {
        get { storage.fields.modelName }
        set { fields.modelName = newValue }
    }

    /// The tool call id of a tool scope, linking it to the LLM message that asked for it.
    public var toolCallID: String? {
        get { storage.fields.toolCallID }
        set { fields.toolCallID = newValue }
    }

    /// The agent framework that produced the event (`langchain`, ...).
    public var framework: String? {
        get { storage.fields.framework }
        set { fields.framework = newValue }
    }

    /// Token counts of an LLM call (on end events).
    public var tokenUsage: TokenUsage? {
        get { storage.fields.tokenUsage }
        set { fields.tokenUsage = newValue }
    }

    /// How the scope ended (on end events).
    public var status: EventStatus {
        get { storage.fields.status }
        set { fields.status = newValue }
    }

    /// Fields of the source format that have no canonical home, keyed by format
    /// (`intermediate_step`, `atof`); the codec of that format writes them back, so round trips are exact.
    public var extensions: JSONObject {
        get { storage.fields.extensions }
        set { fields.extensions = newValue }
    }

    public static func == (lhs: AgentEvent, rhs: AgentEvent) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    /// Everything an event holds; `==` and `hash(into:)` are synthesized over these, in this order.
    private struct Fields: Sendable, Hashable {
        var uuid: String
        var parentUUID: String?
        var rootUUID: String?
        var phase: EventPhase
        var category: EventCategory
        var name: String
        var timestamp: Timestamp
        var startTimestamp: Timestamp?
        var input: JSONValue?
        var output: JSONValue?
        var chunk: JSONValue?
        var metadata: JSONObject
        var tags: [String]
        var modelName: String?
        var toolCallID: String?
        var framework: String?
        var tokenUsage: TokenUsage?
        var status: EventStatus
        var extensions: JSONObject
    }

    // Unchecked because the compiler cannot see that a shared box is never written: every write goes through
    // `fields`' `_modify`, which first replaces a box it does not own alone with a copy. A box reachable from
    // several events (or threads) is therefore only ever read, as with swift-log's `Logger.Storage`.
    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }
}

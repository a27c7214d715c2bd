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
    }

    /// The scope's id: a scope's start, chunks and end share it; a mark has its own.
    public var uuid: String {
        get { storage.uuid }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.uuid = newValue
        }
    }

    /// The enclosing scope, or nil at the root.
    public var parentUUID: String? {
        get { storage.parentUUID }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.parentUUID = newValue
        }
    }

    /// The outermost scope of the run (the trace), when known.
    public var rootUUID: String? {
        get { storage.rootUUID }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.rootUUID = newValue
        }
    }

    /// Start, end, chunk or mark.
    public var phase: EventPhase {
        get { storage.phase }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.phase = newValue
        }
    }

    /// What kind of work the scope is.
    public var category: EventCategory {
        get { storage.category }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.category = newValue
        }
    }

    /// The scope's name (a function, model or tool name).
    public var name: String {
        get { storage.name }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.name = newValue
        }
    }

    /// When the event happened.
    public var timestamp: Timestamp {
        get { storage.timestamp }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.timestamp = newValue
        }
    }

    /// On an end event: when its scope started, if the source said so.
    public var startTimestamp: Timestamp? {
        get { storage.startTimestamp }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.startTimestamp = newValue
        }
    }

    /// The scope's input (on start events).
    public var input: JSONValue? {
        get { storage.input }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.input = newValue
        }
    }

    /// The scope's output (on end events).
    public var output: JSONValue? {
        get { storage.output }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.output = newValue
        }
    }

    /// Streamed data (on chunk events).
    public var chunk: JSONValue? {
        get { storage.chunk }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.chunk = newValue
        }
    }

    /// Free-form metadata.
    public var metadata: JSONObject {
        get { storage.metadata }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.metadata = newValue
        }
    }

    /// Free-form tags.
    public var tags: [String] {
        get { storage.tags }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.tags = newValue
        }
    }

    /// The model of an LLM scope.
    public var modelName: String? {
        get { storage.modelName }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.modelName = newValue
        }
    }

    /// The tool call id of a tool scope, linking it to the LLM message that asked for it.
    public var toolCallID: String? {
        get { storage.toolCallID }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.toolCallID = newValue
        }
    }

    /// The agent framework that produced the event (`langchain`, ...).
    public var framework: String? {
        get { storage.framework }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.framework = newValue
        }
    }

    /// Token counts of an LLM call (on end events).
    public var tokenUsage: TokenUsage? {
        get { storage.tokenUsage }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.tokenUsage = newValue
        }
    }

    /// How the scope ended (on end events).
    public var status: EventStatus {
        get { storage.status }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.status = newValue
        }
    }

    /// Fields of the source format that have no canonical home, keyed by format
    /// (`intermediate_step`, `atof`); the codec of that format writes them back, so round trips are exact.
    public var extensions: JSONObject {
        get { storage.extensions }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.extensions = newValue
        }
    }

    public static func == (lhs: AgentEvent, rhs: AgentEvent) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.uuid == rhs.uuid
            && lhs.parentUUID == rhs.parentUUID
            && lhs.rootUUID == rhs.rootUUID
            && lhs.phase == rhs.phase
            && lhs.category == rhs.category
            && lhs.name == rhs.name
            && lhs.timestamp == rhs.timestamp
            && lhs.startTimestamp == rhs.startTimestamp
            && lhs.input == rhs.input
            && lhs.output == rhs.output
            && lhs.chunk == rhs.chunk
            && lhs.metadata == rhs.metadata
            && lhs.tags == rhs.tags
            && lhs.modelName == rhs.modelName
            && lhs.toolCallID == rhs.toolCallID
            && lhs.framework == rhs.framework
            && lhs.tokenUsage == rhs.tokenUsage
            && lhs.status == rhs.status
            && lhs.extensions == rhs.extensions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(uuid)
        hasher.combine(parentUUID)
        hasher.combine(rootUUID)
        hasher.combine(phase)
        hasher.combine(category)
        hasher.combine(name)
        hasher.combine(timestamp)
        hasher.combine(startTimestamp)
        hasher.combine(input)
        hasher.combine(output)
        hasher.combine(chunk)
        hasher.combine(metadata)
        hasher.combine(tags)
        hasher.combine(modelName)
        hasher.combine(toolCallID)
        hasher.combine(framework)
        hasher.combine(tokenUsage)
        hasher.combine(status)
        hasher.combine(extensions)
    }

    // Never mutated once shared: every setter copies first unless this event is its only owner.
    private final class Storage: @unchecked Sendable {
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

        init(
            uuid: String,
            parentUUID: String?,
            rootUUID: String?,
            phase: EventPhase,
            category: EventCategory,
            name: String,
            timestamp: Timestamp,
            startTimestamp: Timestamp?,
            input: JSONValue?,
            output: JSONValue?,
            chunk: JSONValue?,
            metadata: JSONObject,
            tags: [String],
            modelName: String?,
            toolCallID: String?,
            framework: String?,
            tokenUsage: TokenUsage?,
            status: EventStatus,
            extensions: JSONObject
        ) {
            self.uuid = uuid
            self.parentUUID = parentUUID
            self.rootUUID = rootUUID
            self.phase = phase
            self.category = category
            self.name = name
            self.timestamp = timestamp
            self.startTimestamp = startTimestamp
            self.input = input
            self.output = output
            self.chunk = chunk
            self.metadata = metadata
            self.tags = tags
            self.modelName = modelName
            self.toolCallID = toolCallID
            self.framework = framework
            self.tokenUsage = tokenUsage
            self.status = status
            self.extensions = extensions
        }

        func copy() -> Storage {
            Storage(
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
        }
    }
}

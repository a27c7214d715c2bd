import Synchronization

/// An open scope, handed to the body of ``Instrument/scope(_:_:input:metadata:tags:isolation:operation:)`` (and
/// the other managed scopes): the body sets the scope's output and extra metadata here, and streams chunks.
///
/// Every event of the scope goes to the hub that was current when it started, even when the handle is used from
/// another task.
public final class ScopeHandle: Sendable {
    /// The scope's uuid, shared by its START, CHUNKs and END.
    public let uuid: String
    /// The enclosing scope's uuid, or nil at the root.
    public let parentUUID: String?
    /// The root scope's uuid.
    public let rootUUID: String
    /// What kind of work the scope is.
    public let category: EventCategory
    /// The scope's name.
    public let name: String
    /// When the scope started.
    public let startTimestamp: Timestamp
    /// The model of an LLM scope, repeated on each of its events.
    public let modelName: String?
    /// The tool call id of a tool scope, repeated on each of its events.
    public let toolCallID: String?

    private let hub: EventHub
    /// The toolkit's `function_ancestry` of the scope's events and of what runs inside it.
    private let function: FunctionAncestry
    private let state = Mutex(State())

    private struct State: Sendable {
        var output: JSONValue?
        var metadata: JSONObject = [:]
        var tokenUsage: TokenUsage?
        var isClosed = false
    }

    /// Opens a scope under the current one and emits its START.
    init(
        category: EventCategory,
        name: String,
        input: JSONValue?,
        metadata: JSONObject,
        tags: [String],
        modelName: String? = nil,
        toolCallID: String? = nil
    ) {
        let parent = Instrument.currentScope
        let uuid = EventUUID.make()
        self.uuid = uuid
        self.parentUUID = parent?.uuid
        self.rootUUID = parent?.rootUUID ?? uuid
        self.category = category
        self.name = name
        self.modelName = modelName
        self.toolCallID = toolCallID
        self.hub = EventHub.current
        let enclosing = parent?.function ?? .root
        self.function = category == .function ? enclosing.calling(uuid, named: name) : enclosing
        self.startTimestamp = Timestamp.now()
        var extensions = function.extensions
        if parent == nil, let remoteParent = ScopePropagationSlot.current?.currentRemoteParent() {
            // A run started straight from a caller's traceparent continues the caller's trace (SpanBuilder reads it).
            for (key, value) in TracerSpanFields(remoteParent: remoteParent).extensions { extensions[key] = value }
        }
        hub.emit(
            AgentEvent(
                uuid: uuid,
                parentUUID: parentUUID,
                rootUUID: rootUUID,
                phase: .start,
                category: category,
                name: name,
                timestamp: startTimestamp,
                input: input,
                metadata: metadata,
                tags: tags,
                modelName: modelName,
                toolCallID: toolCallID,
                extensions: extensions
            )
        )
    }

    /// The scope as a parent for what runs inside it.
    public var context: ScopeContext {
        ScopeContext(uuid: uuid, rootUUID: rootUUID, function: function)
    }

    /// Sets the output that the END carries; it takes precedence over the body's return value.
    public func setOutput(_ output: JSONValue?) {
        state.withLock { $0.output = output }
    }

    /// Sets the output that the END carries, from any JSON-representable value.
    public func setOutput(_ output: some JSONRepresentable) {
        let json = output.jsonValue
        state.withLock { $0.output = json }
    }

    /// Adds a metadata member to the END.
    public func addMetadata(_ key: String, _ value: JSONValue) {
        state.withLock { $0.metadata[key] = value }
    }

    /// Adds metadata members to the END (a repeated key takes the new value).
    public func addMetadata(_ members: JSONObject) {
        state.withLock { state in
            for (key, value) in members { state.metadata[key] = value }
        }
    }

    /// Sets the token counts that the END carries.
    public func setTokenUsage(_ usage: TokenUsage?) {
        state.withLock { $0.tokenUsage = usage }
    }

    /// Emits a CHUNK of streamed data inside the scope.
    public func chunk(_ data: JSONValue) {
        hub.emit(
            AgentEvent(
                uuid: uuid,
                parentUUID: parentUUID,
                rootUUID: rootUUID,
                phase: .chunk,
                category: category,
                name: name,
                timestamp: Timestamp.now(),
                chunk: data,
                modelName: modelName,
                toolCallID: toolCallID,
                extensions: function.extensions
            )
        )
    }

    /// Emits the END once: its output is the one set on the handle, else `result` when it has a JSON form.
    func close(status: EventStatus, result: Any?) {
        let closing = state.withLock { state -> State? in
            guard !state.isClosed else { return nil }
            state.isClosed = true
            return state
        }
        guard let closing else { return }
        let output = closing.output ?? (result as? any JSONRepresentable)?.jsonValue
        hub.emit(
            AgentEvent(
                uuid: uuid,
                parentUUID: parentUUID,
                rootUUID: rootUUID,
                phase: .end,
                category: category,
                name: name,
                timestamp: Timestamp.now(),
                startTimestamp: startTimestamp,
                output: output,
                metadata: closing.metadata,
                modelName: modelName,
                toolCallID: toolCallID,
                tokenUsage: closing.tokenUsage,
                status: status,
                extensions: function.extensions
            )
        )
    }
}

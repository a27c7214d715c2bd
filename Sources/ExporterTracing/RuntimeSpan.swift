import ExporterEvents
import Synchronization
import Tracing

/// A span started by ``RuntimeTracer``: a START when it starts, a CHUNK per event or recorded error, an END with
/// its final name, attributes, links and status when it ends (only the first `end` counts).
///
/// Every event goes to the hub that was current when the span started, even when the span ends on another task.
public final class RuntimeSpan: Tracing.Span {
    public let context: ServiceContext
    private let scope: ScopeContext
    private let parentUUID: String?
    private let start: Timestamp
    private let hub: EventHub
    private let state: Mutex<State>

    private struct State: Sendable {
        var name: String
        var fields: TracerSpanFields
        var attributes: SpanAttributes
        /// The type of the last error recorded, for the END's status when the span fails.
        var errorType: String?
        var isEnded = false
    }

    init(
        name: String,
        scope: ScopeContext,
        parentUUID: String?,
        context: ServiceContext,
        fields: TracerSpanFields,
        start: Timestamp,
        hub: EventHub
    ) {
        self.context = context
        self.scope = scope
        self.parentUUID = parentUUID
        self.start = start
        self.hub = hub
        state = Mutex(State(name: name, fields: fields, attributes: [:]))
        hub.emit(event(phase: .start, name: name, timestamp: start, extensions: fields.extensions))
    }

    public var operationName: String {
        get { state.withLock { $0.name } }
        set { state.withLock { $0.name = newValue } }
    }

    public var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { state.withLock { $0.attributes = newValue } }
    }

    public var isRecording: Bool {
        state.withLock { !$0.isEnded }
    }

    /// An OK status is final, as OpenTelemetry specifies: a later error does not replace it.
    public func setStatus(_ status: SpanStatus) {
        state.withLock { state in
            guard state.fields.statusCode != .ok else { return }
            switch status.code {
            case .ok:
                state.fields.statusCode = .ok
                state.fields.statusMessage = nil
            case .error:
                state.fields.statusCode = .error
                state.fields.statusMessage = status.message
            }
        }
    }

    public func addEvent(_ spanEvent: SpanEvent) {
        guard isRecording else { return }
        emitSpanEvent(
            name: spanEvent.name,
            nanosecondsSinceEpoch: spanEvent.nanosecondsSinceEpoch,
            attributes: spanEvent.attributes.jsonObject
        )
    }

    /// Records OpenTelemetry's `exception` event (`exception.type`, `exception.message`); the status is left to
    /// the caller (`withSpan` sets it to error when its body throws).
    public func recordError<Instant: TracerInstant>(
        _ error: any Error,
        attributes: SpanAttributes,
        at instant: @autoclosure () -> Instant
    ) {
        let type = String(reflecting: Swift.type(of: error))
        let recording = state.withLock { state -> Bool in
            guard !state.isEnded else { return false }
            state.errorType = type
            return true
        }
        guard recording else { return }
        var eventAttributes: JSONObject = [
            "exception.type": .string(type),
            "exception.message": .string(String(describing: error)),
        ]
        for (key, value) in attributes.jsonObject { eventAttributes[key] = value }
        emitSpanEvent(
            name: "exception",
            nanosecondsSinceEpoch: instant().nanosecondsSinceEpoch,
            attributes: eventAttributes
        )
    }

    /// Links to a span of this tracer or to one extracted from a `traceparent`; a context holding neither is
    /// ignored (there is nothing to name).
    public func addLink(_ link: SpanLink) {
        guard let target = link.context.bridgedSpan?.reference else { return }
        let attributes = link.attributes.jsonObject
        state.withLock { state in
            guard !state.isEnded else { return }
            state.fields.links.append(TracerSpanFields.Link(target: target, attributes: attributes))
        }
    }

    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let ending = state.withLock { state -> State? in
            guard !state.isEnded else { return nil }
            state.isEnded = true
            return state
        }
        guard let ending else { return }
        var fields = ending.fields
        fields.attributes = ending.attributes.jsonObject
        let status: EventStatus =
            fields.statusCode == .error
            ? .error(type: ending.errorType ?? "SpanStatus.error", message: fields.statusMessage ?? "")
            : .ok
        let end = Timestamp(nanosecondsSinceEpoch: Int64(clamping: instant().nanosecondsSinceEpoch))
        hub.emit(
            event(
                phase: .end,
                name: ending.name,
                timestamp: max(end, start),
                extensions: fields.extensions,
                status: status
            )
        )
    }

    private func emitSpanEvent(name: String, nanosecondsSinceEpoch: UInt64, attributes: JSONObject) {
        hub.emit(
            event(
                phase: .chunk,
                name: name,
                timestamp: Timestamp(nanosecondsSinceEpoch: Int64(clamping: nanosecondsSinceEpoch)),
                extensions: TracerSpanFields.eventExtensions(attributes: attributes)
            )
        )
    }

    private func event(
        phase: EventPhase,
        name: String,
        timestamp: Timestamp,
        extensions: JSONObject,
        status: EventStatus = .ok
    ) -> AgentEvent {
        AgentEvent(
            uuid: scope.uuid,
            parentUUID: parentUUID,
            rootUUID: scope.rootUUID,
            phase: phase,
            category: TracerSpanFields.category,
            name: name,
            timestamp: timestamp,
            startTimestamp: phase == .end ? start : nil,
            status: status,
            extensions: extensions
        )
    }
}

/// One scope of agent work as a span: its start and end events, the chunks and marks that happened inside it, and
/// the ids that place it in its trace.
///
/// Ids derive from the scope uuids (the NeMo Relay convention): the trace id is the 16 bytes of the root scope's
/// uuid and the span id the last 8 bytes of the scope's uuid, so every export of the same events joins.
///
/// A span still open at shutdown is exported with ``isUnfinished`` set, ``end`` at the latest instant the builder
/// saw, and ``status`` `.ok`: nothing reported a failure, so only the export layer may add meaning (OTLP status
/// UNSET and an `unfinished` attribute, say) rather than inventing an error here.
public struct Span: Sendable, Hashable {
    /// The trace the span belongs to (derived from ``rootUUID``, or inherited from the open parent).
    public var traceID: TraceID
    /// The span's id (derived from ``uuid``).
    public var spanID: SpanID
    /// The parent's span id (derived from ``parentUUID``), or nil at the root.
    public var parentSpanID: SpanID?
    /// The scope's uuid.
    public var uuid: String
    /// The enclosing scope's uuid, or nil at the root.
    public var parentUUID: String?
    /// The root scope's uuid: the trace.
    public var rootUUID: String
    /// The span's name: the start event's `display_name` metadata when it has one, else the event's name.
    public var name: String
    /// What kind of work the scope is.
    public var category: EventCategory
    /// When the scope started.
    public var start: Timestamp
    /// When the scope ended; for an unfinished span, the latest instant the builder saw (never before ``start``).
    public var end: Timestamp
    /// True when the scope had not ended at shutdown.
    public var isUnfinished: Bool
    /// How the span came about.
    public var origin: SpanOrigin
    /// The event that opened the span: the START, or for the other ``origin``s the END or MARK itself.
    public var startEvent: AgentEvent
    /// The event that closed the span, or nil when it is unfinished or a mark.
    public var endEvent: AgentEvent?
    /// Chunks and marks that happened inside the scope, in arrival order (OTLP span events).
    public var events: [AgentEvent]
    /// Events not kept because the span already held the builder's maximum (OTLP `dropped_events_count`).
    public var droppedEventCount: Int
    /// How the scope ended, from the end event.
    public var status: EventStatus
    /// The session id, from the nearest scope up to the root whose metadata has `session.id`.
    public var sessionID: String?
    /// The user id, from the nearest scope up to the root whose metadata has `user.id`.
    public var userID: String?
    /// The run's id (`workflow_run_id` on the root scope), when the run has one.
    public var runID: String?
    /// Whether ``traceID`` is the run's own (`workflow_trace_id` on the root scope) rather than derived from the
    /// root's uuid.
    public var hasRunTraceID: Bool

    /// Creates a span.
    public init(
        traceID: TraceID,
        spanID: SpanID,
        parentSpanID: SpanID?,
        uuid: String,
        parentUUID: String?,
        rootUUID: String,
        name: String,
        category: EventCategory,
        start: Timestamp,
        end: Timestamp,
        isUnfinished: Bool = false,
        origin: SpanOrigin = .scope,
        startEvent: AgentEvent,
        endEvent: AgentEvent? = nil,
        events: [AgentEvent] = [],
        droppedEventCount: Int = 0,
        status: EventStatus = .ok,
        sessionID: String? = nil,
        userID: String? = nil,
        runID: String? = nil,
        hasRunTraceID: Bool = false
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.uuid = uuid
        self.parentUUID = parentUUID
        self.rootUUID = rootUUID
        self.name = name
        self.category = category
        self.start = start
        self.end = end
        self.isUnfinished = isUnfinished
        self.origin = origin
        self.startEvent = startEvent
        self.endEvent = endEvent
        self.events = events
        self.droppedEventCount = droppedEventCount
        self.status = status
        self.sessionID = sessionID
        self.userID = userID
        self.runID = runID
        self.hasRunTraceID = hasRunTraceID
    }

    /// The duration in nanoseconds.
    public var durationNanoseconds: Int64 {
        end.nanosecondsSinceEpoch - start.nanosecondsSinceEpoch
    }
}

/// How a span came about.
public enum SpanOrigin: String, Sendable, Hashable, CaseIterable {
    /// A START and (unless unfinished) its END.
    case scope
    /// An END whose START never arrived: exported anyway (counted as `anomaly.end_without_start`), starting at the
    /// event's `startTimestamp` when it has one, else zero-length.
    case endWithoutStart = "end_without_start"
    /// A MARK whose parent scope was not open: a zero-length span of its own.
    case mark
}

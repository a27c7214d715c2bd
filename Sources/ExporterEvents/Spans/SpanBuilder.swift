/// Turns the event stream into spans: a START opens a span, its END closes and emits it (so children come out
/// before their parents), CHUNKs and MARKs inside an open scope become its span events, and at shutdown every
/// span still open is emitted marked unfinished, innermost first.
///
/// Anomalies are never dropped silently; they are counted in ``statistics`` under `anomaly.*` keys (the exporter
/// reports them as ``ExporterStatistics/anomalies``):
/// - `anomaly.end_without_start`: an END with no open START; still exported, as a span of
///   ``SpanOrigin/endWithoutStart``.
/// - `anomaly.unknown_parent`: a START (or parentless MARK span) whose parent uuid is neither open nor recently
///   closed; still exported, its parent span id derived from the parent uuid and its trace from the event's
///   `rootUUID` (else the parent uuid).
/// - `anomaly.duplicate_start`: a START for a scope already open; the repeat is kept as a span event.
/// - `anomaly.duplicate_end`: an END for a scope that already closed; not exported again (its span id is taken).
/// - `anomaly.late_event`: a CHUNK for a scope that already closed.
/// - `anomaly.unknown_scope`: a CHUNK for a scope never seen.
///
/// Memory is bounded by the open scopes plus a fixed window of recently closed ones; a span keeps at most
/// `maxEventsPerSpan` span events and counts the rest in ``Span/droppedEventCount``.
public struct SpanBuilder: Processor {
    public typealias Input = AgentEvent
    public typealias Output = Span

    private struct OpenSpan: Sendable {
        var span: Span
        var lineage: ScopeLineage
        var sequence: Int
    }

    private struct Counters: Sendable {
        var emitted = 0
        var unfinished = 0
        var eventsDropped = 0
        var endWithoutStart = 0
        var unknownParent = 0
        var duplicateStart = 0
        var duplicateEnd = 0
        var lateEvent = 0
        var unknownScope = 0
    }

    /// The most span events one span keeps.
    public let maxEventsPerSpan: Int
    private var open: [String: OpenSpan] = [:]
    private var recentlyClosed: RecentlyClosedScopes
    private var counters = Counters()
    private var latestTimestamp: Timestamp?
    private var nextSequence = 0

    /// Creates a builder that remembers the last `recentlyClosedCapacity` closed scopes (to recognise their late
    /// children and events) and keeps at most `maxEventsPerSpan` span events per span.
    public init(recentlyClosedCapacity: Int = 4096, maxEventsPerSpan: Int = 10_000) {
        self.maxEventsPerSpan = max(0, maxEventsPerSpan)
        recentlyClosed = RecentlyClosedScopes(capacity: recentlyClosedCapacity)
    }

    public mutating func process(_ event: AgentEvent, emit: (Span) async throws -> Void) async throws {
        if latestTimestamp.map({ event.timestamp > $0 }) ?? true { latestTimestamp = event.timestamp }
        switch event.phase {
        case .start:
            openSpan(for: event)
        case .end:
            if let span = closeSpan(for: event) { try await emitCounted(span, emit: emit) }
        case .chunk:
            attachChunk(event)
        case .mark:
            if let span = attachMark(event) { try await emitCounted(span, emit: emit) }
        }
    }

    public mutating func finish(emit: (Span) async throws -> Void) async throws {
        let end = latestTimestamp ?? Timestamp.now()
        let unfinished = open.values.sorted { lhs, rhs in
            lhs.lineage.depth != rhs.lineage.depth
                ? lhs.lineage.depth > rhs.lineage.depth : lhs.sequence > rhs.sequence
        }
        recentlyClosed.removeAll()
        for entry in unfinished {
            // Removed one at a time, so that what an interrupted finish leaves is still counted as held.
            open.removeValue(forKey: entry.span.uuid)
            var span = entry.span
            span.isUnfinished = true
            span.end = max(end, span.start)
            counters.unfinished += 1
            try await emitCounted(span, emit: emit)
        }
    }

    /// Spans whose scope is still open: each becomes one span (unfinished) at ``finish(emit:)``.
    public var heldCount: Int { open.count }

    public var statistics: [String: Double] {
        var statistics: [String: Double] = [
            "spans_open": Double(open.count),
            "spans_emitted": Double(counters.emitted),
            "spans_unfinished": Double(counters.unfinished),
            "span_events_dropped": Double(counters.eventsDropped),
        ]
        let anomalies = [
            ("anomaly.end_without_start", counters.endWithoutStart),
            ("anomaly.unknown_parent", counters.unknownParent),
            ("anomaly.duplicate_start", counters.duplicateStart),
            ("anomaly.duplicate_end", counters.duplicateEnd),
            ("anomaly.late_event", counters.lateEvent),
            ("anomaly.unknown_scope", counters.unknownScope),
        ]
        for (key, count) in anomalies where count > 0 { statistics[key] = Double(count) }
        return statistics
    }

    private mutating func emitCounted(_ span: Span, emit: (Span) async throws -> Void) async throws {
        counters.emitted += 1
        try await emit(span)
    }

    private mutating func openSpan(for event: AgentEvent) {
        guard open[event.uuid] == nil else {
            counters.duplicateStart += 1
            attach(event, to: event.uuid)
            return
        }
        let (span, lineage) = makeSpan(openedBy: event, origin: .scope, countingUnknownParent: true)
        open[event.uuid] = OpenSpan(span: span, lineage: lineage, sequence: nextSequence)
        nextSequence += 1
    }

    private mutating func closeSpan(for event: AgentEvent) -> Span? {
        if let entry = open.removeValue(forKey: event.uuid) {
            var span = entry.span
            span.endEvent = event
            span.end = event.timestamp
            span.status = event.status
            recentlyClosed.insert(event.uuid, entry.lineage)
            return span
        }
        if recentlyClosed[event.uuid] != nil {
            counters.duplicateEnd += 1
            return nil
        }
        counters.endWithoutStart += 1
        var (span, lineage) = makeSpan(openedBy: event, origin: .endWithoutStart, countingUnknownParent: false)
        recentlyClosed.insert(event.uuid, lineage)
        span.start = min(event.startTimestamp ?? event.timestamp, event.timestamp)
        span.endEvent = event
        span.status = event.status
        return span
    }

    private mutating func attachChunk(_ event: AgentEvent) {
        if open[event.uuid] != nil {
            attach(event, to: event.uuid)
        } else if let parentUUID = event.parentUUID, open[parentUUID] != nil {
            attach(event, to: parentUUID)
        } else if recentlyClosed[event.uuid] != nil {
            counters.lateEvent += 1
        } else {
            counters.unknownScope += 1
        }
    }

    /// Attaches a mark to its open parent, or returns the zero-length span it becomes.
    private mutating func attachMark(_ event: AgentEvent) -> Span? {
        if let parentUUID = event.parentUUID, open[parentUUID] != nil {
            attach(event, to: parentUUID)
            return nil
        }
        return makeSpan(openedBy: event, origin: .mark, countingUnknownParent: true).span
    }

    /// The span `event` opens, zero-length at the event and placed in its trace: the one place a span is made, so
    /// every origin gets the same ids, name and lineage. The caller adds what its origin needs beyond that.
    private mutating func makeSpan(
        openedBy event: AgentEvent,
        origin: SpanOrigin,
        countingUnknownParent: Bool
    ) -> (span: Span, lineage: ScopeLineage) {
        let (lineage, parentSpanID) = lineage(of: event, countingUnknownParent: countingUnknownParent)
        let span = Span(
            traceID: lineage.traceID,
            spanID: lineage.spanID,
            parentSpanID: parentSpanID,
            uuid: event.uuid,
            parentUUID: event.parentUUID,
            rootUUID: lineage.rootUUID,
            name: Self.spanName(of: event),
            category: event.category,
            start: event.timestamp,
            end: event.timestamp,
            origin: origin,
            startEvent: event,
            sessionID: lineage.sessionID,
            userID: lineage.userID,
            runID: lineage.runID,
            hasRunTraceID: lineage.hasRunTraceID
        )
        return (span, lineage)
    }

    private mutating func attach(_ event: AgentEvent, to uuid: String) {
        let kept = open[uuid].map { $0.span.events.count < maxEventsPerSpan } ?? false
        if kept {
            open[uuid]?.span.events.append(event)
        } else {
            open[uuid]?.span.droppedEventCount += 1
            counters.eventsDropped += 1
        }
    }

    /// The scope's place in its trace and its parent's span id: inherited from the parent when it is open or
    /// recently closed, else derived from the uuids alone.
    private mutating func lineage(
        of event: AgentEvent,
        countingUnknownParent: Bool
    ) -> (ScopeLineage, parentSpanID: SpanID?) {
        let ownSession = event.metadata[MetadataKeys.sessionID]?.stringValue
        let ownUser = event.metadata[MetadataKeys.userID]?.stringValue
        let spanID = SpanID(deriving: event.uuid)
        guard let parentUUID = event.parentUUID else {
            let root = event.uuid
            let run = RunIdentity(rootMetadata: event.metadata)
            // A bridged span that continues a caller's trace (W3C traceparent) takes the caller's trace and parent.
            let remoteParent = TracerSpanFields(of: event)?.remoteParent
            let lineage = ScopeLineage(
                traceID: remoteParent?.traceID ?? run.traceID ?? TraceID(deriving: root),
                spanID: spanID,
                rootUUID: root,
                sessionID: ownSession ?? run.sessionID,
                userID: ownUser ?? run.userID,
                runID: run.runID,
                hasRunTraceID: run.traceID != nil,
                depth: 0
            )
            return (lineage, remoteParent?.spanID)
        }
        if let parent = open[parentUUID]?.lineage ?? recentlyClosed[parentUUID] {
            let lineage = ScopeLineage(
                traceID: parent.traceID,
                spanID: spanID,
                rootUUID: parent.rootUUID,
                sessionID: ownSession ?? parent.sessionID,
                userID: ownUser ?? parent.userID,
                runID: parent.runID,
                hasRunTraceID: parent.hasRunTraceID,
                depth: parent.depth + 1
            )
            return (lineage, parent.spanID)
        }
        if countingUnknownParent { counters.unknownParent += 1 }
        let root = event.rootUUID ?? parentUUID
        let lineage = ScopeLineage(
            traceID: TraceID(deriving: root),
            spanID: spanID,
            rootUUID: root,
            sessionID: ownSession,
            userID: ownUser,
            runID: nil,
            hasRunTraceID: false,
            depth: 1
        )
        return (lineage, SpanID(deriving: parentUUID))
    }

    /// `display_name` metadata, else the toolkit's `provided_metadata.display_name` (a toolkit trace keeps its
    /// metadata object as recorded), else the event's name — the toolkit's own naming order.
    private static func spanName(of event: AgentEvent) -> String {
        event.metadata[MetadataKeys.displayName]?.stringValue
            ?? event.metadata["provided_metadata"]?[MetadataKeys.displayName]?.stringValue
            ?? event.name
    }
}

import ExporterRuntime

/// Builds events and runs them through a ``SpanBuilder`` for the span tests.
enum SpanFixtures {
    static func event(
        _ phase: EventPhase,
        _ uuid: String,
        parent: String? = nil,
        root: String? = nil,
        category: EventCategory = .function,
        name: String = "step",
        at seconds: Int64,
        metadata: JSONObject = [:],
        status: EventStatus = .ok
    ) -> AgentEvent {
        AgentEvent(
            uuid: uuid,
            parentUUID: parent,
            rootUUID: root,
            phase: phase,
            category: category,
            name: name,
            timestamp: Timestamp(nanosecondsSinceEpoch: seconds * 1_000_000_000),
            metadata: metadata,
            status: status
        )
    }

    static func time(_ seconds: Int64) -> Timestamp {
        Timestamp(nanosecondsSinceEpoch: seconds * 1_000_000_000)
    }

    /// The spans emitted while processing `events`, and then those emitted by `finish` (when asked).
    static func build(
        _ events: [AgentEvent],
        finishing: Bool = false,
        builder: inout SpanBuilder
    ) async throws -> [Span] {
        var spans: [Span] = []
        for event in events {
            try await builder.process(event) { spans.append($0) }
        }
        if finishing {
            try await builder.finish { spans.append($0) }
        }
        return spans
    }

    static func build(_ events: [AgentEvent], finishing: Bool = false) async throws -> [Span] {
        var builder = SpanBuilder()
        return try await build(events, finishing: finishing, builder: &builder)
    }
}

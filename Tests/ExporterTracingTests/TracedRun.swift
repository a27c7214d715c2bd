import ExporterEvents
import ExporterRuntimeTesting
import ExporterTracing
import Tracing

/// The events a body emits through a hub of its own, and the spans ``SpanBuilder`` makes of them (children
/// before parents, as they end).
struct TracedRun {
    var events: [AgentEvent]
    var spans: [ExporterEvents.Span]

    static func record(_ body: () async throws -> Void) async throws -> TracedRun {
        let hub = EventHub()
        let collector = CollectingSubscriber()
        try hub.register("collector", collector)
        try await hub.bind(body)
        var builder = SpanBuilder()
        var spans: [ExporterEvents.Span] = []
        for event in collector.events { try await builder.process(event) { spans.append($0) } }
        try await builder.finish { spans.append($0) }
        return TracedRun(events: collector.events, spans: spans)
    }

    /// The one span named `name`.
    func span(_ name: String) throws -> ExporterEvents.Span {
        let matching = spans.filter { $0.name == name }
        guard matching.count == 1, let span = matching.first else {
            throw MissingSpan(name: name, count: matching.count)
        }
        return span
    }

    struct MissingSpan: Error {
        var name: String
        var count: Int
    }
}

/// A `[String: String]` header map, as a request's headers stand in tests.
struct HeaderExtractor: Extractor {
    func extract(key: String, from carrier: [String: String]) -> String? { carrier[key] }
}

struct HeaderInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) { carrier[key] = value }
}

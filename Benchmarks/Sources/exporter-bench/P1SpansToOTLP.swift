import ExporterOTLP
import ExporterRuntime

/// P1: events → spans → OTLP protobuf request bodies, on one core: the OTLP exporter's consumer pipeline
/// (`SpanBuilder → BatchingProcessor(100) → OTLPPayloadEncoder`, exactly what `otelcollector` runs) driven
/// synchronously by one task, without the transport. Also events → spans alone, the toolkit's SpanExporter step.
enum SpansToOTLP {
    static func run(events: [AgentEvent], rounds: Int, repeats: Int) async throws -> [Figure] {
        var otlpRates: [Rate] = []
        var spanRates: [Rate] = []
        var bytesPerEvent = 0.0
        for _ in 0..<repeats {
            let (rate, bytes) = try await otlp(events: events, rounds: rounds)
            otlpRates.append(rate)
            bytesPerEvent = bytes
            spanRates.append(try await spans(events: events, rounds: rounds))
        }
        return Rate.median(otlpRates).figures("P1", "events_to_otlp_protobuf")
            + [Figure(figure: "P1", name: "otlp_protobuf_bytes_per_event", value: bytesPerEvent, unit: "bytes")]
            + Rate.median(spanRates).figures("P1", "events_to_spans")
    }

    /// Events per second and protobuf bytes per event.
    private static func otlp(events: [AgentEvent], rounds: Int) async throws -> (Rate, Double) {
        var pipeline = SpanBuilder().named("spans")
            .then(try BatchingProcessor<Span>(batchSize: 100).named("batch"))
            .then(
                OTLPPayloadEncoder(encoding: OTLPTraceEncoding(builder: OTLPRequestBuilder(project: "bench"))).named(
                    "otlp"
                )
            )
        var bytes = 0
        var spans = 0
        let stopwatch = Stopwatch()
        for _ in 0..<rounds {
            for event in events {
                try await pipeline.process(event) { payload in
                    bytes += payload.body.count
                    spans += payload.itemCount
                }
            }
        }
        try await pipeline.finish { payload in
            bytes += payload.body.count
            spans += payload.itemCount
        }
        let elapsed = stopwatch.read()
        let total = events.count * rounds
        precondition(spans == total * 4 / EventMix.eventsPerTurn, "P1: \(spans) spans for \(total) events")
        return (Rate(count: total, elapsed), Double(bytes) / Double(total))
    }

    private static func spans(events: [AgentEvent], rounds: Int) async throws -> Rate {
        var builder = SpanBuilder()
        var spans = 0
        let stopwatch = Stopwatch()
        for _ in 0..<rounds {
            for event in events {
                try await builder.process(event) { _ in spans += 1 }
            }
        }
        let elapsed = stopwatch.read()
        let total = events.count * rounds
        precondition(spans == total * 4 / EventMix.eventsPerTurn, "P1: \(spans) spans for \(total) events")
        return Rate(count: total, elapsed)
    }
}

import ExporterRuntime

/// P2: a raw exporter with a no-op sink, end to end: the caller emits into an `EventHub`, the exporter's consumer
/// task drains its buffer through the (empty) pipeline into the sink; the clock stops when `flush()` returns,
/// that is when the consumer has handed every event to the sink. The buffer holds the whole run, so nothing is
/// dropped and the figure is the exporter's throughput, not its overflow policy.
enum RawExporterThroughput {
    static func run(events: [AgentEvent], rounds: Int, repeats: Int) async throws -> [Figure] {
        var rates: [Rate] = []
        var dropped = 0
        for _ in 0..<repeats {
            let (rate, drops) = try await once(events: events, rounds: rounds)
            rates.append(rate)
            dropped += drops
        }
        return Rate.median(rates).figures("P2", "raw_noop_exporter")
            + [Figure(figure: "P2", name: "raw_noop_exporter_dropped", value: Double(dropped), unit: "events")]
    }

    private static func once(events: [AgentEvent], rounds: Int) async throws -> (Rate, Int) {
        let total = events.count * rounds
        let exporter = RawExporter(name: "noop", sink: ClosureSink<AgentEvent> { _ in }, capacity: total)
        let hub = EventHub()
        try hub.register("noop", exporter)
        try await exporter.start()
        let stopwatch = Stopwatch()
        for _ in 0..<rounds {
            for event in events { hub.emit(event) }
        }
        try await exporter.flush()
        let elapsed = stopwatch.read()
        let report = await exporter.shutdown(timeout: .seconds(5))
        let statistics = report.statistics
        precondition(
            statistics.received == total && statistics.exported + statistics.dropped == total,
            "P2: \(statistics)"
        )
        return (Rate(count: total, elapsed), statistics.dropped)
    }
}

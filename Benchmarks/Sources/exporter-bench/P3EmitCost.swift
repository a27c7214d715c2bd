import ExporterRuntime

#if canImport(Glibc)
import Glibc
#endif

/// P3: what emitting costs the caller — `EventHub.emit` of ready events, with no exporter and with one raw
/// exporter whose consumer runs on another thread. Each sample times one agent turn (10 emits, one clock read
/// pair) and is reported per event; median and p99 over all samples.
///
/// With an exporter the caller pauses (outside the timed samples) every 100 turns until the consumer has caught
/// up: a real agent emits far below the consumer's rate, and the figure is meant to be the cost of an emit that
/// is accepted, not of one refused by a full buffer. Refusals would still be counted and printed.
enum EmitCost {
    static func run(events: [AgentEvent], turns: Int) async throws -> [Figure] {
        let bare = EventHub()
        let none = measure(hub: bare, events: events, turns: turns, caughtUp: { true })

        let exporter = RawExporter(name: "noop", sink: ClosureSink<AgentEvent> { _ in })
        let hub = EventHub()
        try hub.register("noop", exporter)
        try await exporter.start()
        let one = measure(hub: hub, events: events, turns: turns, caughtUp: { exporter.buffer.count == 0 })
        let report = await exporter.shutdown(timeout: .seconds(5))
        let offered = turns * EventMix.eventsPerTurn
        precondition(report.statistics.received == offered, "P3: \(report.statistics)")
        return [
            Figure(figure: "P3", name: "emit_0_exporters_median", value: none.median, unit: "ns/event"),
            Figure(figure: "P3", name: "emit_0_exporters_p99", value: none.p99, unit: "ns/event"),
            Figure(figure: "P3", name: "emit_1_exporter_median", value: one.median, unit: "ns/event"),
            Figure(figure: "P3", name: "emit_1_exporter_p99", value: one.p99, unit: "ns/event"),
            Figure(
                figure: "P3",
                name: "emit_1_exporter_dropped",
                value: Double(report.statistics.dropped),
                unit: "events"
            ),
        ]
    }

    private static func measure(
        hub: EventHub,
        events: [AgentEvent],
        turns: Int,
        caughtUp: () -> Bool
    ) -> (median: Double, p99: Double) {
        let perTurn = EventMix.eventsPerTurn
        let poolTurns = events.count / perTurn
        var samples: [Double] = []
        samples.reserveCapacity(turns)
        events.withUnsafeBufferPointer { pool in
            for turn in 0..<turns {
                if turn % 100 == 0 {
                    while !caughtUp() { sched_yield() }
                }
                let first = (turn % poolTurns) * perTurn
                let start = monotonicNanoseconds()
                for index in first..<(first + perTurn) { hub.emit(pool[index]) }
                let end = monotonicNanoseconds()
                samples.append(Double(end - start) / Double(perTurn))
            }
        }
        samples.sort()
        return (percentile(samples, 0.5), percentile(samples, 0.99))
    }
}

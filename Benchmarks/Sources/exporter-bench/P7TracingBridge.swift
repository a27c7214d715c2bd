import ExporterRuntime
import ExporterTracing
import Tracing

#if canImport(Glibc)
import Glibc
#endif

/// P7: what the swift-distributed-tracing bridge costs. A `withSpan` through ``RuntimeTracer`` with one raw exporter
/// attached, beside swift-distributed-tracing's `NoOpTracer` (the exporter-free path); and an agent scope
/// (`Instrument.scope`, a START and an END into one exporter) before the bridge exists and after it is made, so the
/// unbridged figure is the agent's path with the bridge compiled in but not bootstrapped. Each sample times 10
/// spans; median and p99 per span.
enum TracingBridge {
    static let spansPerSample = 10

    static func run(samples: Int) async throws -> [Figure] {
        let exporter = RawExporter(name: "noop", sink: ClosureSink<AgentEvent> { _ in })
        let hub = EventHub()
        try hub.register("noop", exporter)
        try await exporter.start()
        let caughtUp = { exporter.buffer.count == 0 }

        // Before any RuntimeTracer is made: the agent's scopes do not look at ServiceContext.
        let unbridged = await hub.bind {
            await measureAsync(samples: samples, caughtUp: caughtUp) { await Instrument.scope("step") { _ in } }
        }
        let noop = NoOpTracer()
        let noopSpans = measure(samples: samples, caughtUp: { true }) { noop.withSpan("GET /item") { _ in } }
        let tracer = RuntimeTracer()
        let bridged = await hub.bind {
            measure(samples: samples, caughtUp: caughtUp) { tracer.withSpan("GET /item", ofKind: .client) { _ in } }
        }
        let bridgedScope = await hub.bind {
            await measureAsync(samples: samples, caughtUp: caughtUp) { await Instrument.scope("step") { _ in } }
        }
        let report = await exporter.shutdown(timeout: .seconds(5))
        precondition(report.statistics.dropped == 0, "P7: \(report.statistics)")
        return [
            Figure(figure: "P7", name: "withspan_bridge_1_exporter_median", value: bridged.median, unit: "ns/span"),
            Figure(figure: "P7", name: "withspan_bridge_1_exporter_p99", value: bridged.p99, unit: "ns/span"),
            Figure(figure: "P7", name: "withspan_noop_tracer_median", value: noopSpans.median, unit: "ns/span"),
            Figure(figure: "P7", name: "withspan_noop_tracer_p99", value: noopSpans.p99, unit: "ns/span"),
            Figure(figure: "P7", name: "agent_scope_unbridged_median", value: unbridged.median, unit: "ns/scope"),
            Figure(figure: "P7", name: "agent_scope_unbridged_p99", value: unbridged.p99, unit: "ns/scope"),
            Figure(figure: "P7", name: "agent_scope_bridged_median", value: bridgedScope.median, unit: "ns/scope"),
            Figure(figure: "P7", name: "agent_scope_bridged_p99", value: bridgedScope.p99, unit: "ns/scope"),
        ]
    }

    private static func measure(
        samples: Int,
        caughtUp: () -> Bool,
        _ body: () -> Void
    ) -> (median: Double, p99: Double) {
        var results: [Double] = []
        results.reserveCapacity(samples)
        for sample in 0..<samples {
            if sample % 100 == 0 {
                while !caughtUp() { sched_yield() }
            }
            let start = monotonicNanoseconds()
            for _ in 0..<spansPerSample { body() }
            results.append(Double(monotonicNanoseconds() - start) / Double(spansPerSample))
        }
        results.sort()
        return (percentile(results, 0.5), percentile(results, 0.99))
    }

    private static func measureAsync(
        samples: Int,
        caughtUp: () -> Bool,
        _ body: () async -> Void
    ) async -> (median: Double, p99: Double) {
        var results: [Double] = []
        results.reserveCapacity(samples)
        for sample in 0..<samples {
            if sample % 100 == 0 {
                while !caughtUp() { sched_yield() }
            }
            let start = monotonicNanoseconds()
            for _ in 0..<spansPerSample { await body() }
            results.append(Double(monotonicNanoseconds() - start) / Double(spansPerSample))
        }
        results.sort()
        return (percentile(results, 0.5), percentile(results, 0.99))
    }
}

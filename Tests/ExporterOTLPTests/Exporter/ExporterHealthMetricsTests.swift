import CoreMetrics
import ExporterHTTP
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import MetricsTestKit
import Testing

@testable import ExporterCore
@testable import ExporterOTLP

/// Exporter health through swift-metrics: an `otelcollector` exporter made under a bootstrapped factory (here
/// swift-metrics' own `TestMetrics`, task-locally) publishes its statistics, retries, queue depth and export
/// durations, and reports its health, after faults injected by a real loopback collector.
@Suite struct ExporterHealthMetricsTests {
    private static let dimensions = [("exporter", "otel"), ("type", "otelcollector")]

    /// One run of a two-turn trace through an `otelcollector` exporter against `server`, with millisecond
    /// retries, under `metrics`.
    private func run(
        against server: LoopbackHTTPServer,
        metrics: TestMetrics
    ) async throws -> (report: ShutdownReport, health: ExporterHealth, managerHealth: ExporterHealth, flushFailed: Bool)
    {
        var configuration = OTLPExporterConfiguration(endpoint: try #require(server.url(path: "/v1/traces")))
        configuration.retry = RetryPolicy(
            maxAttempts: 3,
            initialBackoff: .milliseconds(1),
            maxBackoff: .milliseconds(2),
            deadline: .seconds(5)
        )
        let manager = ExporterManager()
        manager.add(OTLPExporterBlueprint(configuration: configuration, client: URLSessionHTTPClient()), name: "otel")
        let (healths, reports) = try await withMetricsFactory(metrics) {
            try await manager.withRun { run in
                for event in TestEvents.run(root: "run", turns: 2) { run.hub.emit(event) }
                let flushFailed: Bool
                do {
                    try await run.flush()
                    flushFailed = false
                } catch {
                    flushFailed = true
                }
                let managerHealth = manager.health()
                #expect(managerHealth.exporters.map(\.name) == ["otel"])
                return (run.health(), managerHealth.overall, flushFailed)
            }
        }
        await manager.close()
        let report = try #require(reports.first)
        let (run, managerOverall, flushFailed) = healths
        let health = try #require(run.exporters.first?.health)
        #expect(run.overall == health)
        return (report, health, managerOverall, flushFailed)
    }

    private func counter(_ metrics: TestMetrics, _ label: String) throws -> Int64 {
        try metrics.expectCounter(label, Self.dimensions).totalValue
    }

    @Test func aRetriedRequestIsDegradedAndCountedOnce() async throws {
        let server = LoopbackHTTPServer()
        server.enqueue(.status(429), .status(200))
        _ = try await server.start()
        defer { server.stop() }
        let metrics = TestMetrics()
        let (report, health, managerHealth, flushFailed) = try await run(against: server, metrics: metrics)
        #expect(!flushFailed)
        let statistics = report.statistics
        #expect(statistics.exported > 0 && statistics.failed == 0 && statistics.dropped == 0)
        #expect(try counter(metrics, "exporter_events_received_total") == Int64(statistics.received))
        #expect(try counter(metrics, "exporter_items_exported_total") == Int64(statistics.exported))
        #expect(try counter(metrics, "exporter_retries_total") == 1)
        #expect(metrics.counters(label: "exporter_items_failed_total").allSatisfy { $0.totalValue == 0 })
        #expect(try metrics.expectGauge("exporter_queue_depth", Self.dimensions).lastValue == 0)
        // One hand-over to the sink (the flush's batch), its retry inside it.
        #expect(try metrics.expectTimer("exporter_export_duration", Self.dimensions).values.count == 1)
        #expect(health == .degraded(reason: "retried 1 requests"))
        #expect(managerHealth == health)
    }

    @Test func aRefusedRequestIsFailingAndItsItemsCountedFailed() async throws {
        let server = LoopbackHTTPServer(defaultReply: .status(500))
        _ = try await server.start()
        defer { server.stop() }
        let metrics = TestMetrics()
        let (report, health, _, flushFailed) = try await run(against: server, metrics: metrics)
        #expect(flushFailed, "the refused batch fails the flush")
        let statistics = report.statistics
        #expect(statistics.failed > 0 && statistics.exported == 0)
        #expect(try counter(metrics, "exporter_items_failed_total") == Int64(statistics.failed))
        #expect(try counter(metrics, "exporter_events_received_total") == Int64(statistics.received))
        #expect(metrics.counters(label: "exporter_items_exported_total").allSatisfy { $0.totalValue == 0 })
        #expect(metrics.counters(label: "exporter_retries_total").allSatisfy { $0.totalValue == 0 }, "500 is final")
        #expect(health == .failing(reason: "failed \(statistics.failed)"))
    }

    @Test func aFullBufferIsFailingWithItsDropsCounted() async throws {
        let metrics = TestMetrics()
        let events = TestEvents.run(root: "run", turns: 3)
        let reports = await withMetricsFactory(metrics) {
            let exporter = ProcessingExporter(
                name: "raw",
                pipeline: PassThroughProcessor<AgentEvent>(),
                sink: InMemorySink<AgentEvent>(),
                capacity: 2,
                type: "memory"
            )
            // Not started: the buffer keeps the first two events and refuses the rest.
            for event in events { exporter.receive(event) }
            #expect(exporter.health() == .failing(reason: "dropped \(events.count - 2)"))
            return await exporter.shutdown(timeout: .seconds(5))
        }
        #expect(reports.statistics.dropped == events.count - 2)
        #expect(
            try metrics.expectCounter("exporter_dropped_total", [("exporter", "raw"), ("type", "memory")]).totalValue
                == Int64(events.count - 2)
        )
    }

    @Test func withoutAFactoryNoMetricsAreMade() {
        #expect(ExporterHealthMetrics.make(exporter: "otel", type: "otelcollector") == nil)
    }
}

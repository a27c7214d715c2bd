import ExporterOTLP
import ExporterRuntime
import Foundation

/// P5: memory and exact accounting when the backend never answers. One `otelcollector` exporter (default buffer
/// of 10,000 events, batches of 100, 1 s request timeout) points at a ``BlackHoleServer``; the caller emits
/// 1,000,000 events as fast as it can, then shuts the exporter down with a 1 s limit. The peak RSS of the
/// process is measured from just before the exporter is made (the kernel's high-water mark is reset first), so
/// earlier figures do not count; it includes the event pool and the runtime itself.
///
/// Every event must be accounted for: `received == processed + droppedByBuffer + abandoned`.
enum StalledBackend {
    static func run(events: [AgentEvent], total: Int) async throws -> [Figure] {
        let server = try BlackHoleServer()
        defer { server.close() }
        let peakWasReset = resetPeakResident()

        var configuration = OTLPExporterConfiguration(
            endpoint: URL(string: "http://127.0.0.1:\(server.port)/v1/traces")!
        )
        configuration.project = "bench"
        configuration.timeout = .seconds(1)
        configuration.shutdownTimeout = .seconds(1)
        let blueprint = OTLPExporterBlueprint(configuration: configuration, client: URLSessionHTTPClient())
        let exporter = try blueprint.makeExporter(name: "otel")
        let hub = EventHub()
        try hub.register("otel", exporter)
        try await exporter.start()

        let start = monotonicNanoseconds()
        var emitted = 0
        while emitted < total {
            for event in events.prefix(total - emitted) { hub.emit(event) }
            emitted += min(events.count, total - emitted)
        }
        let emitSeconds = seconds(since: start)
        let report = await exporter.shutdown(timeout: .seconds(1))
        await blueprint.close()
        let peak = peakResidentBytes()

        let statistics = report.statistics
        let accounted = statistics.processed + statistics.droppedByBuffer + report.abandoned
        guard statistics.received == total, accounted == total else {
            throw BenchError("P5: \(total) emitted but \(statistics), abandoned \(report.abandoned)")
        }
        var figures = [
            Figure(
                figure: "P5",
                name: peakWasReset ? "peak_rss" : "peak_rss_whole_process",
                value: Double(peak) / 1_048_576,
                unit: "MiB"
            ),
            Figure(figure: "P5", name: "events_emitted", value: Double(total), unit: "events"),
            Figure(figure: "P5", name: "events_received", value: Double(statistics.received), unit: "events"),
            Figure(figure: "P5", name: "events_processed", value: Double(statistics.processed), unit: "events"),
            Figure(figure: "P5", name: "events_dropped", value: Double(statistics.droppedByBuffer), unit: "events"),
            Figure(figure: "P5", name: "events_abandoned_at_shutdown", value: Double(report.abandoned), unit: "events"),
            Figure(figure: "P5", name: "accounting_exact", value: 1, unit: "bool"),
        ]
        figures.append(Figure(figure: "P5", name: "emit_1m_caller_time", value: emitSeconds * 1000, unit: "ms"))
        return figures
    }
}

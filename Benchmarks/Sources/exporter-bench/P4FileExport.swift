import ExporterRuntime

#if canImport(Glibc)
import Glibc
#endif

/// P4: the `file` exporter's pipeline end to end — emit, buffer, `EventJSONSerializer` (the toolkit's
/// IntermediateStep JSON lines), `FileSink` (64 KiB writes to one descriptor) — timed until `flush()` returns,
/// which includes the final `fsync`. The buffer holds the whole run, so nothing is dropped.
enum FileExport {
    static func run(events: [AgentEvent], rounds: Int, repeats: Int, directory: String) async throws -> [Figure] {
        var rates: [Rate] = []
        var bytesPerEvent = 0.0
        for attempt in 0..<repeats {
            let path = "\(directory)/p4-\(attempt).jsonl"
            let (rate, bytes) = try await once(events: events, rounds: rounds, path: path)
            rates.append(rate)
            bytesPerEvent = bytes
            unlink(path)
        }
        return Rate.median(rates).figures("P4", "file_jsonl_export")
            + [Figure(figure: "P4", name: "file_jsonl_bytes_per_event", value: bytesPerEvent, unit: "bytes")]
    }

    private static func once(events: [AgentEvent], rounds: Int, path: String) async throws -> (Rate, Double) {
        let total = events.count * rounds
        let sink = try FileSink(path: path, mode: .overwrite)
        let exporter = ProcessingExporter(
            name: "file",
            pipeline: EventJSONSerializer(format: .intermediateStep),
            sink: sink,
            capacity: total
        )
        let hub = EventHub()
        try hub.register("file", exporter)
        try await exporter.start()
        let stopwatch = Stopwatch()
        for _ in 0..<rounds {
            for event in events { hub.emit(event) }
        }
        try await exporter.flush()
        let elapsed = stopwatch.read()
        let report = await exporter.shutdown(timeout: .seconds(10))
        await sink.close()
        precondition(report.statistics.exported == total, "P4: \(report.statistics)")
        var info = stat()
        let size = stat(path, &info) == 0 ? Double(info.st_size) : .nan
        return (Rate(count: total, elapsed), size / Double(total))
    }
}

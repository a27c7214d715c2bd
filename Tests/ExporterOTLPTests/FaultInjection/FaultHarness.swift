import ExporterHTTPTesting
import ExporterOTLP
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Logging
import Synchronization
import Testing

/// The two exporters the fault suite drives through the one HTTP mechanism: the `otelcollector` exporter (OTLP
/// protobuf or JSON, partial success read) and a generic `http` exporter (spans batched into JSON arrays, as a
/// generated `http` package does).
enum FaultTransport: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case otlp
    case otlpJSON
    case http

    var testDescription: String { rawValue }
}

/// What one fault run produced.
struct FaultOutcome {
    var report: ShutdownReport
    var sink: HTTPSinkStatistics
    var requests: [LoopbackHTTPServer.RecordedRequest]
    var logs: [FaultLogs.Record]
    var deadLetters: [DeadLetterRecord]
    var items: Int

    var statistics: ExporterStatistics { report.statistics }
    /// Requests that were resends of a payload already sent.
    var resends: Int { sink.retries }

    /// Every item the pipeline made is exactly one of exported, dropped, failed, unconfirmed or abandoned.
    var accountingHolds: Bool {
        statistics.exported + statistics.droppedInPipeline + statistics.failed + statistics.unconfirmed
            + report.abandonedItems == items
            && statistics.received == statistics.processed + statistics.droppedByBuffer + report.abandoned
    }

    /// Everything written to the log, the dead letters and the shutdown report, as one text.
    var everythingPrinted: String {
        var parts = logs.map { record in
            record.message + " "
                + record.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: " ")
        }
        parts += deadLetters.map(\.reason)
        parts += report.errors
        return parts.joined(separator: "\n")
    }
}

/// Settings of the fault runs: millisecond backoff and short timeouts, so that the whole matrix takes seconds.
enum FaultHarness {
    static let retry = RetryPolicy(
        maxAttempts: 3,
        initialBackoff: .milliseconds(5),
        maxBackoff: .milliseconds(20),
        deadline: .seconds(5)
    )
    static let requestTimeout: Duration = .seconds(1)
    static let apiKey = "sk-live-4f1b2c9d8e7a"
    static let bearerToken = "tok-9c8b7a6f5e4d3c2b"

    /// Sends the spans of one run (8 spans: `TestEvents.run(turns: 3)`) through `transport` to `server` and shuts
    /// the exporter down. With `batchSize` 100 the spans leave in one request, at shutdown.
    static func run(
        _ transport: FaultTransport,
        server: LoopbackHTTPServer,
        batchSize: Int = 100,
        deadLetter: Bool = false,
        requestTimeout: Duration = FaultHarness.requestTimeout
    ) async throws -> FaultOutcome {
        let endpoint = try #require(server.url(path: "/v1/traces"))
        let logs = FaultLogs()
        let deadLetterPath = NSTemporaryDirectory() + "fault-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: deadLetterPath) }
        let deadLetterFile = deadLetter ? try DeadLetterFile(path: deadLetterPath) : nil
        let exporter: any Exporter
        let sink: HTTPExportSink
        switch transport {
        case .otlp, .otlpJSON:
            var configuration = OTLPExporterConfiguration(endpoint: endpoint)
            configuration.project = "faults"
            configuration.batching = BatchingOptions(
                batchSize: batchSize,
                flushInterval: .seconds(60),
                maxQueueSize: 1000
            )
            configuration.encoding = transport == .otlp ? .protobuf : .json
            configuration.headers = ["x-api-key": apiKey]
            configuration.timeout = requestTimeout
            configuration.retry = retry
            configuration.shutdownTimeout = .seconds(20)
            let blueprint = OTLPExporterBlueprint(
                configuration: configuration,
                client: URLSessionHTTPClient(),
                deadLetter: deadLetterFile,
                logger: logs.logger
            )
            sink = blueprint.sink
            exporter = try blueprint.makeExporter(name: "otel")
        case .http:
            sink = HTTPExportSink(
                configuration: HTTPExportSink.Configuration(
                    endpoint: endpoint,
                    headers: ["X-Tenant": "acme"],
                    auth: .bearer(Secret(bearerToken)),
                    requestTimeout: requestTimeout,
                    retry: retry,
                    secrets: [Secret(apiKey)]
                ),
                deadLetter: deadLetterFile,
                logger: logs.logger
            )
            let pipeline = SpanBuilder().named("spans")
                .then(
                    try BatchingProcessor<Span>(
                        options: BatchingOptions(batchSize: batchSize, flushInterval: .seconds(60), maxQueueSize: 1000)
                    ).named("batch")
                )
                .then(JSONPayloadEncoder<Span>(framing: .array).named("encode"))
            exporter = ProcessingExporter(name: "http", pipeline: pipeline, sink: sink, logger: logs.logger)
        }
        let events = TestEvents.run(root: "run", turns: 3)
        try await exporter.start()
        for event in events { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(20))
        await sink.close()
        var records: [DeadLetterRecord] = []
        if deadLetter, let data = FileManager.default.contents(atPath: deadLetterPath) {
            for line in Array(data).split(separator: UInt8(ascii: "\n")) {
                records.append(try DeadLetterRecord(parsing: line))
            }
        }
        return FaultOutcome(
            report: report,
            sink: sink.statistics,
            requests: server.requests,
            logs: logs.all,
            deadLetters: records,
            items: 8
        )
    }
}

/// Collects log records, to check what is logged (and that secrets stay out of it).
final class FaultLogs: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    var all: [Record] { records.withLock { $0 } }

    var logger: Logger {
        Logger(label: "fault-test") { _ in Handler(logs: self) }
    }

    private struct Handler: LogHandler {
        let logs: FaultLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let record = Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" })
            logs.records.withLock { $0.append(record) }
        }
    }
}

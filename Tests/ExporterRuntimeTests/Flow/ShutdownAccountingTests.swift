import ExporterRuntime
import ExporterRuntimeTesting
import Synchronization
import Testing

/// What a shutdown reports when the sink fails, stalls or the caller is cancelled.
@Suite("ShutdownAccounting")
struct ShutdownAccountingTests {
    /// A real file sink on `/dev/full`: every write fails with `ENOSPC`; the lines are buffered, so the final flush
    /// writes (and loses) them.
    private func fullDiskExporter(name: String = "full") throws -> ProcessingExporter<EventJSONSerializer, FileSink> {
        ProcessingExporter(
            name: name,
            pipeline: EventJSONSerializer(format: .intermediateStep),
            sink: try FileSink(path: "/dev/full")
        )
    }

    @Test func sinkFlushErrorAtShutdownIsReportedAndCounted() async throws {
        let exporter = try fullDiskExporter()
        try await exporter.start()
        for event in TestEvents.marks(count: 5) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(10))

        #expect(!report.completed)
        #expect(report.abandoned == 0)
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.hasPrefix("sink flush: ") == true)
        // The five lines, never written: failed, not exported; the failed flush itself counts nothing.
        #expect(report.statistics.failed == 5)
        #expect(report.statistics.exported == 0)
        await exporter.sink.close()
    }

    @Test func replayOfAFullDiskIsNotClean() async throws {
        let manager = ExporterManager(shutdownTimeout: .seconds(10))
        let sinks = BlueprintSinks()
        manager.add(
            BlueprintFromClosure { name in
                let exporter = try fullDiskExporter(name: name)
                sinks.append(exporter.sink)
                return exporter
            },
            name: "out"
        )
        let report = try await TraceReplayer(manager: manager).replay(TestEvents.run(root: "r", turns: 2))

        #expect(!report.isClean)
        #expect(report.problemSummary().contains("out: sink flush: "))
        for sink in sinks.all { await sink.close() }
    }

    @Test func timeoutReportsWhatThePipelineStillHeld() async throws {
        // The batch (size 100) is only handed on at shutdown, where the sink stalls far beyond the timeout.
        let sink = InMemorySink<[Span]>(delay: .seconds(3600))
        let exporter = ProcessingExporter(
            name: "stalled",
            pipeline: SpanBuilder().named("spans")
                .then(try BatchingProcessor<Span>(batchSize: 100, flushInterval: .seconds(3600)).named("batch")),
            sink: sink
        )
        let events = TestEvents.run(root: "r", turns: 2)
        let spans = events.filter { $0.phase == .start }.count
        try await exporter.start()
        for event in events { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .milliseconds(500))

        #expect(!report.completed)
        #expect(report.abandoned == 0)
        #expect(report.statistics.processed == events.count)
        #expect(report.abandonedItems == spans)
        #expect(report.statistics.exported == 0)
        #expect(report.errors.contains { $0.hasPrefix("shutdown timed out") })
    }

    @Test func stageStatisticsArePublishedBeforeTheSinkStalls() async throws {
        // Four exports fail at once, the fifth stalls: all within the first chunk.
        let exporter = ProcessingExporter(
            name: "lagging",
            pipeline: CountingProcessor().named("count"),
            sink: InMemorySink<AgentEvent>(delay: .seconds(3600), failFirst: 4)
        )
        try await exporter.start()
        for event in TestEvents.marks(count: 20) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .milliseconds(500))
        let statistics = report.statistics

        #expect(statistics.failed == 4)
        #expect(statistics.processed == 4)
        #expect(statistics.stages["count.seen"] == 4)
    }

    @Test func cancellingTheCallerStillDrainsTheBuffer() async throws {
        let exporter = memoryExporter(delay: .milliseconds(2))
        let events = TestEvents.marks(count: 100)
        try await exporter.start()
        for event in events { exporter.receive(event) }
        let shutdown = Task { await exporter.shutdown(timeout: .seconds(60)) }
        shutdown.cancel()
        let report = await shutdown.value

        #expect(report.completed)
        #expect(report.abandoned == 0)
        #expect(exporter.sink.items == events)
    }

    @Test func itemsTheSinkHasNotWrittenAtATimeoutAreAbandonedNotExported() async throws {
        // The sink writes the first four at once and holds the rest; the final flush stalls past the timeout.
        let sink = HoldingSink(writesFirst: 4)
        let exporter = ProcessingExporter(
            name: "holding",
            pipeline: MapProcessor<AgentEvent, [UInt8]> { _ in Array("line\n".utf8) },
            sink: sink
        )
        try await exporter.start()
        for event in TestEvents.marks(count: 10) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .milliseconds(500))

        #expect(!report.completed)
        #expect(report.statistics.exported == 4)
        #expect(report.statistics.failed == 0)
        #expect(report.abandonedItems == 6)
        // Settled after the report: the report stays as it was.
        sink.settleHeld(delivered: true)
        #expect(exporter.statistics.exported == 4)
    }

    @Test func itemsASinkStillHoldsAfterItsFinalFlushAreAbandoned() async throws {
        let sink = HoldingSink(writesFirst: 7, stallsFlush: false)
        let exporter = ProcessingExporter(
            name: "holding",
            pipeline: MapProcessor<AgentEvent, [UInt8]> { _ in Array("line\n".utf8) },
            sink: sink
        )
        try await exporter.start()
        for event in TestEvents.marks(count: 10) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(10))

        #expect(!report.completed)
        #expect(report.statistics.exported == 7)
        #expect(report.abandonedItems == 3)
        #expect(report.statistics.exported + report.statistics.failed + report.abandonedItems == 10)
    }

    @Test func exportedCountsTheElementsOfBatches() async throws {
        let sink = InMemorySink<[AgentEvent]>()
        let exporter = ProcessingExporter(
            name: "batches",
            pipeline: try BatchingProcessor<AgentEvent>(batchSize: 4, flushInterval: .seconds(3600)),
            sink: sink
        )
        try await exporter.start()
        for event in TestEvents.marks(count: 10) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(10))

        #expect(sink.items.map(\.count) == [4, 4, 2])
        #expect(report.statistics.exported == 10)
        #expect(report.statistics.processed == report.statistics.exported)
    }
}

/// A sink that delivers its first items at once and holds the receipts of the others, as a buffering sink does
/// until its next write; its flush stalls until cancelled, or returns without settling them.
final class HoldingSink: ExportSink {
    typealias Item = [UInt8]

    private let writesFirst: Int
    private let stallsFlush: Bool
    private let state = Mutex<(accepted: Int, held: [ExportReceipt])>((0, []))

    init(writesFirst: Int, stallsFlush: Bool = true) {
        self.writesFirst = writesFirst
        self.stallsFlush = stallsFlush
    }

    func export(_ item: [UInt8]) async throws {}

    func export(_ item: [UInt8], receipt: ExportReceipt) async throws {
        let writeNow = state.withLock { state in
            state.accepted += 1
            if state.accepted > writesFirst { state.held.append(receipt) }
            return state.accepted <= writesFirst
        }
        if writeNow { receipt.delivered() }
    }

    func flush() async throws {
        if stallsFlush { try await Task.sleep(for: .seconds(3600)) }
    }

    func settleHeld(delivered: Bool) {
        let held = state.withLock { state in
            defer { state.held = [] }
            return state.held
        }
        for receipt in held {
            if delivered { receipt.delivered() } else { receipt.lost() }
        }
    }
}

/// The sinks a blueprint's closure made, for closing them after the test.
final class BlueprintSinks: Sendable {
    private let sinks = Mutex<[FileSink]>([])

    func append(_ sink: FileSink) { sinks.withLock { $0.append(sink) } }

    var all: [FileSink] { sinks.withLock { $0 } }
}

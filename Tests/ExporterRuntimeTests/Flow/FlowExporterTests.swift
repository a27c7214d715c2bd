import ExporterRuntime
import ExporterRuntimeTesting
import Testing

@Suite("FlowExporter")
struct FlowExporterTests {
    @Test func preservesOrderFromReceiveToSink() async throws {
        let exporter = memoryExporter()
        try await exporter.start()
        let events = TestEvents.run(root: "r", turns: 3)
        for event in events { exporter.receive(event) }
        try await exporter.flush()
        #expect(exporter.sink.items == events)
        let report = await exporter.shutdown(timeout: .seconds(5))
        #expect(report.completed)
        #expect(report.statistics.received == events.count)
        #expect(report.statistics.exported == events.count)
        #expect(report.statistics.processed == events.count)
    }

    @Test(arguments: OverflowPolicy.allCases)
    func fullBufferDropsExactlyWhatCountersSay(policy: OverflowPolicy) async throws {
        let exporter = memoryExporter(capacity: 100, overflowPolicy: policy)
        // Filled before start, so nothing drains while we overflow.
        for event in TestEvents.marks(count: 250) { exporter.receive(event) }
        #expect(exporter.statistics.dropped == 150)
        #expect(exporter.statistics.received == 250)
        try await exporter.start()
        let report = await exporter.shutdown(timeout: .seconds(5))

        let survivors = exporter.sink.items.compactMap { TestEvents.markIndex($0) }
        let expected = policy == .dropNewest ? Array(0..<100) : Array(150..<250)
        #expect(survivors == expected)
        #expect(report.completed)
        #expect(report.abandoned == 0)
        #expect(report.statistics.exported == 100)
        #expect(report.statistics.dropped == 150)
        #expect(report.statistics.received == report.statistics.processed + report.statistics.dropped)
    }

    @Test func failingSinkIsCountedAndConsumerContinues() async throws {
        let exporter = memoryExporter(failFirst: 3)
        try await exporter.start()
        let events = TestEvents.marks(count: 10)
        for event in events { exporter.receive(event) }
        try await exporter.flush()
        #expect(exporter.sink.items == Array(events.dropFirst(3)))
        let statistics = exporter.statistics
        #expect(statistics.failed == 3)
        #expect(statistics.exported == 7)
        #expect(statistics.processed == statistics.exported + statistics.failed)
        await exporter.shutdown(timeout: .seconds(5))
    }

    @Test func failingProcessorIsCountedAndConsumerContinues() async throws {
        let exporter = ProcessingExporter(
            name: "failing",
            pipeline: FailingProcessor(failing: ["event-1", "event-4"]),
            sink: InMemorySink<AgentEvent>()
        )
        try await exporter.start()
        for event in TestEvents.marks(count: 6) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(5))
        #expect(exporter.sink.items.compactMap { TestEvents.markIndex($0) } == [0, 2, 3, 5])
        #expect(report.statistics.failed == 2)
        #expect(report.statistics.processed == 6)
        #expect(report.completed)
    }

    @Test func deadlineFlushesWithoutNewInput() async throws {
        let sink = InMemorySink<[AgentEvent]>()
        let exporter = ProcessingExporter(
            name: "batched",
            pipeline: IntervalBatcher(batchSize: 1_000, interval: .milliseconds(20)).named("batch"),
            sink: sink
        )
        let events = TestEvents.marks(count: 5)
        // Buffered before the start, so the consumer takes all five at once however slowly this task runs: the
        // batch cannot be split by a deadline passing between two receives.
        for event in events { exporter.receive(event) }
        try await exporter.start()
        // No flush call and no further event: only the deadline can release the batch.
        #expect(await sink.waitForCount(1))
        #expect(sink.items == [events])
        #expect(await eventually { exporter.statistics.stages["batch.batches"] == 1 })
        await exporter.shutdown(timeout: .seconds(5))
    }

    @Test func flushIsABarrier() async throws {
        let sink = InMemorySink<[AgentEvent]>(delay: .microseconds(50))
        let exporter = ProcessingExporter(
            name: "batched",
            pipeline: IntervalBatcher(batchSize: 64, interval: .seconds(3600)),
            sink: sink
        )
        try await exporter.start()
        let events = TestEvents.marks(count: 1_000)
        for event in events { exporter.receive(event) }
        try await exporter.flush()
        // Everything received before flush is through, the partial last batch included, and the sink flushed.
        #expect(sink.items.flatMap { $0 } == events)
        #expect(sink.flushCount == 1)
        // Sixteen batches, counted as the events they carry.
        #expect(sink.items.count == 16)
        #expect(exporter.statistics.exported == 1_000)
        await exporter.shutdown(timeout: .seconds(5))
    }

    @Test func flushBeforeStartAndAfterShutdownIsRefused() async throws {
        let exporter = memoryExporter(name: "idle")
        await #expect(throws: ProcessingExporterError.notStarted(exporter: "idle")) { try await exporter.flush() }
        await exporter.shutdown(timeout: .seconds(5))
        await #expect(throws: ProcessingExporterError.shutDown(exporter: "idle")) { try await exporter.flush() }
        await #expect(throws: ProcessingExporterError.shutDown(exporter: "idle")) { try await exporter.start() }
    }

    @Test func shutdownWithBufferedDataLosesNothing() async throws {
        let exporter = memoryExporter(delay: .microseconds(100))
        let events = TestEvents.marks(count: 2_000)
        try await exporter.start()
        for event in events { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(60))
        #expect(report.completed)
        #expect(report.abandoned == 0)
        #expect(exporter.sink.items == events)
        #expect(report.statistics.exported == 2_000)
        #expect(exporter.sink.flushCount == 1)
        // Events after shutdown are refused and counted.
        exporter.receive(events[0])
        #expect(exporter.statistics.dropped == 1)
        #expect(exporter.statistics.received == 2_001)
    }

    @Test func shutdownBeforeStartStillExports() async {
        let exporter = memoryExporter()
        for event in TestEvents.marks(count: 10) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(5))
        #expect(report.completed)
        #expect(exporter.sink.count == 10)
    }

    @Test func shutdownTimeoutReportsAbandonedExactly() async throws {
        // The sink takes one item, then stalls far beyond the shutdown timeout.
        let exporter = memoryExporter(capacity: 100, delay: .seconds(3600), failFirst: 2)
        for event in TestEvents.marks(count: 150) { exporter.receive(event) }
        try await exporter.start()
        let report = await exporter.shutdown(timeout: .milliseconds(100))
        let statistics = report.statistics

        #expect(!report.completed)
        #expect(statistics.received == 150)
        #expect(statistics.dropped == 50)
        #expect(statistics.failed == 2)
        #expect(statistics.exported == 0)
        #expect(exporter.sink.count == 0)
        // Two events processed (their export failed); the third is in flight; 97 still buffered.
        #expect(statistics.processed == 2)
        #expect(report.abandoned == 98)
        #expect(statistics.received == statistics.processed + statistics.dropped + report.abandoned)
        #expect(await exporter.shutdown(timeout: .seconds(1)) == report)
    }

    @Test func pipelineStatisticsBecomeStagesAndAnomalies() async throws {
        let exporter = ProcessingExporter(
            name: "counting",
            pipeline: CountingProcessor().named("spans"),
            sink: InMemorySink<AgentEvent>()
        )
        try await exporter.start()
        var events = TestEvents.run(root: "a", turns: 1)
        events.removeFirst()  // the workflow start: its end becomes an anomaly
        for event in events { exporter.receive(event) }
        try await exporter.flush()
        let statistics = exporter.statistics
        #expect(statistics.stages == ["spans.seen": Double(events.count)])
        #expect(statistics.anomalies == ["end_without_start": 1])
        await exporter.shutdown(timeout: .seconds(5))
    }
}

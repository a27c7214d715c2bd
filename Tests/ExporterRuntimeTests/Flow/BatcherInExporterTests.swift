import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Testing

/// The real ``BatchingProcessor`` inside a real exporter: its interval, and its queue bound while the backend
/// refuses everything.
@Suite("BatcherInExporter")
struct BatcherInExporterTests {
    @Test func intervalReleasesAPartialBatchWithoutFurtherInput() async throws {
        let sink = InMemorySink<[AgentEvent]>()
        let exporter = ProcessingExporter(
            name: "interval",
            pipeline: try BatchingProcessor<AgentEvent>(batchSize: 1_000, flushInterval: .milliseconds(20))
                .named("batch"),
            sink: sink
        )
        try await exporter.start()
        let events = TestEvents.marks(count: 7)
        for event in events { exporter.receive(event) }
        // No flush and no further event: only the batcher's interval can release the batch.
        #expect(await sink.waitForCount(1))
        #expect(sink.items == [events])
        #expect(await eventually { exporter.statistics.stages["batch.batches_created"] == 1 })
        await exporter.shutdown(timeout: .seconds(5))
    }

    /// Spans → batcher (2 a batch, at most 4 queued, no retry by interval) → one JSON payload per batch → `sink`.
    private func boundedExporter(
        sink: HTTPExportSink,
        policy: OverflowPolicy = .dropNewest
    ) throws -> some Exporter {
        ProcessingExporter(
            name: "bounded",
            pipeline: SpanBuilder().named("spans")
                .then(
                    try BatchingProcessor<Span>(
                        batchSize: 2,
                        flushInterval: .seconds(3600),
                        maxQueueSize: 4,
                        overflowPolicy: policy
                    ).named("batch")
                )
                .then(
                    MapProcessor<[Span], HTTPPayload> { spans in
                        HTTPPayload(body: Array("spans".utf8), contentType: "application/json", itemCount: spans.count)
                    }
                ),
            sink: sink
        )
    }

    @Test func aSinkWithADeadLetterFileIsNotRetriedByTheBatcher() async throws {
        let server = LoopbackHTTPServer(defaultReply: .status(400))
        _ = try await server.start()
        defer { server.stop() }
        let deadLetter = try DeadLetterFile(path: TransportFixture.temporaryPath("batcher-dead-letter.jsonl"))
        let sink = HTTPExportSink(
            configuration: .init(endpoint: try #require(server.url(path: "/v1/traces")), retry: .never),
            deadLetter: deadLetter
        )
        let exporter = try boundedExporter(sink: sink)
        try await exporter.start()
        for event in TestEvents.marks(count: 10) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(10))
        deadLetter.close()

        // Each batch is refused once and kept once, in the dead-letter file; the batcher keeps nothing.
        #expect(server.requests.count == 5)
        #expect(sink.statistics.deadLettered == 5)
        #expect(report.statistics.failed == 10)
        #expect(report.statistics.dropped == 0)
        #expect(report.completed)
    }

    @Test(arguments: [OverflowPolicy.dropNewest, .dropOldest])
    func refusingBackendFillsTheQueueUpToItsBoundAndEveryDropIsCounted(policy: OverflowPolicy) async throws {
        // 503 is retryable, so the batcher keeps the refused batch (a 400 would fail it at once).
        let server = LoopbackHTTPServer(defaultReply: .status(503))
        _ = try await server.start()
        defer { server.stop() }
        let sink = HTTPExportSink(
            configuration: .init(endpoint: try #require(server.url(path: "/v1/traces")), retry: .never)
        )
        let exporter = try boundedExporter(sink: sink, policy: policy)
        try await exporter.start()
        // Ten marks without a parent: ten spans. The first full batch is refused and kept; the queue then fills
        // to 4 and the other 6 spans are dropped by the policy.
        for event in TestEvents.marks(count: 10) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(10))
        let statistics = report.statistics

        #expect(statistics.stages["batch.items_dropped"] == 6)
        #expect(statistics.droppedInPipeline == 6)
        #expect(statistics.dropped == 6)
        #expect(statistics.droppedByBuffer == 0)
        // At shutdown the backend still refuses: the 4 queued spans are lost and counted as failed.
        #expect(statistics.failed == 4)
        #expect(statistics.exported == 0)
        #expect(statistics.exported + statistics.failed + statistics.droppedInPipeline == 10)
        #expect(!report.completed)
        #expect(report.errors.count == 1)
        // Two refused requests: the first full batch, and the retry at shutdown (one attempt each).
        #expect(server.requests.count == 2)
    }
}

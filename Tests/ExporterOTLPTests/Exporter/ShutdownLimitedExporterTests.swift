import ExporterHTTPTesting
import ExporterOTLP
import ExporterRuntime
import ExporterRuntimeTesting
import Testing

@Suite("OTLPExporter: shutdown limit and buffer")
struct ShutdownLimitedExporterTests {
    private func blueprint(
        server: LoopbackHTTPServer,
        bufferCapacity: Int = 10_000,
        shutdownTimeout: Duration = .seconds(10),
        batchSize: Int = 3
    ) throws -> OTLPExporterBlueprint {
        var configuration = OTLPExporterConfiguration(endpoint: try #require(server.url(path: "/v1/traces")))
        configuration.batching = BatchingOptions(batchSize: batchSize, flushInterval: .seconds(60), maxQueueSize: 100)
        configuration.buffer.capacity = bufferCapacity
        configuration.shutdownTimeout = shutdownTimeout
        return try OTLPExporterBlueprint(configuration: configuration, context: ExporterBuildContext(name: "otel"))
    }

    @Test func bufferCapacityIsForwardedSoAReplaySizesItsSlices() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let blueprint = try blueprint(server: server, bufferCapacity: 4)
        #expect(try blueprint.makeExporter(name: "otel").bufferCapacity == 4)

        let manager = ExporterManager()
        manager.add(blueprint, name: "otel")
        let events = TestEvents.run(root: "r", turns: 3)
        let report = try await TraceReplayer(manager: manager).replay(events)
        await manager.close()

        #expect(report.isClean, "\(report.problemSummary())")
        let statistics = try #require(report.shutdowns.first?.statistics)
        #expect(statistics.dropped == 0)
        #expect(statistics.received == events.count)
        // Counted in spans, not requests.
        #expect(statistics.exported == events.filter { $0.phase == .start }.count)
    }

    @Test func shutdownTimeoutBoundsTheShutdownWhateverTheRunAllows() async throws {
        let server = LoopbackHTTPServer(defaultReply: .stall)
        _ = try await server.start()
        defer { server.stop() }
        let manager = ExporterManager(shutdownTimeout: .seconds(120))
        manager.add(try blueprint(server: server, shutdownTimeout: .milliseconds(300), batchSize: 100), name: "otel")
        let run = try await manager.start()
        for event in TestEvents.run(root: "r", turns: 2) { run.hub.emit(event) }

        let clock = ContinuousClock()
        let started = clock.now
        let reports = await run.stop()
        let elapsed = started.duration(to: clock.now)
        await manager.close()

        #expect(elapsed < .seconds(5))
        let report = try #require(reports.first)
        #expect(!report.completed)
        // The request of all spans stalled: they are reported, not lost silently.
        #expect(report.abandonedItems == TestEvents.run(root: "r", turns: 2).filter { $0.phase == .start }.count)
    }
}

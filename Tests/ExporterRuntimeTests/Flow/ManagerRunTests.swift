import ExporterRuntime
import ExporterRuntimeTesting
import Synchronization
import Testing

@Suite("ManagerRuns")
struct ManagerRunTests {
    @Test func concurrentRunsAreIsolatedAndLoseNothing() async throws {
        let manager = ExporterManager(shutdownTimeout: .seconds(30))
        manager.add(MemoryBlueprint(), name: "memory")
        let outcomes = try await withThrowingTaskGroup(of: (Int, [AgentEvent], [ShutdownReport]).self) { group in
            for runIndex in 0..<8 {
                group.addTask {
                    let events = TestEvents.marks(count: 10_000, prefix: "run\(runIndex)")
                    let (sink, reports) = try await manager.withRun { run in
                        for event in events { EventHub.current.emit(event) }
                        return run.memorySink("memory")
                    }
                    return (runIndex, try #require(sink).items, reports)
                }
            }
            var outcomes: [(Int, [AgentEvent], [ShutdownReport])] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.count == 8)
        for (runIndex, exported, reports) in outcomes {
            #expect(exported == TestEvents.marks(count: 10_000, prefix: "run\(runIndex)"))
            let report = try #require(reports.first)
            #expect(reports.count == 1)
            #expect(report.completed)
            #expect(report.statistics.received == 10_000)
            #expect(report.statistics.exported == 10_000)
            #expect(report.statistics.dropped == 0)
        }
    }

    @Test func runsGetDistinctProcessorState() async throws {
        let manager = ExporterManager()
        manager.add(
            BlueprintFromClosure { name in
                ProcessingExporter(name: name, pipeline: CountingProcessor(), sink: InMemorySink<AgentEvent>())
            },
            name: "counting"
        )
        let first = try await manager.start()
        let second = try await manager.start()
        for event in TestEvents.marks(count: 5, prefix: "a") { first.hub.emit(event) }
        for event in TestEvents.marks(count: 3, prefix: "b") { second.hub.emit(event) }
        try await first.flush()
        try await second.flush()
        #expect(first.statistics["counting"]?.stages["seen"] == 5)
        #expect(second.statistics["counting"]?.stages["seen"] == 3)
        await first.stop()
        await second.stop()

        // A third run after both stopped starts from zero again: no stage survives its run.
        let (_, reports) = try await manager.withRun { _ in
            for event in TestEvents.marks(count: 2) { EventHub.current.emit(event) }
        }
        #expect(reports.first?.statistics.stages["seen"] == 2)
    }

    @Test func exportersAddedDuringARunStartOnlyOnTheNextRun() async throws {
        let manager = ExporterManager()
        manager.add(MemoryBlueprint(), name: "first")
        let running = try await manager.start()
        manager.add(MemoryBlueprint(), name: "second")
        #expect(running.exporters.map(\.name) == ["first"])
        #expect(running.hub.subscriberNames == ["first"])
        let next = try await manager.start()
        #expect(next.exporters.map(\.name) == ["first", "second"])
        manager.remove(name: "first")
        #expect(manager.names == ["second"])
        #expect(running.exporters.map(\.name) == ["first"])
        await running.stop()
        await next.stop()
        #expect(running.hub.subscriberNames.isEmpty)
    }

    @Test func withRunBindsTheHubOnlyInsideTheBody() async throws {
        let manager = ExporterManager()
        manager.add(MemoryBlueprint(), name: "memory")
        let outside = TestEvents.marks(count: 3, prefix: "outside")
        let inside = TestEvents.marks(count: 4, prefix: "inside")
        let ((hub, sink), reports) = try await manager.withRun { run in
            #expect(EventHub.current === run.hub)
            // Child tasks inherit the binding.
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for event in inside { EventHub.current.emit(event) } }
            }
            return (run.hub, run.memorySink("memory"))
        }
        #expect(EventHub.current !== hub)
        for event in outside { EventHub.current.emit(event) }
        #expect(try #require(sink).items == inside)
        #expect(reports.map(\.exporter) == ["memory"])
    }

    @Test func withRunStopsWhenTheBodyThrows() async throws {
        struct BodyFailure: Error {}
        let manager = ExporterManager()
        manager.add(MemoryBlueprint(), name: "memory")
        let seen = Mutex<(EventHub, InMemorySink<AgentEvent>?)?>(nil)
        await #expect(throws: BodyFailure.self) {
            _ = try await manager.withRun { run in
                seen.withLock { $0 = (run.hub, run.memorySink("memory")) }
                for event in TestEvents.marks(count: 10) { EventHub.current.emit(event) }
                throw BodyFailure()
            }
        }
        let (hub, sink) = try #require(seen.withLock { $0 })
        #expect(hub.subscriberNames.isEmpty)
        #expect(sink?.count == 10)
    }

    @Test func unknownBlueprintErrorListsTheNames() throws {
        let manager = ExporterManager()
        manager.add(MemoryBlueprint(), name: "otel")
        manager.add(MemoryBlueprint(), name: "phoenix")
        #expect(throws: ExporterManagerError.unknownExporter(name: "phenix", available: ["otel", "phoenix"])) {
            try manager.blueprint(named: "phenix")
        }
        let message = "\(ExporterManagerError.unknownExporter(name: "phenix", available: ["otel", "phoenix"]))"
        #expect(message == "no exporter named 'phenix' (registered: otel, phoenix); did you mean 'phoenix'?")
    }

    @Test func closeClosesEveryBlueprintOnce() async {
        let manager = ExporterManager()
        let blueprints = [MemoryBlueprint(), MemoryBlueprint()]
        for (index, blueprint) in blueprints.enumerated() { manager.add(blueprint, name: "b\(index)") }
        await manager.close()
        await manager.close()
        #expect(blueprints.map(\.closeCount) == [1, 1])
        #expect(manager.names.isEmpty)
    }

    @Test func failingBlueprintFailsStart() async {
        struct Broken: Error {}
        let manager = ExporterManager()
        manager.add(BlueprintFromClosure { _ in throw Broken() }, name: "broken")
        await #expect(throws: Broken.self) { _ = try await manager.start() }
    }

    @Test func runFlushReachesEveryExporter() async throws {
        let manager = ExporterManager()
        manager.add(MemoryBlueprint(), name: "a")
        manager.add(MemoryBlueprint(), name: "b")
        let run = try await manager.start()
        for event in TestEvents.marks(count: 100) { run.hub.emit(event) }
        try await run.flush()
        #expect(run.memorySink("a")?.count == 100)
        #expect(run.memorySink("b")?.count == 100)
        #expect(run.statistics.mapValues(\.exported) == ["a": 100, "b": 100])
        let reports = await run.stop()
        #expect(await run.reports == reports)
    }
}

/// The service path registers on the process-wide hub, so its tests must not overlap.
@Suite("ManagerService", .serialized)
struct ManagerServiceTests {
    @Test func serviceStopsGracefullyAndExportsEverything() async throws {
        let manager = ExporterManager(shutdownTimeout: .seconds(30))
        let blueprint = MemoryBlueprint()
        manager.add(blueprint, name: "service-graceful")
        let (signal, trigger) = AsyncStream<Void>.makeStream()
        let service = Task { try await manager.serve { for await _ in signal {} } }
        #expect(await eventually { EventHub.global.subscriberNames.contains("service-graceful") })
        let events = TestEvents.run(root: "svc", turns: 2)
        for event in events { EventHub.global.emit(event) }
        trigger.finish()
        try await service.value
        #expect(!EventHub.global.subscriberNames.contains("service-graceful"))
        #expect(blueprint.sinks.first?.items == events)
    }

    @Test func serviceRunEndsOnCancellation() async throws {
        let manager = ExporterManager()
        let blueprint = MemoryBlueprint()
        manager.add(blueprint, name: "service-cancel")
        let service = Task { try await manager.run() }
        #expect(await eventually { EventHub.global.subscriberNames.contains("service-cancel") })
        for event in TestEvents.marks(count: 20) { EventHub.global.emit(event) }
        let sink = try #require(blueprint.sinks.first)
        #expect(await sink.waitForCount(20))
        service.cancel()
        try await service.value
        #expect(!EventHub.global.subscriberNames.contains("service-cancel"))
        #expect(sink.count == 20)
    }

    @Test func nameTakenOnTheGlobalHubFailsStartAndKeepsTheOwner() async throws {
        let owner = CollectingSubscriber()
        try EventHub.global.register("service-taken", owner)
        defer { EventHub.global.deregister("service-taken") }
        let manager = ExporterManager()
        manager.add(MemoryBlueprint(), name: "service-other")
        manager.add(MemoryBlueprint(), name: "service-taken")
        await #expect(throws: EventHubError.duplicateName("service-taken")) {
            try await manager.serve {}
        }
        #expect(EventHub.global.subscriberNames.contains("service-taken"))
        #expect(!EventHub.global.subscriberNames.contains("service-other"))
        EventHub.global.emit(TestEvents.marks(count: 1)[0])
        #expect(owner.count == 1)
    }
}

import ExporterRuntime
import ExporterRuntimeTesting
import Synchronization
import Testing

@Suite("ManagerRuns")
struct ManagerRunTests {
    /// The Done-when test: 8 concurrent runs, each 10 000 instrumented events from nested scopes in child tasks
    /// (so the parent travels task-locally through real concurrency), into buffers that hold a whole run.
    @Test func concurrentRunsAreIsolatedAndLoseNothing() async throws {
        let manager = ExporterManager(shutdownTimeout: .seconds(60))
        manager.add(MemoryBlueprint(), name: "memory")
        let outcomes = try await withThrowingTaskGroup(of: RunOutcome.self) { group in
            for runIndex in 0..<8 {
                group.addTask {
                    let ((agentUUID, sink), reports) = try await manager.withRun { run in
                        (await InstrumentedWorkload.run(label: "run\(runIndex)"), run.memorySink("memory"))
                    }
                    return RunOutcome(agentUUID: agentUUID, exported: try #require(sink).items, reports: reports)
                }
            }
            var outcomes: [RunOutcome] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.count == 8)
        #expect(Set(outcomes.map(\.agentUUID)).count == 8)
        var seenUUIDs: Set<String> = []
        for outcome in outcomes {
            let report = try #require(outcome.reports.first)
            #expect(outcome.reports.count == 1 && report.completed)
            #expect(report.statistics.received == InstrumentedWorkload.eventsPerRun)
            #expect(report.statistics.exported == InstrumentedWorkload.eventsPerRun)
            #expect(report.statistics.dropped == 0 && report.statistics.failed == 0)
            // Nothing lost, nothing doubled: every event of the run arrived once, in a coherent order.
            #expect(outcome.exported.count == InstrumentedWorkload.eventsPerRun)
            #expect(InstrumentedWorkload.census(outcome.exported) == InstrumentedWorkload.expectedCensus)
            try InstrumentedWorkload.checkLineage(outcome.exported, agentUUID: outcome.agentUUID, complete: true)
            // No event of one run in another.
            let uuids = Set(outcome.exported.map(\.uuid))
            #expect(seenUUIDs.isDisjoint(with: uuids))
            seenUUIDs.formUnion(uuids)
        }
    }

    /// The same runs into buffers of 64 whose transport is held shut until all events were emitted, so the
    /// buffers overflow for certain: every event handed over is exported or counted as dropped, exactly.
    @Test(arguments: OverflowPolicy.allCases)
    func overflowingRunsCountEveryDrop(policy: OverflowPolicy) async throws {
        let manager = ExporterManager(shutdownTimeout: .seconds(60))
        manager.add(
            BlueprintFromClosure { name in
                RawExporter(name: name, sink: GatedSink(), capacity: 64, overflowPolicy: policy)
            },
            name: "small"
        )
        let outcomes = try await withThrowingTaskGroup(of: RunOutcome.self) { group in
            for runIndex in 0..<8 {
                group.addTask {
                    let ((agentUUID, sink), reports) = try await manager.withRun { run in
                        let sink = try #require((run.exporter(named: "small") as? RawExporter<GatedSink>)?.sink)
                        let agentUUID = await InstrumentedWorkload.run(label: "small\(runIndex)")
                        sink.open()
                        return (agentUUID, sink)
                    }
                    return RunOutcome(agentUUID: agentUUID, exported: sink.items, reports: reports)
                }
            }
            var outcomes: [RunOutcome] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.count == 8)
        for outcome in outcomes {
            let report = try #require(outcome.reports.first)
            let statistics = report.statistics
            #expect(report.completed && report.abandoned == 0)
            #expect(statistics.received == InstrumentedWorkload.eventsPerRun)
            #expect(statistics.received == statistics.exported + statistics.dropped)
            #expect(statistics.exported == outcome.exported.count)
            #expect(statistics.failed == 0)
            // At most the buffer and one chunk the consumer took before the gate opened got through.
            #expect(statistics.exported <= 64 + 64)
            #expect(statistics.dropped >= InstrumentedWorkload.eventsPerRun - 128)
            #expect(Set(outcome.exported.map(\.self)).count == outcome.exported.count)
            try InstrumentedWorkload.checkLineage(outcome.exported, agentUUID: outcome.agentUUID, complete: false)
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

/// What one run of the Done-when tests left behind.
private struct RunOutcome: Sendable {
    var agentUUID: String
    var exported: [AgentEvent]
    var reports: [ShutdownReport]
}

/// An instrumented agent run of exactly ``eventsPerRun`` events, and the checks on what an exporter got of it.
private enum InstrumentedWorkload {
    static let workers = 84
    static let turns = 13
    static let tokens = 4
    /// The agent scope and its two marks, then per worker its function scope and per turn an LLM call with its
    /// chunks, a tool call and a mark: 2 + 2 + 84 × (2 + 13 × (2 + 4 + 2 + 1)) = 10 000.
    static let eventsPerRun = 4 + workers * (2 + turns * (2 + tokens + 2 + 1))

    /// Runs the agent in the current task's hub; workers are child tasks and every tool call runs in a child task
    /// of its worker. Returns the agent scope's uuid.
    static func run(label: String) async -> String {
        await Instrument.agent("agent-\(label)") { agent in
            Instrument.mark("begin")
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        await Instrument.scope("worker-\(worker)") { _ in
                            for turn in 0..<turns {
                                await Instrument.llm(model: "model-\(label)", input: .string("turn \(turn)")) { call in
                                    for token in 0..<tokens { call.chunk("t\(token)") }
                                    call.finish(output: "answer", usage: TokenUsage(prompt: 3, completion: 4))
                                }
                                async let tool: Void = Instrument.tool("tool", arguments: ["turn": .int(Int64(turn))]) {
                                    _ in await Task.yield()
                                }
                                await tool
                                Instrument.mark("turn-\(turn)")
                            }
                        }
                    }
                }
            }
            Instrument.mark("end")
            return agent.uuid
        }
    }

    /// Events per category and phase: the shape of a whole run.
    static func census(_ events: [AgentEvent]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for event in events { counts["\(event.category.name).\(event.phase)", default: 0] += 1 }
        return counts
    }

    static let expectedCensus: [String: Int] = [
        "agent.start": 1, "agent.end": 1,
        "custom.mark": 2 + workers * turns,
        "function.start": workers, "function.end": workers,
        "llm.start": workers * turns, "llm.chunk": workers * turns * tokens, "llm.end": workers * turns,
        "tool.start": workers * turns, "tool.end": workers * turns,
    ]

    /// Every event belongs to this run's agent (no foreign root), every parent is a scope of the run whose START
    /// came earlier (no dangling parent), and each scope's events come in order (START, CHUNKs, END). With
    /// `complete`, every START has its END and the agent is the only event without a parent; without it (a run
    /// that lost events to overflow) a parent may be missing, but never one of another run.
    static func checkLineage(_ events: [AgentEvent], agentUUID: String, complete: Bool) throws {
        var started: Set<String> = []
        var ended: Set<String> = []
        for event in events {
            #expect(event.rootUUID == agentUUID, "foreign root in \(event.name)")
            if let parent = event.parentUUID {
                if complete { #expect(started.contains(parent), "dangling parent of \(event.name)") }
                #expect(!ended.contains(parent), "\(event.name) after its parent ended")
            } else {
                #expect(event.uuid == agentUUID, "\(event.name) has no parent")
            }
            switch event.phase {
            case .start:
                #expect(started.insert(event.uuid).inserted, "second START of \(event.name)")
            case .chunk:
                if complete { #expect(started.contains(event.uuid) && !ended.contains(event.uuid)) }
                #expect(!ended.contains(event.uuid), "chunk of \(event.name) after its END")
            case .end:
                if complete { #expect(started.contains(event.uuid), "END of \(event.name) without START") }
                #expect(ended.insert(event.uuid).inserted, "second END of \(event.name)")
            case .mark:
                #expect(!started.contains(event.uuid))
            }
        }
        if complete { #expect(started == ended) }
    }
}

/// A sink that holds every export until ``open()`` (a transport that is down), then records items in order.
private final class GatedSink: ExportSink {
    private struct State {
        var isOpen = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var items: [AgentEvent] = []
    }

    private let state = Mutex(State())

    func export(_ item: AgentEvent) async throws {
        await withCheckedContinuation { continuation in
            let proceed = state.withLock { state in
                if state.isOpen { return true }
                state.waiting.append(continuation)
                return false
            }
            if proceed { continuation.resume() }
        }
        state.withLock { $0.items.append(item) }
    }

    func flush() async throws {}

    func close() async {}

    /// Lets every held and later export through.
    func open() {
        let waiting = state.withLock { state in
            state.isOpen = true
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    var items: [AgentEvent] { state.withLock { $0.items } }
}

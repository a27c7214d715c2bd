import ExporterRuntime
import ExporterRuntimeTesting
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@Suite("ManagerLifecycle")
struct ManagerLifecycleTests {
    @Test func eventsEmittedAfterTheRunStoppedAreCounted() async throws {
        let manager = ExporterManager(shutdownTimeout: .seconds(10))
        manager.add(MemoryBlueprint(), name: "memory")
        let (gate, openGate) = AsyncStream<Void>.makeStream()
        let ((run, late), reports) = try await manager.withRun { run in
            // Left running by the body: it inherits the run's hub and emits after the run stopped.
            let late = Task {
                for await _ in gate {}
                await Instrument.scope("late") { _ in }
            }
            return (run, late)
        }
        #expect(run.eventsAfterStop == 0)
        openGate.finish()
        await late.value

        #expect(run.eventsAfterStop == 2)
        #expect(reports.first?.statistics.received == 0)
    }

    @Test func cancellingTheStopStillDrainsEveryExporter() async throws {
        let manager = ExporterManager(shutdownTimeout: .seconds(60))
        manager.add(BlueprintFromClosure { name in memoryExporter(name: name, delay: .milliseconds(2)) }, name: "slow")
        let run = try await manager.start()
        let events = TestEvents.marks(count: 100)
        for event in events { run.hub.emit(event) }
        let stop = Task { await run.stop() }
        stop.cancel()
        let reports = await stop.value

        #expect(reports.map(\.completed) == [true])
        #expect(run.memorySink("slow")?.items == events)
    }

    @Test func startRunsTheExportersStartsConcurrently() async throws {
        let rendezvous = Rendezvous(expected: 2)
        let manager = ExporterManager()
        for name in ["a", "b"] {
            manager.add(
                BlueprintFromClosure { name in
                    RendezvousExporter(base: memoryExporter(name: name), rendezvous: rendezvous)
                },
                name: name
            )
        }
        // Each start waits until both have begun: started one after the other, the first would time out.
        let run = try await manager.start()
        #expect(rendezvous.arrivedInTime == [true, true])
        await run.stop()
    }

    @Test func blueprintNamedReturnsTheRegisteredOne() throws {
        let manager = ExporterManager()
        let first = MemoryBlueprint()
        let second = MemoryBlueprint()
        manager.add(first, name: "first")
        manager.add(second, name: "second")
        #expect(try manager.blueprint(named: "second") as? MemoryBlueprint === second)
        #expect(try manager.blueprint(named: "first") as? MemoryBlueprint === first)
    }
}

/// The service path registers on the process-wide hub, so this must not overlap the other service tests.
extension ManagerServiceTests {
    @Test func gracefulShutdownOfAServiceGroupDrainsEverythingBuffered() async throws {
        let manager = ExporterManager(shutdownTimeout: .seconds(60))
        let sinks = Mutex<[InMemorySink<AgentEvent>]>([])
        manager.add(
            BlueprintFromClosure { name in
                let exporter = memoryExporter(name: name, delay: .milliseconds(2))
                sinks.withLock { $0.append(exporter.sink) }
                return exporter
            },
            name: "service-group"
        )
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [manager], logger: Logger(label: "test.service-group"))
        )
        let running = Task { try await group.run() }
        #expect(await eventually { EventHub.global.subscriberNames.contains("service-group") })
        let events = TestEvents.marks(count: 100, prefix: "svc")
        for event in events { EventHub.global.emit(event) }
        // Right away: most events are still buffered behind the slow sink.
        await group.triggerGracefulShutdown()
        try await running.value

        #expect(!EventHub.global.subscriberNames.contains("service-group"))
        #expect(sinks.withLock { $0 }.first?.items == events)
    }
}

/// Lets each of `expected` parties know whether all of them arrived within a generous time.
final class Rendezvous: Sendable {
    private let expected: Int
    private let state = Mutex<(arrived: Int, results: [Bool])>((0, []))

    init(expected: Int) {
        self.expected = expected
    }

    func arrive() async {
        state.withLock { $0.arrived += 1 }
        let allArrived = await eventually(timeout: .seconds(5)) { state.withLock { $0.arrived >= expected } }
        state.withLock { $0.results.append(allArrived) }
    }

    var arrivedInTime: [Bool] { state.withLock { $0.results } }
}

/// An exporter whose start waits at a ``Rendezvous``; everything else is its base's.
final class RendezvousExporter: Exporter {
    let base: MemoryExporter
    let rendezvous: Rendezvous

    init(base: MemoryExporter, rendezvous: Rendezvous) {
        self.base = base
        self.rendezvous = rendezvous
    }

    var name: String { base.name }
    func receive(_ event: AgentEvent) { base.receive(event) }
    func start() async throws {
        await rendezvous.arrive()
        try await base.start()
    }
    func flush() async throws { try await base.flush() }
    func shutdown(timeout: Duration) async -> ShutdownReport { await base.shutdown(timeout: timeout) }
    var statistics: ExporterStatistics { base.statistics }
    var bufferCapacity: Int? { base.bufferCapacity }
}

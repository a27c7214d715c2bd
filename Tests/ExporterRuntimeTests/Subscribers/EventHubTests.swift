import ExporterRuntime
import ExporterRuntimeTesting
import Synchronization
import Testing

@Suite("EventHub")
struct EventHubTests {
    @Test func deregisterReturnsTheSubscriberOnceThenNil() throws {
        let hub = EventHub()
        let first = CollectingSubscriber()
        let second = CollectingSubscriber()
        try hub.register("first", first)
        try hub.register("second", second)
        #expect(hub.subscriberNames == ["first", "second"])

        let removed = hub.deregister("first")
        #expect((removed as? CollectingSubscriber) === first)
        #expect(hub.subscriberNames == ["second"])
        #expect(hub.deregister("first") == nil)
        #expect(hub.deregister("never-registered") == nil)
        #expect(hub.subscriberNames == ["second"])
    }

    @Test func nothingIsDeliveredAfterDeregistering() throws {
        let hub = EventHub()
        let leaving = CollectingSubscriber()
        let staying = CollectingSubscriber()
        try hub.register("leaving", leaving)
        try hub.register("staying", staying)
        let events = TestEvents.marks(count: 6)
        for event in events[..<3] { hub.emit(event) }
        hub.deregister("leaving")
        for event in events[3...] { hub.emit(event) }
        #expect(leaving.events == Array(events[..<3]))
        #expect(staying.events == events)
    }

    @Test func aDuplicateNameIsRefusedAndTheFirstOwnerKeepsIt() throws {
        let hub = EventHub()
        let owner = CollectingSubscriber()
        let intruder = CollectingSubscriber()
        try hub.register("exporter", owner)
        #expect(throws: EventHubError.duplicateName("exporter")) { try hub.register("exporter", intruder) }
        #expect(
            "\(EventHubError.duplicateName("exporter"))" == "a subscriber named 'exporter' is already registered"
        )
        #expect(hub.subscriberNames == ["exporter"])
        hub.emit(TestEvents.marks(count: 1)[0])
        #expect(owner.count == 1 && intruder.count == 0)

        // The name is free again once its owner is deregistered; the newcomer gets only later events.
        #expect((hub.deregister("exporter") as? CollectingSubscriber) === owner)
        try hub.register("exporter", intruder)
        hub.emit(TestEvents.marks(count: 2)[1])
        #expect(owner.count == 1 && intruder.count == 1)
    }

    @Test func eventsArriveInRegistrationOrderAndHubsStaySeparate() throws {
        let hub = EventHub()
        let other = EventHub()
        let order = OrderRecorder()
        try hub.register("b", order.subscriber("b"))
        try hub.register("a", order.subscriber("a"))
        try hub.register("c", order.subscriber("c"))
        // The same name on another hub is another subscriber.
        let elsewhere = CollectingSubscriber()
        try other.register("a", elsewhere)
        hub.emit(TestEvents.marks(count: 1)[0])
        #expect(order.names == ["b", "a", "c"])
        #expect(elsewhere.count == 0)
    }

    @Test func anExporterDeregisteredFromItsHubReceivesNoMore() async throws {
        let hub = EventHub()
        let sink = InMemorySink<AgentEvent>()
        let exporter = RawExporter(name: "raw", sink: sink, capacity: 100)
        try hub.register(exporter.name, exporter)
        try await exporter.start()
        let events = TestEvents.marks(count: 10)
        for event in events[..<4] { hub.emit(event) }
        let removed = hub.deregister("raw")
        #expect((removed as? RawExporter<InMemorySink<AgentEvent>>) === exporter)
        for event in events[4...] { hub.emit(event) }
        let report = await exporter.shutdown(timeout: .seconds(10))
        #expect(report.statistics.received == 4)
        #expect(sink.items == Array(events[..<4]))
    }
}

/// Records which named subscriber received an event, in the order they were called.
private final class OrderRecorder: Sendable {
    private let calls = Mutex<[String]>([])

    var names: [String] { calls.withLock { $0 } }

    func subscriber(_ name: String) -> some EventSubscriber {
        Named(name: name, recorder: self)
    }

    private struct Named: EventSubscriber {
        let name: String
        let recorder: OrderRecorder

        func receive(_ event: AgentEvent) {
            recorder.calls.withLock { $0.append(name) }
        }
    }
}

import ExporterRuntime
import Synchronization

/// A subscriber that keeps every event it receives, for the instrumentation tests.
final class InstrumentEventCollector: EventSubscriber {
    private let collected = Mutex<[AgentEvent]>([])

    func receive(_ event: AgentEvent) {
        collected.withLock { $0.append(event) }
    }

    var events: [AgentEvent] {
        collected.withLock { $0 }
    }

    /// A hub with a fresh collector registered, to bind around the code under test.
    static func hub() throws -> (EventHub, InstrumentEventCollector) {
        let hub = EventHub()
        let collector = InstrumentEventCollector()
        try hub.register("collector", collector)
        return (hub, collector)
    }
}

/// An error whose type name the tests assert.
struct InstrumentTestFailure: Error, CustomStringConvertible {
    var description: String { "the tool broke" }
}

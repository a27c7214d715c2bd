import ExporterEvents
import Synchronization

/// A subscriber that records every event it receives, for tests of what reaches a hub.
public final class CollectingSubscriber: EventSubscriber {
    private let received = Mutex<[AgentEvent]>([])

    /// Creates an empty subscriber.
    public init() {}

    public func receive(_ event: AgentEvent) {
        received.withLock { $0.append(event) }
    }

    /// The events received so far, in arrival order.
    public var events: [AgentEvent] { received.withLock { $0 } }

    /// How many events were received so far.
    public var count: Int { received.withLock { $0.count } }
}

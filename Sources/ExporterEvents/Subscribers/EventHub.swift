import Synchronization

/// Where events are emitted: it fans each event out to its named subscribers, synchronously and without
/// suspending.
///
/// Instrumentation emits into ``EventHub/current``: the hub bound to the current task (each run of the
/// ``ExporterManager`` binds its own, so concurrent runs never mix), or ``EventHub/global`` outside any run.
public final class EventHub: Sendable {
    /// The process-wide hub, for subscribers registered by hand (as NeMo Flow's `register_subscriber`).
    public static let global = EventHub()

    /// The hub that instrumentation in the current task emits into.
    public static var current: EventHub { boundHub ?? global }

    @TaskLocal static var boundHub: EventHub?

    // Replaced wholesale on (de)registration, so emitting only copies a reference under the lock.
    private let subscribers = Mutex<Subscribers>(Subscribers())
    private let undelivered = Atomic<Int>(0)

    private struct Subscribers: Sendable {
        var names: [String] = []
        var list: [any EventSubscriber] = []
    }

    /// Creates an empty hub.
    public init() {}

    /// Runs `body` with this hub as ``current`` for the task and every child task it creates.
    public func bind<Result>(
        _ body: () async throws -> Result,
        isolation: isolated (any Actor)? = #isolation
    ) async rethrows -> Result {
        try await Self.$boundHub.withValue(self, operation: body, isolation: isolation)
    }

    /// Adds a subscriber under a unique name.
    ///
    /// - Throws: ``EventHubError/duplicateName(_:)`` when the name is taken.
    public func register(_ name: String, _ subscriber: any EventSubscriber) throws(EventHubError) {
        try subscribers.withLock { (state: inout Subscribers) throws(EventHubError) in
            guard !state.names.contains(name) else { throw .duplicateName(name) }
            state.names.append(name)
            state.list.append(subscriber)
        }
    }

    /// Removes the subscriber registered under `name` and returns it, or nil if there is none.
    @discardableResult
    public func deregister(_ name: String) -> (any EventSubscriber)? {
        subscribers.withLock { state in
            guard let index = state.names.firstIndex(of: name) else { return nil }
            state.names.remove(at: index)
            return state.list.remove(at: index)
        }
    }

    /// The names of the registered subscribers, in registration order; `package`, as only tests look.
    package var subscriberNames: [String] {
        subscribers.withLock { $0.names }
    }

    /// Hands `event` to every subscriber, in registration order. Never blocks on a subscriber's work: each one
    /// only enqueues. An event emitted while no subscriber is registered is counted in ``undeliveredCount``.
    public func emit(_ event: AgentEvent) {
        let list = subscribers.withLock { $0.list }
        if list.isEmpty {
            undelivered.add(1, ordering: .relaxed)
            return
        }
        for subscriber in list {
            subscriber.receive(event)
        }
    }

    /// Events emitted while no subscriber was registered, which therefore reached nobody (for example events a
    /// task left running emits after its run stopped; ``ExporterRun/eventsAfterStop`` reports them per run).
    public var undeliveredCount: Int {
        undelivered.load(ordering: .relaxed)
    }
}

/// Why a subscriber could not be registered.
public enum EventHubError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A subscriber with this name is already registered.
    case duplicateName(String)

    public var description: String {
        switch self {
        case .duplicateName(let name): "a subscriber named '\(name)' is already registered"
        }
    }
}

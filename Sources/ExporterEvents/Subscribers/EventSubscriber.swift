/// Receives every event emitted into the hub it is registered with.
///
/// `receive` is called synchronously on the emitting task: it must never block, suspend or do I/O. Exporters
/// hand the event to their own bounded buffer and return.
public protocol EventSubscriber: Sendable {
    /// Takes one event; must return at once.
    func receive(_ event: AgentEvent)
}

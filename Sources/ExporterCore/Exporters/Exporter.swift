import ExporterEvents

/// One running exporter instance: a subscriber with a lifecycle.
///
/// Instances are made per run by an ``ExporterBlueprint`` and never shared between runs.
public protocol Exporter: EventSubscriber {
    /// The name it was configured under (the key in `general.telemetry.tracing`).
    var name: String { get }

    /// Starts the instance's consumer; events received before `start` wait in the buffer.
    func start() async throws

    /// Pushes everything received so far through the pipeline and the transport (partial batches included)
    /// and returns when the transport has taken it.
    func flush() async throws

    /// Stops receiving, drains the buffer, finishes the pipeline (open spans are exported marked unfinished)
    /// and waits for in-flight exports, all within `timeout`; reports what it had to abandon.
    func shutdown(timeout: Duration) async -> ShutdownReport

    /// The instance's counters, readable at any time from any task.
    var statistics: ExporterStatistics { get }

    /// How many events the instance buffers before its overflow policy applies, when it has such a bound.
    ///
    /// No default: a wrapper must forward its base's capacity, or ``TraceReplayer`` cannot size its slices.
    var bufferCapacity: Int? { get }

    /// How the instance is doing (see ``ExporterHealth``); a wrapper forwards its base's.
    func health() -> ExporterHealth
}

extension Exporter {
    /// The health its statistics show, for an exporter whose transport does not retry.
    public func health() -> ExporterHealth {
        ExporterHealth(statistics: statistics, retries: 0)
    }
}

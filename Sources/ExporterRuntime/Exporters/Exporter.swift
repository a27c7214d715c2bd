/// Receives every event emitted into the hub it is registered with.
///
/// `receive` is called synchronously on the emitting task: it must never block, suspend or do I/O. Exporters
/// hand the event to their own bounded buffer and return.
public protocol EventSubscriber: Sendable {
    /// Takes one event; must return at once.
    func receive(_ event: AgentEvent)
}

/// What an exporter does when its buffer is full.
public enum OverflowPolicy: String, Sendable, Hashable, CaseIterable {
    /// Refuse the incoming event (the toolkit's `drop_on_overflow: true`).
    case dropNewest = "drop_newest"
    /// Evict the oldest buffered event to make room.
    case dropOldest = "drop_oldest"
}

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
    var bufferCapacity: Int? { get }
}

extension Exporter {
    public var bufferCapacity: Int? { nil }
}

/// Counters of one exporter instance.
///
/// Events and items are counted apart: `received`, `processed`, `dropped` (and a shutdown's `abandoned`) count
/// events; `exported` and `failed` count what the pipeline hands to the sink (events, spans or batches).
/// Identity: `received == processed + dropped + (buffered or in flight)`; after a shutdown,
/// `received == processed + dropped + abandoned`. With a one-item-per-event pipeline,
/// `processed == exported + failed`.
///
/// Anomaly convention: a processor reports an anomaly as a statistics key with a dotted component `anomaly`
/// before the anomaly's name (`anomaly.end_without_start`, or `spans.anomaly.end_without_start` under a named
/// stage); such counters appear in ``anomalies`` under the part after `anomaly.` (summed across stages), all
/// other counters in ``stages``.
public struct ExporterStatistics: Sendable, Hashable, CustomStringConvertible {
    /// Events handed to the exporter.
    public var received: Int = 0
    /// Events that went through the pipeline (whether or not their export then succeeded).
    public var processed: Int = 0
    /// Items the transport accepted (events, spans or batches, as the exporter's sink counts them).
    public var exported: Int = 0
    /// Events refused or evicted because the buffer was full, or dropped by a stage that bounds its queue.
    public var dropped: Int = 0
    /// Items whose export failed for good (after retries), plus pipeline errors (each loses what it held).
    public var failed: Int = 0
    /// Anomalies in the event stream, such as `end_without_start` and `unknown_parent`; never silently ignored.
    public var anomalies: [String: Int] = [:]
    /// Stage statistics under `stage.counter` (for example `batch.batches_created`).
    public var stages: [String: Double] = [:]

    /// Creates statistics.
    public init(
        received: Int = 0,
        processed: Int = 0,
        exported: Int = 0,
        dropped: Int = 0,
        failed: Int = 0,
        anomalies: [String: Int] = [:],
        stages: [String: Double] = [:]
    ) {
        self.received = received
        self.processed = processed
        self.exported = exported
        self.dropped = dropped
        self.failed = failed
        self.anomalies = anomalies
        self.stages = stages
    }

    /// `received=… processed=… exported=… dropped=… failed=…` plus anomalies and stage counters, keys sorted.
    public var description: String {
        var parts = [
            "received=\(received)", "processed=\(processed)", "exported=\(exported)", "dropped=\(dropped)",
            "failed=\(failed)",
        ]
        parts += anomalies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        parts += stages.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.format($0.value))" }
        return parts.joined(separator: " ")
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// What a shutdown achieved.
public struct ShutdownReport: Sendable, Hashable {
    /// The exporter's name.
    public var exporter: String
    /// True when everything buffered was exported before the timeout.
    public var completed: Bool
    /// Events still buffered or in flight when the timeout ended the shutdown.
    public var abandoned: Int
    /// The statistics at the end.
    public var statistics: ExporterStatistics

    /// Creates a report.
    public init(exporter: String, completed: Bool, abandoned: Int, statistics: ExporterStatistics) {
        self.exporter = exporter
        self.completed = completed
        self.abandoned = abandoned
        self.statistics = statistics
    }
}

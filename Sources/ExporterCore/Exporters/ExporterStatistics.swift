/// Counters of one exporter instance.
///
/// Events and items are counted apart. `received`, `processed` and ``droppedByBuffer`` (and a shutdown's
/// `abandoned`) count events; `exported`, `failed` and ``droppedInPipeline`` count items, where a batch counts as
/// its elements and an ``ExportItemCounting`` item (an encoded OTLP request) as the items it carries, so that
/// 9 spans sent in one request read `exported=9`.
///
/// Identities: `received == processed + droppedByBuffer + (buffered or in flight)`; after a shutdown,
/// `received == processed + droppedByBuffer + abandoned`, and every item the pipeline made is `exported`,
/// `failed`, ``unconfirmed``, in ``droppedInPipeline`` or in the report's `abandonedItems`. With a
/// one-item-per-event pipeline and no stage that drops, `processed == exported + failed + unconfirmed`.
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
    /// Items the transport delivered: written (handed to the system by `write(2)`) or answered, not merely
    /// buffered (see ``ExportReceipt``); a batch counts as its elements (see ``ExportItemCounting``).
    public var exported: Int = 0
    /// Everything lost to a bound: events the buffer refused or evicted (``droppedByBuffer``) plus items a stage
    /// that bounds its queue dropped (``droppedInPipeline``, a batcher's `max_queue_size`).
    public var dropped: Int = 0
    /// The part of ``dropped`` that pipeline stages dropped, in items.
    public var droppedInPipeline: Int = 0
    /// Items whose export failed for good (refused after the sink's retries, or lost by a failed write after the
    /// sink accepted them, and after a retaining stage such as the batcher gave up on them), plus pipeline errors
    /// (each counted once). A failed sink flush counts only the items it lost.
    public var failed: Int = 0
    /// Items whose export was given up after a last attempt that was sent and never answered (a timeout): neither
    /// known delivered nor known lost, so counted apart from ``exported`` and ``failed``.
    public var unconfirmed: Int = 0
    /// Anomalies in the event stream, such as `end_without_start` and `unknown_parent`; never silently ignored.
    public var anomalies: [String: Int] = [:]
    /// Stage statistics under `stage.counter` (for example `batch.batches_created`).
    public var stages: [String: Double] = [:]

    /// The part of ``dropped`` that the buffer refused or evicted, in events.
    public var droppedByBuffer: Int { dropped - droppedInPipeline }

    /// Creates statistics.
    public init(
        received: Int = 0,
        processed: Int = 0,
        exported: Int = 0,
        dropped: Int = 0,
        droppedInPipeline: Int = 0,
        failed: Int = 0,
        unconfirmed: Int = 0,
        anomalies: [String: Int] = [:],
        stages: [String: Double] = [:]
    ) {
        self.received = received
        self.processed = processed
        self.exported = exported
        self.dropped = dropped
        self.droppedInPipeline = droppedInPipeline
        self.failed = failed
        self.unconfirmed = unconfirmed
        self.anomalies = anomalies
        self.stages = stages
    }

    /// `received=… processed=… exported=… dropped=… failed=…` plus anomalies and stage counters, keys sorted.
    public var description: String {
        var parts = [
            "received=\(received)", "processed=\(processed)", "exported=\(exported)", "dropped=\(dropped)",
            "failed=\(failed)",
        ]
        if unconfirmed > 0 { parts.append("unconfirmed=\(unconfirmed)") }
        if droppedInPipeline > 0 { parts.append("dropped_in_pipeline=\(droppedInPipeline)") }
        parts += anomalies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        parts += stages.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.format($0.value))" }
        return parts.joined(separator: " ")
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

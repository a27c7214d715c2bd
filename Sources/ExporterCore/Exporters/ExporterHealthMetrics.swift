import CoreMetrics
import Synchronization

/// An exporter's statistics published through swift-metrics, so an application bootstrapped with a metrics
/// backend (swift-prometheus, swift-otel) sees its telemetry pipeline's health: counters
/// `exporter_events_received_total`, `exporter_items_exported_total`, `exporter_dropped_total`,
/// `exporter_items_failed_total`, `exporter_items_unconfirmed_total`, `exporter_retries_total`, the gauge
/// `exporter_queue_depth` and the timer `exporter_export_duration`, each with the dimensions `exporter` (the
/// configured name) and `type`.
///
/// Made only when a metrics factory is bootstrapped (globally, or task-locally where the exporter is made):
/// without one ``make(exporter:type:)`` gives nil and the exporter does no metrics work at all. Nothing is
/// published from the emitting task: the consumer publishes the counters' growth after each chunk it drained.
package final class ExporterHealthMetrics: Sendable {
    private let received: Counter
    private let exported: Counter
    private let dropped: Counter
    private let failed: Counter
    private let unconfirmed: Counter
    private let retries: Counter
    private let queueDepth: Gauge
    private let exportDuration: Timer
    /// What has been published so far, to publish the growth since.
    private let published = Mutex(Published())

    private struct Published {
        var statistics = ExporterStatistics()
        var retries = 0
    }

    /// The metrics of exporter `exporter` of kind `type`, from the current factory; nil when none is bootstrapped.
    package static func make(exporter: String, type: String) -> ExporterHealthMetrics? {
        let factory = MetricsSystem.factory
        if factory is NOOPMetricsHandler { return nil }
        return ExporterHealthMetrics(dimensions: [("exporter", exporter), ("type", type)], factory: factory)
    }

    private init(dimensions: [(String, String)], factory: any MetricsFactory) {
        received = Counter(label: "exporter_events_received_total", dimensions: dimensions, factory: factory)
        exported = Counter(label: "exporter_items_exported_total", dimensions: dimensions, factory: factory)
        dropped = Counter(label: "exporter_dropped_total", dimensions: dimensions, factory: factory)
        failed = Counter(label: "exporter_items_failed_total", dimensions: dimensions, factory: factory)
        unconfirmed = Counter(label: "exporter_items_unconfirmed_total", dimensions: dimensions, factory: factory)
        retries = Counter(label: "exporter_retries_total", dimensions: dimensions, factory: factory)
        queueDepth = Gauge(label: "exporter_queue_depth", dimensions: dimensions, factory: factory)
        exportDuration = Timer(label: "exporter_export_duration", dimensions: dimensions, factory: factory)
    }

    /// Publishes how far the counters grew since the last call, and the queue depth now.
    package func publish(_ statistics: ExporterStatistics, retries retryCount: Int, queueDepth depth: Int) {
        let (previous, previousRetries) = published.withLock { published in
            defer { published = Published(statistics: statistics, retries: retryCount) }
            return (published.statistics, published.retries)
        }
        Self.increment(received, by: statistics.received - previous.received)
        Self.increment(exported, by: statistics.exported - previous.exported)
        Self.increment(dropped, by: statistics.dropped - previous.dropped)
        Self.increment(failed, by: statistics.failed - previous.failed)
        Self.increment(unconfirmed, by: statistics.unconfirmed - previous.unconfirmed)
        Self.increment(retries, by: retryCount - previousRetries)
        queueDepth.record(depth)
    }

    /// Records how long one hand-over to the sink took (an HTTP sink's includes its retries).
    package func recordExport(_ duration: Duration) {
        exportDuration.recordNanoseconds(duration.nanoseconds)
    }

    private static func increment(_ counter: Counter, by amount: Int) {
        if amount > 0 { counter.increment(by: amount) }
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating.
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled &+ attoseconds / 1_000_000_000
    }
}

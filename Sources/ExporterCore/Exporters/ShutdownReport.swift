/// What a shutdown achieved.
public struct ShutdownReport: Sendable, Hashable {
    /// The exporter's name.
    public var exporter: String
    /// True when everything buffered was exported before the timeout, the final pipeline finish and sink flush
    /// succeeded (``errors`` is empty) and the sink holds nothing it has not written (``abandonedItems`` is 0).
    public var completed: Bool
    /// Events still buffered or in flight (never processed) when the timeout ended the shutdown.
    public var abandoned: Int
    /// Items that pipeline stages still held (a batcher's queue, open spans), that the sink was exporting, or that
    /// it had accepted but not yet written when the timeout ended the shutdown (or, without a timeout, that the
    /// sink still holds unwritten after its final flush), made from events already processed; counted in items,
    /// like `exported`.
    public var abandonedItems: Int
    /// What went wrong in the final pipeline finish and sink flush (for example a file sink's `ENOSPC`, naming the
    /// records it lost); the items lost are counted in the statistics' `failed`.
    public var errors: [String]
    /// The statistics at the end.
    public var statistics: ExporterStatistics

    /// Creates a report.
    public init(
        exporter: String,
        completed: Bool,
        abandoned: Int,
        abandonedItems: Int = 0,
        errors: [String] = [],
        statistics: ExporterStatistics
    ) {
        self.exporter = exporter
        self.completed = completed
        self.abandoned = abandoned
        self.abandonedItems = abandonedItems
        self.errors = errors
        self.statistics = statistics
    }
}

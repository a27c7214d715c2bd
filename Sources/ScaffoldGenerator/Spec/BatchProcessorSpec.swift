import ExporterDiagnostics

/// `kind: batch` options, as the runtime's `BatchingOptions`.
public struct BatchProcessorSpec: Sendable, Hashable {
    /// Which item is lost when the queue is full.
    public enum OverflowPolicy: String, Sendable, Hashable, CaseIterable {
        /// Refuse the incoming item.
        case dropNewest = "drop_newest"
        /// Evict the oldest queued item.
        case dropOldest = "drop_oldest"
    }

    /// `batch_size`: items per batch (at least 1).
    public var batchSize: OptionValue<Int>?
    /// `flush_interval`: the longest an item waits in a partial batch (greater than zero).
    public var flushInterval: OptionValue<Duration>?
    /// `max_queue_size`: the most items held (at least `batch_size`).
    public var maxQueueSize: OptionValue<Int>?
    /// `overflow_policy`: `drop_newest` or `drop_oldest`.
    public var overflowPolicy: OptionValue<OverflowPolicy>?
    /// Where the processor's mapping starts.
    public var location: SourceLocation

    /// Creates the options.
    public init(
        batchSize: OptionValue<Int>? = nil,
        flushInterval: OptionValue<Duration>? = nil,
        maxQueueSize: OptionValue<Int>? = nil,
        overflowPolicy: OptionValue<OverflowPolicy>? = nil,
        location: SourceLocation
    ) {
        self.batchSize = batchSize
        self.flushInterval = flushInterval
        self.maxQueueSize = maxQueueSize
        self.overflowPolicy = overflowPolicy
        self.location = location
    }
}

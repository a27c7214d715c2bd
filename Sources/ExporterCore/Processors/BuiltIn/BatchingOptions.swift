/// How a ``BatchingProcessor`` groups items. Defaults are the toolkit's.
public struct BatchingOptions: Sendable, Hashable {
    /// Items per batch: a batch is handed on as soon as it is this full (toolkit `batch_size`, default 100).
    /// At least 1.
    public var batchSize: Int

    /// The longest an item waits in a partial batch before the batch is handed on anyway (toolkit
    /// `flush_interval`, default 5 s). Greater than zero.
    public var flushInterval: Duration

    /// The most items the batcher holds (toolkit `max_queue_size`, default 1000). At least `batchSize`.
    ///
    /// The downstream is awaited inline, so while it takes batches the batcher holds only the partial batch. Items
    /// pile up only when the downstream *throws*: the batch it refused stays queued (nothing is lost to a passing
    /// failure) and new items join it. This option bounds that backlog; ``overflowPolicy`` decides which item is
    /// lost once it is full.
    public var maxQueueSize: Int

    /// Which item is lost when the queue is full (toolkit `drop_on_overflow`): `.dropNewest` refuses the incoming
    /// item, `.dropOldest` evicts the oldest queued one (the default, so the newest data survives an outage).
    public var overflowPolicy: OverflowPolicy

    /// Creates options; the defaults are the toolkit's. Validated by ``BatchingProcessor/init(options:)``.
    public init(
        batchSize: Int = 100,
        flushInterval: Duration = .seconds(5),
        maxQueueSize: Int = 1000,
        overflowPolicy: OverflowPolicy = .dropOldest
    ) {
        self.batchSize = batchSize
        self.flushInterval = flushInterval
        self.maxQueueSize = maxQueueSize
        self.overflowPolicy = overflowPolicy
    }

    /// Throws a `PRC001`/`PRC002` diagnostic naming the first invalid option and its allowed range.
    public func validate() throws {
        let processor = "BatchingProcessor"
        guard batchSize >= 1 else {
            throw ProcessorOptionError.outOfRange(
                processor,
                option: "batchSize",
                value: "\(batchSize)",
                allowed: "1 or more"
            )
        }
        guard flushInterval > .zero else {
            throw ProcessorOptionError.outOfRange(
                processor,
                option: "flushInterval",
                value: "\(flushInterval)",
                allowed: "greater than 0 seconds"
            )
        }
        guard maxQueueSize >= batchSize else {
            throw ProcessorOptionError.inconsistent(
                processor,
                "option 'maxQueueSize' (\(maxQueueSize)) is smaller than 'batchSize' (\(batchSize)), so no batch "
                    + "could ever fill",
                hint: "set maxQueueSize to at least \(batchSize), or lower batchSize"
            )
        }
    }
}

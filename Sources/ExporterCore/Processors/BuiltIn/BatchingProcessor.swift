/// Groups items into batches: `Item → [Item]` (the toolkit's `BatchingProcessor`).
///
/// A batch is handed on when it holds ``BatchingOptions/batchSize`` items, when its first item has waited
/// ``BatchingOptions/flushInterval`` (through ``deadline``, which the exporter watches even when no new item
/// arrives), on ``flush(emit:)``, and at shutdown (``finish(emit:)``, counted as `shutdown_batches`).
///
/// When the downstream throws (inside an exporter: the sink refused the batch after its own retries), the batch
/// stays queued and the error propagates as ``ItemsRetained``; the batcher then waits one `flushInterval` before
/// it tries again on its own (``deadline`` moves accordingly), so a failing backend is not hammered once per
/// item, and meanwhile new items join the queue. An explicit ``flush(emit:)`` always tries at once. The backlog
/// is bounded by ``BatchingOptions/maxQueueSize``, with ``BatchingOptions/overflowPolicy`` choosing what is
/// lost; each lost item is counted in `items_dropped` and, through ``droppedCount``, in the exporter's `dropped`.
/// That is how `max_queue_size` and `drop_on_overflow` bound memory while a backend is down. A final
/// ``ExportRefusal`` (the sink kept the batch in a dead-letter file, or the failure is permanent, such as an HTTP
/// 400) is not kept: the batch leaves the queue and the refusal propagates, so the exporter counts it as failed
/// and the queue moves on.
///
/// Unlike the toolkit's, a finished batcher is not dead: ``finish(emit:)`` only empties it.
import ExporterEvents

public struct BatchingProcessor<Item: Sendable>: Processor {
    public typealias Input = Item
    public typealias Output = [Item]

    /// The validated options.
    public let options: BatchingOptions

    private var queue: [Item] = []
    /// When the oldest queued item arrived (never later than that): the interval is counted from here.
    private var oldestArrival: ContinuousClock.Instant?
    /// After a failed hand-off: no automatic retry before this instant.
    private var retryNotBefore: ContinuousClock.Instant?

    private var batchesCreated = 0
    private var itemsProcessed = 0
    private var itemsBatched = 0
    private var itemsDropped = 0
    private var queueOverflows = 0
    private var shutdownBatches = 0
    private var failedHandOffs = 0

    /// Creates a batcher; throws a `PRC001`/`PRC002` diagnostic when `options` are invalid.
    public init(options: BatchingOptions = BatchingOptions()) throws {
        try options.validate()
        self.options = options
        queue.reserveCapacity(options.batchSize)
    }

    /// Creates a batcher from individual options (the toolkit's names and defaults).
    public init(
        batchSize: Int = 100,
        flushInterval: Duration = .seconds(5),
        maxQueueSize: Int = 1000,
        overflowPolicy: OverflowPolicy = .dropOldest
    ) throws {
        try self.init(
            options: BatchingOptions(
                batchSize: batchSize,
                flushInterval: flushInterval,
                maxQueueSize: maxQueueSize,
                overflowPolicy: overflowPolicy
            )
        )
    }

    /// Items held right now (the partial batch plus any backlog a failing downstream left).
    public var queuedCount: Int { queue.count }

    /// ``queuedCount``: what a shutdown that times out abandons here.
    public var heldCount: Int { queue.count }

    /// Items lost to ``BatchingOptions/maxQueueSize``.
    public var droppedCount: Int { itemsDropped }

    public mutating func process(_ item: Item, emit: ([Item]) async throws -> Void) async throws {
        if queue.count >= options.maxQueueSize {
            queueOverflows += 1
            itemsDropped += 1
            switch options.overflowPolicy {
            case .dropNewest:
                return
            case .dropOldest:
                queue.removeFirst()
            }
        }
        if queue.isEmpty { oldestArrival = .now }
        queue.append(item)
        itemsProcessed += 1
        guard queue.count >= options.batchSize else { return }
        if let retryNotBefore, ContinuousClock.now < retryNotBefore { return }
        try await handOffFullBatches(emit: emit, atShutdown: false)
    }

    public mutating func flush(emit: ([Item]) async throws -> Void) async throws {
        try await handOffEverything(emit: emit, atShutdown: false)
    }

    public mutating func finish(emit: ([Item]) async throws -> Void) async throws {
        try await handOffEverything(emit: emit, atShutdown: true)
    }

    /// One `flushInterval` after the oldest queued item arrived, or after the last failed hand-off; nil when
    /// nothing is queued.
    public var deadline: ContinuousClock.Instant? {
        guard !queue.isEmpty else { return nil }
        if let retryNotBefore { return retryNotBefore }
        return oldestArrival.map { $0 + options.flushInterval }
    }

    /// The toolkit's `get_stats` counters, plus `failed_hand_offs`.
    ///
    /// `avg_items_per_batch` is over the batches handed on; `drop_rate` is the percentage of dropped items relative
    /// to processed ones, as the toolkit computes it.
    public var statistics: [String: Double] {
        [
            "batches_created": Double(batchesCreated),
            "items_processed": Double(itemsProcessed),
            "items_dropped": Double(itemsDropped),
            "queue_overflows": Double(queueOverflows),
            "shutdown_batches": Double(shutdownBatches),
            "avg_items_per_batch": batchesCreated == 0 ? 0 : Double(itemsBatched) / Double(batchesCreated),
            "drop_rate": itemsProcessed == 0 ? 0 : Double(itemsDropped) / Double(itemsProcessed) * 100,
            "current_queue_size": Double(queue.count),
            "failed_hand_offs": Double(failedHandOffs),
        ]
    }

    private mutating func handOffEverything(emit: ([Item]) async throws -> Void, atShutdown: Bool) async throws {
        try await handOffFullBatches(emit: emit, atShutdown: atShutdown)
        if !queue.isEmpty {
            try await handOff(count: queue.count, emit: emit, atShutdown: atShutdown)
        }
    }

    private mutating func handOffFullBatches(emit: ([Item]) async throws -> Void, atShutdown: Bool) async throws {
        while queue.count >= options.batchSize {
            try await handOff(count: options.batchSize, emit: emit, atShutdown: atShutdown)
        }
    }

    /// Hands on the oldest `count` items; they leave the queue only once the downstream has taken them.
    private mutating func handOff(count: Int, emit: ([Item]) async throws -> Void, atShutdown: Bool) async throws {
        let batch = count == queue.count ? queue : Array(queue.prefix(count))
        do {
            try await emit(batch)
        } catch let refusal as ExportRefusal where refusal.isFinal {
            // The sink kept the batch itself (a dead-letter file), or a resend would fail the same way.
            failedHandOffs += 1
            removeHandedOff(count)
            throw refusal
        } catch {
            failedHandOffs += 1
            retryNotBefore = .now + options.flushInterval
            throw ItemsRetained(error)
        }
        removeHandedOff(count)
        batchesCreated += 1
        itemsBatched += count
        if atShutdown { shutdownBatches += 1 }
    }

    private mutating func removeHandedOff(_ count: Int) {
        retryNotBefore = nil
        if count == queue.count {
            queue.removeAll(keepingCapacity: true)
            oldestArrival = nil
        } else {
            queue.removeFirst(count)
        }
    }
}

import ExporterDiagnostics
import ExporterRuntime
import Testing

private struct DownstreamDown: Error {}

@Suite("BatchingProcessor")
struct BatchingProcessorTests {
    @Test func handsOnFullBatchesBySize() async throws {
        var batcher = try BatchingProcessor<Int>(batchSize: 3)
        let batches = try await run(&batcher, Array(1...7))
        #expect(batches == [[1, 2, 3], [4, 5, 6]])
        #expect(batcher.queuedCount == 1)
        #expect(batcher.statistics["batches_created"] == 2)
        #expect(batcher.statistics["items_processed"] == 7)
        #expect(batcher.statistics["current_queue_size"] == 1)
        #expect(batcher.statistics["avg_items_per_batch"] == 3)
    }

    @Test func flushHandsOnThePartialBatch() async throws {
        var batcher = try BatchingProcessor<Int>(batchSize: 3)
        _ = try await run(&batcher, Array(1...7))
        #expect(try await flushed(&batcher) == [[7]])
        #expect(try await flushed(&batcher).isEmpty)
        #expect(batcher.statistics["batches_created"] == 3)
        #expect(batcher.statistics["avg_items_per_batch"] == 7.0 / 3.0)
        #expect(batcher.statistics["current_queue_size"] == 0)
        #expect(batcher.statistics["shutdown_batches"] == 0)
    }

    @Test func deadlineFollowsTheOldestQueuedItem() async throws {
        var batcher = try BatchingProcessor<Int>(batchSize: 3, flushInterval: .seconds(2))
        #expect(batcher.deadline == nil)
        let before = ContinuousClock.now
        _ = try await run(&batcher, [1])
        let after = ContinuousClock.now
        let deadline = try #require(batcher.deadline)
        #expect(deadline >= before + .seconds(2))
        #expect(deadline <= after + .seconds(2))
        _ = try await run(&batcher, [2])
        #expect(batcher.deadline == deadline, "a later item must not postpone the batch")
        _ = try await run(&batcher, [3])
        #expect(batcher.deadline == nil, "a batch handed on by size clears the deadline")
        _ = try await run(&batcher, [4])
        #expect(batcher.deadline != nil)
        _ = try await flushed(&batcher)
        #expect(batcher.deadline == nil)
    }

    @Test func finishHandsOnTheRemainderAsShutdownBatches() async throws {
        var batcher = try BatchingProcessor<Int>(batchSize: 2)
        #expect(try await run(&batcher, [1, 2, 3]) == [[1, 2]])
        var emitted: [[Int]] = []
        try await batcher.finish { emitted.append($0) }
        #expect(emitted == [[3]])
        #expect(batcher.statistics["shutdown_batches"] == 1)
        #expect(batcher.statistics["batches_created"] == 2)
        // A finished batcher keeps working (the toolkit's stays shut down for good).
        #expect(try await run(&batcher, [4, 5]) == [[4, 5]])
    }

    @Test func failedHandOffKeepsTheBatchAndWaitsBeforeRetrying() async throws {
        var batcher = try BatchingProcessor<Int>(batchSize: 2, flushInterval: .seconds(60), maxQueueSize: 4)
        var attempts = 0
        // The error says the batch is kept, so that an exporter does not count it as lost.
        let error = await #expect(throws: ItemsRetained.self) {
            for item in [1, 2] {
                try await batcher.process(item) { _ in
                    attempts += 1
                    throw DownstreamDown()
                }
            }
        }
        #expect(error?.underlying is DownstreamDown)
        #expect(attempts == 1)
        #expect(batcher.queuedCount == 2)
        #expect(batcher.heldCount == 2)
        let retryAt = try #require(batcher.deadline)
        #expect(retryAt > ContinuousClock.now + .seconds(50))
        // Items beyond a full batch do not retry at once: the failing downstream is not hammered.
        for item in [3, 4] {
            try await batcher.process(item) { _ in attempts += 1 }
        }
        #expect(attempts == 1)
        #expect(batcher.queuedCount == 4)
        // An explicit flush retries at once and hands on everything, in order.
        #expect(try await flushed(&batcher) == [[1, 2], [3, 4]])
        #expect(batcher.statistics["failed_hand_offs"] == 1)
        #expect(batcher.statistics["batches_created"] == 2)
        #expect(batcher.statistics["items_dropped"] == 0)
        #expect(batcher.deadline == nil)
    }

    @Test(arguments: [
        (OverflowPolicy.dropOldest, [[2, 3], [4, 5]]),
        (OverflowPolicy.dropNewest, [[1, 2], [3, 4]]),
    ])
    func fullQueueLosesItemsByPolicy(policy: OverflowPolicy, expected: [[Int]]) async throws {
        var batcher = try BatchingProcessor<Int>(batchSize: 2, maxQueueSize: 4, overflowPolicy: policy)
        await #expect(throws: ItemsRetained.self) {
            try await batcher.process(1) { _ in throw DownstreamDown() }
            try await batcher.process(2) { _ in throw DownstreamDown() }
        }
        for item in [3, 4, 5] {
            try await batcher.process(item) { _ in Issue.record("no retry expected before the interval") }
        }
        #expect(batcher.queuedCount == 4)
        #expect(batcher.statistics["queue_overflows"] == 1)
        #expect(batcher.statistics["items_dropped"] == 1)
        #expect(batcher.droppedCount == 1)
        let processed = policy == .dropOldest ? 5.0 : 4.0
        #expect(batcher.statistics["items_processed"] == processed)
        #expect(batcher.statistics["drop_rate"] == 1 / processed * 100)
        #expect(try await flushed(&batcher) == expected)
    }

    @Test func statisticsStartAtZeroWithTheToolkitKeys() throws {
        let batcher = try BatchingProcessor<String>()
        #expect(batcher.options == BatchingOptions(batchSize: 100, flushInterval: .seconds(5), maxQueueSize: 1000))
        #expect(
            Set(batcher.statistics.keys) == [
                "batches_created", "items_processed", "items_dropped", "queue_overflows", "shutdown_batches",
                "avg_items_per_batch", "drop_rate", "current_queue_size", "failed_hand_offs",
            ]
        )
        #expect(batcher.statistics.values.allSatisfy { $0 == 0 })
    }

    @Test func rejectsABatchSizeBelowOne() {
        let diagnostic = expectDiagnostic { _ = try BatchingProcessor<Int>(batchSize: 0) }
        #expect(diagnostic?.code == "PRC001")
        #expect(diagnostic?.message == "BatchingProcessor: option 'batchSize' is 0, allowed: 1 or more")
    }

    @Test func rejectsANonPositiveInterval() {
        let diagnostic = expectDiagnostic { _ = try BatchingProcessor<Int>(flushInterval: .zero) }
        #expect(diagnostic?.code == "PRC001")
        #expect(diagnostic?.message.contains("'flushInterval'") == true)
        #expect(diagnostic?.message.contains("greater than 0 seconds") == true)
    }

    @Test func rejectsAQueueSmallerThanABatch() {
        let diagnostic = expectDiagnostic { _ = try BatchingProcessor<Int>(batchSize: 50, maxQueueSize: 10) }
        #expect(diagnostic?.code == "PRC002")
        #expect(diagnostic?.message.contains("'maxQueueSize' (10) is smaller than 'batchSize' (50)") == true)
        #expect(diagnostic?.hint == "set maxQueueSize to at least 50, or lower batchSize")
    }
}

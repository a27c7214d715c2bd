import Synchronization

/// What an exporter's consumer has done, kept apart from the buffer's counters so that producers and the
/// consumer never contend on one lock.
///
/// Items the sink takes (accepted or refused) and what becomes of the accepted ones (delivered or lost, reported
/// through their ``ExportReceipt``, possibly much later by a buffering sink) are counted with atomics as they
/// happen, so that a shutdown that times out in the middle of an event still sees them; everything else is
/// published under a lock once per event or step. Once ``seal()`` has been called (a shutdown timed out) nothing
/// changes any more, so the counts reported at that moment stay exact even if a stalled export completes later.
package final class ExporterProgress: Sendable {
    package struct Snapshot: Sendable, Hashable {
        package var processed = 0
        package var exported = 0
        package var failed = 0
        package var unconfirmed = 0
        package var droppedInPipeline = 0
        package var anomalies: [String: Int] = [:]
        package var stages: [String: Double] = [:]
        /// Items the pipeline held after the last completed step.
        package var held = 0
        /// Items the sink had settled (exported or refused) when ``held`` was recorded.
        package var settledAtHeld = 0
        /// Items the sink has settled so far.
        package var settled = 0
        /// Items the sink accepted whose receipts it has not settled yet (buffered, not yet written).
        package var inSink = 0
        package var errors: [String] = []
        package var sealed = false

        /// Items made from processed events that were neither exported, failed nor dropped: what the pipeline
        /// held after its last completed step, less what the sink took since, plus what the sink accepted and
        /// has not written yet.
        package var unsettledHeld: Int { max(0, held - (settled - settledAtHeld) + inSink) }
    }

    private let state = Mutex(Snapshot())
    /// Items whose receipts said delivered.
    private let exportedItems = Atomic<Int>(0)
    /// Items whose receipts said lost.
    private let lostItems = Atomic<Int>(0)
    /// Items the sink accepted (its `export` returned).
    private let acceptedItems = Atomic<Int>(0)
    /// Items the sink took, accepted or refused.
    private let settledItems = Atomic<Int>(0)

    package init() {}

    package var snapshot: Snapshot {
        state.withLock { state in
            guard !state.sealed else { return state }
            var snapshot = state
            loadSinkCounters(into: &snapshot)
            return snapshot
        }
    }

    /// Counts `count` items the sink accepted; they count as exported or failed once their receipt is settled.
    package func itemsAccepted(_ count: Int) {
        acceptedItems.add(count, ordering: .relaxed)
        settledItems.add(count, ordering: .relaxed)
    }

    /// Counts `count` accepted items whose bytes were written (``ExportReceipt/delivered()``).
    package func itemsDelivered(_ count: Int) {
        exportedItems.add(count, ordering: .relaxed)
    }

    /// Counts `count` accepted items that will never be written (``ExportReceipt/lost()``): they fail.
    package func itemsLost(_ count: Int) {
        lostItems.add(count, ordering: .relaxed)
    }

    /// The sink's counters on top of `snapshot`'s own: exported, the lost items added to `failed`, and what the
    /// sink still holds. A receipt may be settled before the exporter counts the item accepted (a sink that writes
    /// at once), so ``Snapshot/inSink`` can be negative by the item in flight for a moment; the sum in
    /// ``Snapshot/unsettledHeld`` still holds.
    private func loadSinkCounters(into snapshot: inout Snapshot) {
        let exported = exportedItems.load(ordering: .relaxed)
        let lost = lostItems.load(ordering: .relaxed)
        snapshot.exported = exported
        snapshot.failed += lost
        snapshot.settled = settledItems.load(ordering: .relaxed)
        snapshot.inSink = acceptedItems.load(ordering: .relaxed) - exported - lost
    }

    /// Counts `count` items the sink refused; whether they are lost is for the pipeline to say
    /// (``itemsFailed(_:)``).
    package func itemsRefused(_ count: Int) {
        settledItems.add(count, ordering: .relaxed)
    }

    /// Counts one processed event with what the pipeline holds and has dropped after it: one lock per event on
    /// the consumer's hot path.
    package func eventProcessed(failedItems: Int, unconfirmedItems: Int = 0, held: Int, droppedInPipeline: Int) {
        state.withLock { state in
            guard !state.sealed else { return }
            state.processed += 1
            state.failed += failedItems
            state.unconfirmed += unconfirmedItems
            record(held: held, droppedInPipeline: droppedInPipeline, in: &state)
        }
    }

    /// Records what the pipeline holds and has dropped after a step other than an event (a flush, a finish).
    package func stepCompleted(
        failedItems: Int = 0,
        unconfirmedItems: Int = 0,
        held: Int,
        droppedInPipeline: Int,
        error: String? = nil
    ) {
        state.withLock { state in
            guard !state.sealed else { return }
            state.failed += failedItems
            state.unconfirmed += unconfirmedItems
            if let error { state.errors.append(error) }
            record(held: held, droppedInPipeline: droppedInPipeline, in: &state)
        }
    }

    /// Records a failure outside any step (the final sink flush) for the report. It counts nothing: the items it
    /// lost are counted through their receipts.
    package func failure(_ error: String) {
        state.withLock { state in
            guard !state.sealed else { return }
            state.errors.append(error)
        }
    }

    private func record(held: Int, droppedInPipeline: Int, in state: inout Snapshot) {
        state.held = held
        state.settledAtHeld = settledItems.load(ordering: .relaxed)
        state.droppedInPipeline = droppedInPipeline
    }

    /// Replaces the stage counters with the pipeline's current ones, moving `anomaly.*` keys to anomalies.
    package func publish(pipelineStatistics: [String: Double]) {
        var stages: [String: Double] = [:]
        var anomalies: [String: Int] = [:]
        for (key, value) in pipelineStatistics {
            if let anomaly = Self.anomalyName(key) {
                anomalies[anomaly, default: 0] += Int(value)
            } else {
                stages[key] = value
            }
        }
        state.withLock { state in
            guard !state.sealed else { return }
            state.stages = stages
            state.anomalies = anomalies
        }
    }

    /// Freezes the counters and returns them.
    package func seal() -> Snapshot {
        state.withLock { state in
            if !state.sealed {
                loadSinkCounters(into: &state)
                state.sealed = true
            }
            return state
        }
    }

    /// `anomaly.end_without_start` and `spans.anomaly.end_without_start` both name `end_without_start`.
    package static func anomalyName(_ key: String) -> String? {
        let components = key.split(separator: ".", omittingEmptySubsequences: false)
        guard let marker = components.dropLast().lastIndex(of: "anomaly") else { return nil }
        return components[(marker + 1)...].joined(separator: ".")
    }
}

import Synchronization

/// What an exporter's consumer has done, kept apart from the buffer's counters so that producers and the
/// consumer never contend on one lock.
///
/// Items the sink settles (exported or refused) are counted with atomics as they happen, so that a shutdown that
/// times out in the middle of an event still sees them; everything else is published under a lock once per
/// event or step. Once ``seal()`` has been called (a shutdown timed out) nothing changes any more, so the counts
/// reported at that moment stay exact even if a stalled export completes later.
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
        package var errors: [String] = []
        package var sealed = false

        /// Items made from processed events that were neither exported, failed nor dropped: what the pipeline
        /// held after its last completed step, less what the sink settled since.
        package var unsettledHeld: Int { max(0, held - (settled - settledAtHeld)) }
    }

    private let state = Mutex(Snapshot())
    private let exportedItems = Atomic<Int>(0)
    private let settledItems = Atomic<Int>(0)
    /// Items the receiver refused inside an accepted export (OTLP's partial success): lost, counted in `failed`.
    private let rejectedItems = Atomic<Int>(0)

    package init() {}

    package var snapshot: Snapshot {
        state.withLock { state in
            guard !state.sealed else { return state }
            var snapshot = state
            snapshot.exported = exportedItems.load(ordering: .relaxed)
            snapshot.settled = settledItems.load(ordering: .relaxed)
            snapshot.failed += rejectedItems.load(ordering: .relaxed)
            return snapshot
        }
    }

    /// Counts `count` items the sink accepted.
    package func itemsExported(_ count: Int) {
        exportedItems.add(count, ordering: .relaxed)
        settledItems.add(count, ordering: .relaxed)
    }

    /// Counts `count` items the receiver refused inside an export it accepted (a partial success): they are
    /// settled and lost, so they count in `failed` at once and are never retried.
    package func itemsRejected(_ count: Int) {
        rejectedItems.add(count, ordering: .relaxed)
        settledItems.add(count, ordering: .relaxed)
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

    /// Counts a failure outside any step (a sink flush), with its description when it is to be reported.
    package func failure(_ error: String?) {
        state.withLock { state in
            guard !state.sealed else { return }
            state.failed += 1
            if let error { state.errors.append(error) }
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
                state.exported = exportedItems.load(ordering: .relaxed)
                state.settled = settledItems.load(ordering: .relaxed)
                state.failed += rejectedItems.load(ordering: .relaxed)
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

import Synchronization

/// What an exporter's consumer has done, kept apart from the buffer's counters so that producers and the
/// consumer never contend on one lock.
///
/// Once ``seal()`` has been called (a shutdown timed out) nothing changes any more, so the abandoned count
/// reported at that moment stays exact even if a stalled export completes later.
package final class ExporterProgress: Sendable {
    package struct Snapshot: Sendable, Hashable {
        package var processed = 0
        package var exported = 0
        package var failed = 0
        package var anomalies: [String: Int] = [:]
        package var stages: [String: Double] = [:]
        package var sealed = false
    }

    private let state = Mutex(Snapshot())

    package init() {}

    package var snapshot: Snapshot { state.withLock { $0 } }

    /// Counts one processed event together with the items its processing exported and failed to export: one
    /// lock per event on the consumer's hot path rather than one per counter.
    package func eventProcessed(failed: Bool, itemsExported: Int, itemsFailed: Int) {
        state.withLock { state in
            guard !state.sealed else { return }
            state.processed += 1
            state.exported += itemsExported
            state.failed += itemsFailed + (failed ? 1 : 0)
        }
    }

    /// Counts items exported and failed outside the processing of a whole event (a cancelled one).
    package func itemsExported(_ exported: Int, failed: Int) {
        guard exported != 0 || failed != 0 else { return }
        state.withLock { state in
            guard !state.sealed else { return }
            state.exported += exported
            state.failed += failed
        }
    }

    package func itemExported() {
        state.withLock { state in
            guard !state.sealed else { return }
            state.exported += 1
        }
    }

    package func itemFailed() {
        state.withLock { state in
            guard !state.sealed else { return }
            state.failed += 1
        }
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
            state.sealed = true
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

/// Feeds recorded events through a manager's exporters, as `scaffold replay` and the generated `<name>-replay`
/// tools do: one run, every event emitted in file order with its recorded timestamps, then a full shutdown.
///
/// Recorded traces arrive much faster than live agents emit, so the replayer waits for the exporters to take
/// each slice of events (a flush barrier every ``flushEvery`` events) instead of letting their buffers overflow:
/// a drop in a replay means a real problem, not a replay artefact.
import ExporterEvents

public struct TraceReplayer: Sendable {
    /// The exporters to replay through.
    public var manager: ExporterManager
    /// Events emitted between two flush barriers at most; never more than half the smallest exporter buffer.
    public var flushEvery: Int

    /// Creates a replayer.
    public init(manager: ExporterManager, flushEvery: Int = 1_000) {
        self.manager = manager
        self.flushEvery = max(1, flushEvery)
    }

    /// Replays `events` in order and shuts the exporters down.
    ///
    /// - Throws: when the exporters cannot be started.
    public func replay(_ events: [AgentEvent]) async throws -> ReplayReport {
        var iterator = events.makeIterator()
        return try await replay { iterator.next() }
    }

    /// Replays the events `next` returns, until it returns nil, and shuts the exporters down. Nothing is kept
    /// after it is emitted, so a trace streamed through here needs memory for a slice, not for the trace.
    ///
    /// - Throws: when the exporters cannot be started.
    public func replay(next: () -> AgentEvent?) async throws -> ReplayReport {
        let run = try await manager.start()
        // Half the smallest buffer, so a slice always fits even if the previous one is still being exported.
        let smallestBuffer = run.exporters.compactMap(\.bufferCapacity).min() ?? Int.max
        let flushEvery = min(self.flushEvery, max(1, smallestBuffer / 2))
        var flushFailures: [String] = []
        var count = 0
        while let event = next() {
            run.hub.emit(event)
            count += 1
            if count % flushEvery == 0 {
                do {
                    try await run.flush()
                } catch {
                    flushFailures.append(String(describing: error))
                }
            }
        }
        let shutdowns = await run.stop()
        return ReplayReport(eventCount: count, shutdowns: shutdowns, flushFailures: flushFailures)
    }
}

/// What a replay achieved.
public struct ReplayReport: Sendable {
    /// Events emitted.
    public var eventCount: Int
    /// One report per exporter, with its final statistics.
    public var shutdowns: [ShutdownReport]
    /// Errors of intermediate flush barriers (an exporter that could not flush; its statistics say more).
    public var flushFailures: [String]

    /// True when no exporter dropped, failed, left unconfirmed or abandoned anything, no final flush failed and
    /// every shutdown completed.
    public var isClean: Bool {
        flushFailures.isEmpty
            && shutdowns.allSatisfy {
                $0.completed && $0.abandoned == 0 && $0.abandonedItems == 0 && $0.errors.isEmpty
                    && $0.statistics.dropped == 0 && $0.statistics.failed == 0 && $0.statistics.unconfirmed == 0
            }
    }

    /// One line naming each problem, e.g. `otel dropped 12; file failed 1; 3 malformed trace lines`.
    public func problemSummary(malformedLines: Int = 0) -> String {
        var problems: [String] = []
        for report in shutdowns {
            let statistics = report.statistics
            if statistics.dropped > 0 { problems.append("\(report.exporter) dropped \(statistics.dropped)") }
            if statistics.failed > 0 { problems.append("\(report.exporter) failed \(statistics.failed)") }
            if statistics.unconfirmed > 0 {
                problems.append("\(report.exporter) unconfirmed \(statistics.unconfirmed) (sent, never answered)")
            }
            if report.abandoned > 0 || report.abandonedItems > 0 {
                problems.append(
                    "\(report.exporter) abandoned \(report.abandoned) events and \(report.abandonedItems) items at shutdown"
                )
            }
            for error in report.errors { problems.append("\(report.exporter): \(error)") }
            if !report.completed && report.errors.isEmpty && report.abandoned == 0 && report.abandonedItems == 0 {
                problems.append("\(report.exporter) did not complete its shutdown")
            }
        }
        if !flushFailures.isEmpty { problems.append("\(flushFailures.count) flush barriers failed") }
        if malformedLines > 0 { problems.append("\(malformedLines) malformed trace lines") }
        return problems.isEmpty ? "none" : problems.joined(separator: "; ")
    }
}

import ExporterEvents
import Logging

extension ProcessingExporter {
    /// The consumer task's state: it alone owns the pipeline, so stages mutate freely. Configured event stages
    /// (``EventStageHost``) run first, on this task.
    struct Consumer: Sendable {
        var pipeline: P
        /// The configured event stages, run in front of ``pipeline`` (see `ProcessingExporter+Stages.swift`).
        var eventStages: EventStageChain
        let exporter: ProcessingExporter
        /// When stage statistics were last published: after an event that failed, or when events reach the sink
        /// and this is a millisecond old, they are published again, so that a shutdown that times out on a
        /// stalled sink reports the stages as of (nearly) the last completed event rather than the last chunk.
        private var lastPublished = ContinuousClock.now
        /// Events that reached the sink since the clock was last read: it is read once per
        /// ``eventsPerClockRead`` of them, since reading it for every event is a measurable cost.
        private var eventsSinceClockRead = 0
        private static var eventsPerClockRead: Int { 8 }

        init(pipeline: P, eventStages: EventStageChain, exporter: ProcessingExporter) {
            self.pipeline = pipeline
            self.eventStages = eventStages
            self.exporter = exporter
        }

        /// Runs until the buffer is closed and drained (then finishes the pipeline and returns true) or the task
        /// is cancelled (returns false).
        mutating func run() async -> Bool {
            var chunk: [AgentEvent] = []
            chunk.reserveCapacity(ProcessingExporter.chunkSize)
            while !Task.isCancelled {
                chunk.removeAll(keepingCapacity: true)
                let taken = exporter.buffer.drain(into: &chunk, max: ProcessingExporter.chunkSize)
                for event in chunk {
                    guard await process(event) else { return false }
                }
                if taken > 0 { publishStatistics() }
                guard await serveFlushRequests() else { return false }
                if let deadline = stagesDeadline, deadline <= ContinuousClock.now {
                    guard await flushPipeline() != nil else { return false }
                }
                if taken > 0 { continue }
                switch await exporter.buffer.waitForElements(until: stagesDeadline) {
                case .closed: return await finish()
                case .cancelled: return false
                case .elementsAvailable, .woken, .deadlinePassed: continue
                }
            }
            return false
        }

        /// False when cancelled.
        private mutating func process(_ event: AgentEvent) async -> Bool {
            let exporter = self.exporter
            var reachedSink = false
            var threw = false
            var lost = LostItems()
            do {
                try await pass(event) { item in
                    reachedSink = true
                    try await exporter.exportItem(item)
                }
            } catch {
                if Task.isCancelled { return false }
                threw = true
                lost = lostItems(error, during: "pipeline failed on an event")
            }
            exporter.consumerProgress.eventProcessed(
                failedItems: lost.failed,
                unconfirmedItems: lost.unconfirmed,
                held: stagesHeldCount,
                droppedInPipeline: stagesDroppedCount
            )
            // Failures are rare and what a report is read for; otherwise at most once a millisecond.
            if threw {
                publishStatistics()
            } else if reachedSink {
                eventsSinceClockRead += 1
                if eventsSinceClockRead >= Self.eventsPerClockRead {
                    eventsSinceClockRead = 0
                    if lastPublished.duration(to: .now) >= .milliseconds(1) { publishStatistics() }
                }
            }
            return true
        }

        /// Items a step lost: failed for good, or unconfirmed (perhaps delivered: the last attempt got no answer).
        struct LostItems {
            var failed = 0
            var unconfirmed = 0
        }

        /// How many items `error` lost, logging it: none when a stage kept them (``ItemsRetained``), the refused
        /// items when the sink's refusal came through unkept (unconfirmed when the sink says they may have
        /// arrived), one failed for any other pipeline error.
        private func lostItems(_ error: any Error, during step: String) -> LostItems {
            switch error {
            case is ItemsRetained:
                exporter.consumerLogger.warning(
                    "export failed; the pipeline keeps the items for a retry",
                    metadata: ["error": "\(error)", "held": "\(stagesHeldCount)"]
                )
                return LostItems()
            case let refusal as ExportRefusal:
                // Logged where the sink refused it.
                return refusal.isUnconfirmed
                    ? LostItems(unconfirmed: refusal.itemCount) : LostItems(failed: refusal.itemCount)
            default:
                exporter.consumerLogger.error("\(step)", metadata: ["error": "\(error)"])
                return LostItems(failed: 1)
            }
        }

        /// Flushes the pipeline; nil when cancelled, else the pipeline's error if it threw (counted and logged).
        private mutating func flushPipeline() async -> Result<Void, any Error>? {
            let exporter = self.exporter
            defer { publishStatistics() }
            var result: Result<Void, any Error> = .success(())
            var lost = LostItems()
            do {
                try await flushStages { try await exporter.exportItem($0) }
            } catch {
                if Task.isCancelled { return nil }
                lost = lostItems(error, during: "pipeline flush failed")
                result = .failure(error)
            }
            exporter.consumerProgress.stepCompleted(
                failedItems: lost.failed,
                unconfirmedItems: lost.unconfirmed,
                held: stagesHeldCount,
                droppedInPipeline: stagesDroppedCount
            )
            return result
        }

        /// Serves the flush barriers whose events have all been processed; false when cancelled.
        private mutating func serveFlushRequests() async -> Bool {
            let counters = exporter.buffer.counters
            let due = exporter.takeFlushRequests(satisfiedAt: counters.removed + counters.evicted)
            guard !due.isEmpty else { return true }
            guard let pipelineResult = await flushPipeline() else {
                for request in due { request.continuation.resume(throwing: CancellationError()) }
                return false
            }
            // The sink flushes even when the pipeline failed, so what did get through is delivered. What its
            // failure lost is counted through the receipts; the error goes to the flush's callers.
            let sinkResult = await flushSink()
            let result = if case .failure = pipelineResult { pipelineResult } else { sinkResult }
            for request in due { request.continuation.resume(with: result) }
            return true
        }

        private func flushSink() async -> Result<Void, any Error> {
            do {
                try await exporter.sink.flush()
                return .success(())
            } catch {
                exporter.consumerLogger.error("sink flush failed", metadata: ["error": "\(error)"])
                return .failure(error)
            }
        }

        /// Passes on everything the pipeline still holds and flushes the sink; false when cancelled. What the
        /// pipeline could not pass on is lost (the exporter ends): counted in `failed`, and the error (like a
        /// failed sink flush) goes into the shutdown report.
        private mutating func finish() async -> Bool {
            let exporter = self.exporter
            defer { publishStatistics() }
            var failure: String?
            var lost = LostItems()
            var lastHandOffUnconfirmed = 0
            do {
                try await finishStages { try await exporter.exportItem($0) }
            } catch {
                if Task.isCancelled { return false }
                lost = lostItems(error, during: "pipeline finish failed")
                failure = "pipeline finish: \(error)"
                // A batch kept after a last attempt that got no answer may have arrived.
                if let kept = error as? ItemsRetained, let refusal = kept.underlying as? ExportRefusal,
                    refusal.isUnconfirmed
                {
                    lastHandOffUnconfirmed = refusal.itemCount
                }
            }
            let stillHeld = stagesHeldCount
            if stillHeld > 0 {
                let unconfirmed = min(stillHeld, lastHandOffUnconfirmed)
                lost.unconfirmed += unconfirmed
                lost.failed += stillHeld - unconfirmed
                failure = (failure ?? "pipeline finish") + "; \(stillHeld) held items lost"
                if unconfirmed > 0 { failure! += " (\(unconfirmed) of them perhaps delivered: no answer)" }
            }
            exporter.consumerProgress.stepCompleted(
                failedItems: lost.failed,
                unconfirmedItems: lost.unconfirmed,
                held: 0,
                droppedInPipeline: stagesDroppedCount,
                error: failure
            )
            if case .failure(let error) = await flushSink() {
                exporter.consumerProgress.failure("sink flush: \(error)")
            }
            return !Task.isCancelled
        }

        private mutating func publishStatistics() {
            exporter.consumerProgress.publish(pipelineStatistics: stagesStatistics)
            exporter.publishHealthMetrics(exporter.statistics)
            lastPublished = .now
        }
    }
}

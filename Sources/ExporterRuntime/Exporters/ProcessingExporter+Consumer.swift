import Logging

extension ProcessingExporter {
    /// The consumer task's state: it alone owns the pipeline, so stages mutate freely. Configured event stages
    /// (``EventStageHost``) run first, on this task.
    struct Consumer: Sendable {
        var pipeline: ProcessorChain<EventStageChain, P>
        let exporter: ProcessingExporter

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
                if let deadline = pipeline.deadline, deadline <= ContinuousClock.now {
                    guard await flushPipeline() != nil else { return false }
                }
                if taken > 0 { continue }
                switch await exporter.buffer.waitForElements(until: pipeline.deadline) {
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
            // Counted here and published with the event in one lock operation.
            var exported = 0
            var exportFailures = 0
            do {
                try await pipeline.process(event) { item in
                    if try await exporter.exportUncounted(item) { exported += 1 } else { exportFailures += 1 }
                }
                exporter.consumerProgress.eventProcessed(
                    failed: false,
                    itemsExported: exported,
                    itemsFailed: exportFailures
                )
            } catch {
                if Task.isCancelled {
                    exporter.consumerProgress.itemsExported(exported, failed: exportFailures)
                    return false
                }
                exporter.consumerProgress.eventProcessed(
                    failed: true,
                    itemsExported: exported,
                    itemsFailed: exportFailures
                )
                exporter.consumerLogger.error("pipeline failed on an event", metadata: ["error": "\(error)"])
            }
            return true
        }

        /// Flushes the pipeline; nil when cancelled, else the pipeline's error if it threw (counted and logged).
        private mutating func flushPipeline() async -> Result<Void, any Error>? {
            let exporter = self.exporter
            defer { publishStatistics() }
            do {
                try await pipeline.flush { try await exporter.export($0) }
                return .success(())
            } catch {
                if Task.isCancelled { return nil }
                exporter.consumerProgress.itemFailed()
                exporter.consumerLogger.error("pipeline flush failed", metadata: ["error": "\(error)"])
                return .failure(error)
            }
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
            // The sink flushes even when the pipeline failed, so what did get through is delivered.
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

        /// Passes on everything the pipeline still holds and flushes the sink; false when cancelled.
        private mutating func finish() async -> Bool {
            let exporter = self.exporter
            defer { publishStatistics() }
            do {
                try await pipeline.finish { try await exporter.export($0) }
            } catch {
                if Task.isCancelled { return false }
                exporter.consumerProgress.itemFailed()
                exporter.consumerLogger.error("pipeline finish failed", metadata: ["error": "\(error)"])
            }
            _ = await flushSink()
            return !Task.isCancelled
        }

        private func publishStatistics() {
            exporter.consumerProgress.publish(pipelineStatistics: pipeline.statistics)
        }
    }
}

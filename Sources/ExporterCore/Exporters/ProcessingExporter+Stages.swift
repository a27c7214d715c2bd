import ExporterEvents

extension ProcessingExporter.Consumer {
    // The configured event stages run in front of the pipeline. They are kept beside it rather than composed
    // with it in a `ProcessorChain`: code generic over `P` would then look the chain's type metadata up for every
    // event, which cost a third of the throughput of a no-op exporter; with no stages (the usual case) an event
    // goes straight into the pipeline.

    /// Passes `event` through the event stages, then the pipeline, handing what comes out to `sink`.
    mutating func pass(_ event: AgentEvent, to sink: (P.Output) async throws -> Void) async throws {
        if eventStages.isEmpty {
            return try await pipeline.process(event, emit: sink)
        }
        // Moved out for the call, so the closure can mutate the pipeline without a copy of either.
        var stages = EventStageChain()
        swap(&stages, &eventStages)
        defer { swap(&stages, &eventStages) }
        try await stages.process(event) { try await self.pipeline.process($0, emit: sink) }
    }

    /// Flushes the event stages into the pipeline, then the pipeline into `sink`.
    mutating func flushStages(to sink: (P.Output) async throws -> Void) async throws {
        if !eventStages.isEmpty {
            var stages = EventStageChain()
            swap(&stages, &eventStages)
            defer { swap(&stages, &eventStages) }
            try await stages.flush { try await self.pipeline.process($0, emit: sink) }
        }
        try await pipeline.flush(emit: sink)
    }

    /// Finishes the event stages into the pipeline, then the pipeline into `sink`.
    mutating func finishStages(to sink: (P.Output) async throws -> Void) async throws {
        if !eventStages.isEmpty {
            var stages = EventStageChain()
            swap(&stages, &eventStages)
            defer { swap(&stages, &eventStages) }
            try await stages.finish { try await self.pipeline.process($0, emit: sink) }
        }
        try await pipeline.finish(emit: sink)
    }

    /// The earlier of the stages' and the pipeline's deadlines.
    var stagesDeadline: ContinuousClock.Instant? {
        guard !eventStages.isEmpty, let staged = eventStages.deadline else { return pipeline.deadline }
        guard let own = pipeline.deadline else { return staged }
        return min(staged, own)
    }

    /// Items held by the stages and the pipeline.
    var stagesHeldCount: Int { eventStages.heldCount + pipeline.heldCount }

    /// Items dropped by the stages and the pipeline.
    var stagesDroppedCount: Int { eventStages.droppedCount + pipeline.droppedCount }

    /// The statistics of the stages (`processors.*`) and of the pipeline.
    var stagesStatistics: [String: Double] {
        eventStages.isEmpty
            ? pipeline.statistics : eventStages.statistics.merging(pipeline.statistics) { _, latest in latest }
    }
}

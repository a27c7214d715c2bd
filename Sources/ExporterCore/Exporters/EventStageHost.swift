/// An exporter that can run configured event stages (``EventStageChain``) in front of its own pipeline, on its own
/// consumer task, so the stages never run on the emitting task.
///
/// ``ProcessingExporter`` is one, and so is every exporter built on it; a wrapper (such as ExporterOTLP's
/// `ShutdownLimitedExporter`) passes the call on to the exporter it wraps. The registry relies on it to apply a
/// workflow file's `processors:` list to any registered type (see ``EventProcessingBlueprint``).
public protocol EventStageHost: Exporter {
    /// Puts `stages` in front of the pipeline, replacing stages installed earlier. Only possible before the
    /// exporter starts: returns false (and changes nothing) once it has started or been shut down.
    @discardableResult
    func installEventStages(_ stages: EventStageChain) -> Bool
}

extension ProcessingExporter: EventStageHost {}

import ExporterCore

extension ShutdownLimitedExporter: EventStageHost {
    /// Installs `stages` in the wrapped exporter; false when it cannot take them (it is not an ``EventStageHost``)
    /// or has started.
    @discardableResult
    public func installEventStages(_ stages: EventStageChain) -> Bool {
        guard let host = base as? any EventStageHost else { return false }
        return host.installEventStages(stages)
    }
}

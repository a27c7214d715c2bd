/// A blueprint whose every instance runs configured event stages in front of its own pipeline: how the registry
/// applies an exporter section's `processors:` list to any registered type.
///
/// Each ``makeExporter(name:)`` builds a fresh ``EventStageChain`` from the settings, so stages with state (counters
/// today, anything else tomorrow) are never shared between runs, and installs it in the base blueprint's new
/// instance, whose consumer task runs it (never the emitting task).
public struct EventProcessingBlueprint: ExporterBlueprint {
    /// The blueprint doing the exporting.
    public let base: any ExporterBlueprint
    /// The stages, in order.
    public let processors: [EventProcessorSettings]
    /// What `enrich` stages read environment tags from.
    public let environment: [String: String]

    /// Wraps `base`.
    public init(base: any ExporterBlueprint, processors: [EventProcessorSettings], environment: [String: String]) {
        self.base = base
        self.processors = processors
        self.environment = environment
    }

    /// - Throws: ``EventProcessingError/notAHost(exporter:)`` when the base's instance cannot take event stages
    ///   (it is not an ``EventStageHost``), or ``EventProcessingError/refused(exporter:)``.
    public func makeExporter(name: String) throws -> any Exporter {
        let exporter = try base.makeExporter(name: name)
        guard let host = exporter as? any EventStageHost else { throw EventProcessingError.notAHost(exporter: name) }
        let chain = try EventProcessorSettings.makeChain(processors, environment: environment)
        guard host.installEventStages(chain) else { throw EventProcessingError.refused(exporter: name) }
        return host
    }

    public func close() async {
        await base.close()
    }
}

/// Why configured event stages could not be put in front of an exporter.
public enum EventProcessingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The exporter's type makes instances that cannot run event stages.
    case notAHost(exporter: String)
    /// The instance refused the stages: it had already started, or it wraps an exporter that cannot run them.
    case refused(exporter: String)

    public var description: String {
        switch self {
        case .notAHost(let exporter):
            "exporter '\(exporter)' cannot take 'processors': its instances are not EventStageHost exporters"
        case .refused(let exporter):
            "exporter '\(exporter)' refused its 'processors': it had started, or wraps an exporter that cannot run them"
        }
    }
}

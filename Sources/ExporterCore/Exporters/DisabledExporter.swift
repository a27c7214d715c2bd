import ExporterEvents
import Synchronization

/// An exporter switched off by its configuration (`OTEL_SDK_DISABLED=true`): it takes every event and exports
/// nothing, so an application keeps its instrumentation and its workflow file while telemetry is off.
///
/// The events it takes count as `received` and `processed` (consumed, on purpose), never as dropped or failed:
/// switching export off is not a fault, and a replay through it exits 0.
public final class DisabledExporter: EventStageHost {
    public let name: String
    private let received = Atomic<Int>(0)

    /// Creates the exporter under its configured `name`.
    public init(name: String) {
        self.name = name
    }

    public func receive(_ event: AgentEvent) {
        received.add(1, ordering: .relaxed)
    }

    public func start() async throws {}

    public func flush() async throws {}

    public func shutdown(timeout: Duration) async -> ShutdownReport {
        ShutdownReport(exporter: name, completed: true, abandoned: 0, statistics: statistics)
    }

    public var statistics: ExporterStatistics {
        let count = received.load(ordering: .relaxed)
        return ExporterStatistics(received: count, processed: count)
    }

    /// Takes `processors:` stages and never runs them: with export off there is nothing for them to shape.
    public func installEventStages(_ stages: EventStageChain) -> Bool { true }

    /// No bound: nothing is ever buffered.
    public var bufferCapacity: Int? { nil }
}

/// The blueprint of an exporter switched off by its configuration: every run's instance is a ``DisabledExporter``.
public struct DisabledExporterBlueprint: ExporterBlueprint {
    /// Creates the blueprint.
    public init() {}

    public func makeExporter(name: String) throws -> any Exporter {
        DisabledExporter(name: name)
    }
}

import ExporterCore
import ExporterEvents

/// An exporter whose shutdown never takes longer than its own limit (the toolkit's `shutdown_timeout`), whatever
/// longer time the run allows; everything else is the wrapped exporter's.
public final class ShutdownLimitedExporter: Exporter {
    /// The exporter doing the work.
    public let base: any Exporter
    /// The longest a shutdown may take.
    public let limit: Duration

    /// Wraps `base`.
    public init(_ base: any Exporter, limit: Duration) {
        self.base = base
        self.limit = limit
    }

    public var name: String { base.name }

    public func receive(_ event: AgentEvent) {
        base.receive(event)
    }

    public func start() async throws {
        try await base.start()
    }

    public func flush() async throws {
        try await base.flush()
    }

    public func shutdown(timeout: Duration) async -> ShutdownReport {
        await base.shutdown(timeout: min(timeout, limit))
    }

    public var statistics: ExporterStatistics { base.statistics }

    public var bufferCapacity: Int? { base.bufferCapacity }

    public func health() -> ExporterHealth { base.health() }
}

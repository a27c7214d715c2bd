import ExporterEvents
import Synchronization

/// One lifecycle of the exporters of an ``ExporterManager``: a fresh instance per blueprint, registered on the
/// run's own ``EventHub``.
///
/// Runs share nothing but the blueprints' shared resources, so any number can be active at once without their
/// events, buffers or pipeline state mixing.
public final class ExporterRun: Sendable {
    /// The hub this run's exporters listen to; emit into it, or bind it with ``EventHub/bind(_:isolation:)``.
    public let hub: EventHub
    /// The run's exporter instances, in the manager's registration order.
    public let exporters: [any Exporter]
    /// The time limit ``stop(timeout:)`` applies when given none.
    public let shutdownTimeout: Duration

    private let stopping = Mutex<Task<[ShutdownReport], Never>?>(nil)
    /// The hub's undelivered count when the exporters were deregistered, once they were.
    private let undeliveredAtStop = Mutex<Int?>(nil)
    // Only what this run registered is deregistered: a name taken on a shared hub belongs to someone else.
    private let registeredNames = Mutex<[String]>([])

    init(hub: EventHub, exporters: [any Exporter], shutdownTimeout: Duration) {
        self.hub = hub
        self.exporters = exporters
        self.shutdownTimeout = shutdownTimeout
    }

    /// Registers every exporter on the hub under its name.
    func registerExporters() throws(EventHubError) {
        for exporter in exporters {
            try hub.register(exporter.name, exporter)
            registeredNames.withLock { $0.append(exporter.name) }
        }
    }

    /// The run's exporter named `name`, if any.
    public func exporter(named name: String) -> (any Exporter)? {
        exporters.first { $0.name == name }
    }

    /// Each exporter's current statistics, by name.
    public var statistics: [String: ExporterStatistics] {
        Dictionary(exporters.map { ($0.name, $0.statistics) }, uniquingKeysWith: { first, _ in first })
    }

    /// Each exporter's health, in registration order, and the worst of them.
    public func health() -> (overall: ExporterHealth, exporters: [(name: String, health: ExporterHealth)]) {
        let exporters = exporters.map { (name: $0.name, health: $0.health()) }
        return (exporters.map(\.health).max() ?? .healthy, exporters)
    }

    /// Flushes every exporter concurrently and returns when all are done.
    ///
    /// - Throws: the first error an exporter's flush threw, after all of them finished.
    public func flush() async throws {
        let errors = await withTaskGroup(of: (any Error)?.self) { group in
            for exporter in exporters {
                group.addTask {
                    do {
                        try await exporter.flush()
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            var errors: [any Error] = []
            for await case let error? in group { errors.append(error) }
            return errors
        }
        if let first = errors.first { throw first }
    }

    /// Deregisters the exporters from the hub and shuts them all down concurrently, each within `timeout`
    /// (default ``shutdownTimeout``); returns their reports in ``exporters`` order. Later calls return the
    /// first call's reports.
    ///
    /// Cancelling the calling task does not cut the shutdown short: buffered data is still drained, and `timeout`
    /// bounds the wait either way. Events emitted into ``hub`` after the exporters were deregistered reach
    /// nobody; ``eventsAfterStop`` counts them.
    @discardableResult
    public func stop(timeout: Duration? = nil) async -> [ShutdownReport] {
        let timeout = timeout ?? shutdownTimeout
        let task = stopping.withLock { stopping -> Task<[ShutdownReport], Never> in
            if let existing = stopping { return existing }
            let task = Task { await self.performStop(timeout: timeout) }
            stopping = task
            return task
        }
        // An unstructured task: the caller's cancellation does not reach the drain, whose time is bounded.
        return await task.value
    }

    /// Events emitted into ``hub`` since ``stop(timeout:)`` deregistered the exporters (a task left running by
    /// the run's body, say): they reached no exporter of this run and are counted here instead of vanishing.
    /// Zero before the stop. On a shared hub (``EventHub/global``) it counts every event that reached no
    /// subscriber since.
    public var eventsAfterStop: Int {
        guard let mark = undeliveredAtStop.withLock({ $0 }) else { return 0 }
        return hub.undeliveredCount - mark
    }

    /// Whether ``stop(timeout:)`` was called.
    package var isStopping: Bool { stopping.withLock { $0 != nil } }

    /// The reports of ``stop(timeout:)`` (awaiting one in progress), or nil if it was never called.
    public var reports: [ShutdownReport]? {
        get async {
            guard let task = stopping.withLock({ $0 }) else { return nil }
            return await task.value
        }
    }

    private func performStop(timeout: Duration) async -> [ShutdownReport] {
        let names = registeredNames.withLock { names in
            defer { names = [] }
            return names
        }
        // Read before deregistering: while this run's exporters are registered nothing counts as undelivered
        // on their account.
        let mark = hub.undeliveredCount
        for name in names {
            hub.deregister(name)
        }
        undeliveredAtStop.withLock { $0 = mark }
        return await withTaskGroup(of: (Int, ShutdownReport).self) { group in
            for (index, exporter) in exporters.enumerated() {
                group.addTask { (index, await exporter.shutdown(timeout: timeout)) }
            }
            var reports = [ShutdownReport?](repeating: nil, count: exporters.count)
            for await (index, report) in group { reports[index] = report }
            return reports.compactMap { $0 }
        }
    }
}

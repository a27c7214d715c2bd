import ExporterEvents
import Logging
import Synchronization

/// Holds the configured exporters (as ``ExporterBlueprint``s) and runs them: every ``start()`` makes a fresh,
/// isolated instance of each, registered on a new ``EventHub`` owned by the returned ``ExporterRun``.
///
/// Unlike the toolkit's manager, isolation holds by construction (a blueprint can only share what it owns on
/// purpose), any number of runs may be active at once, and a blueprint added or removed while runs are active
/// only affects runs started later.
public final class ExporterManager: Sendable {
    /// How long a run's ``ExporterRun/stop(timeout:)`` waits by default (the toolkit's `shutdown_timeout`).
    public let shutdownTimeout: Duration

    package let logger: Logger
    private let registry = Mutex(Registry())

    private struct Registry: Sendable {
        var names: [String] = []
        var blueprints: [String: any ExporterBlueprint] = [:]
    }

    /// Creates an empty manager.
    public init(
        shutdownTimeout: Duration = .seconds(120),
        logger: Logger = Logger(label: "ExporterRuntime.ExporterManager")
    ) {
        self.shutdownTimeout = shutdownTimeout
        self.logger = logger
    }

    /// Registers `blueprint` under `name`, replacing (and returning) the one registered under it before.
    /// Runs already started keep the instances they have.
    @discardableResult
    public func add(_ blueprint: any ExporterBlueprint, name: String) -> (any ExporterBlueprint)? {
        registry.withLock { registry in
            if registry.blueprints[name] == nil { registry.names.append(name) }
            return registry.blueprints.updateValue(blueprint, forKey: name)
        }
    }

    /// Unregisters and returns the blueprint under `name`, or nil if there is none. Its shared resources stay
    /// open: close it once the runs using it have stopped.
    @discardableResult
    public func remove(name: String) -> (any ExporterBlueprint)? {
        registry.withLock { registry in
            guard let removed = registry.blueprints.removeValue(forKey: name) else { return nil }
            registry.names.removeAll { $0 == name }
            return removed
        }
    }

    /// The blueprint registered under `name`.
    ///
    /// - Throws: ``ExporterManagerError/unknownExporter(name:available:)`` listing the registered names.
    public func blueprint(named name: String) throws(ExporterManagerError) -> any ExporterBlueprint {
        let (found, names) = registry.withLock { ($0.blueprints[name], $0.names) }
        guard let found else { throw .unknownExporter(name: name, available: names) }
        return found
    }

    /// The registered names, in registration order.
    public var names: [String] {
        registry.withLock { $0.names }
    }

    /// Makes one fresh instance per blueprint, registers them on a new hub and starts them all concurrently.
    ///
    /// - Throws: a blueprint's or an exporter's error; instances already made are then stopped.
    public func start() async throws -> ExporterRun {
        try await start(on: EventHub())
    }

    /// Starts a run, runs `body` with the run's hub bound as ``EventHub/current`` (so instrumentation in the
    /// body and its child tasks emits into this run only), and stops the run afterwards, also when `body`
    /// throws.
    ///
    /// - Returns: what `body` returned and the run's shutdown reports.
    public func withRun<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (ExporterRun) async throws -> Value
    ) async throws -> (result: Value, reports: [ShutdownReport]) {
        let run = try await start()
        let result: Value
        do {
            result = try await run.hub.bind({ try await body(run) }, isolation: isolation)
        } catch {
            await run.stop()
            throw error
        }
        return (result, await run.stop())
    }

    /// Releases every blueprint's shared resources and empties the registry. Stop the runs first.
    public func close() async {
        let blueprints = registry.withLock { registry in
            defer { registry = Registry() }
            return registry.names.compactMap { registry.blueprints[$0] }
        }
        for blueprint in blueprints {
            await blueprint.close()
        }
    }

    /// Starts a run whose exporters are registered on `hub` under their names.
    package func start(on hub: EventHub) async throws -> ExporterRun {
        let entries = registry.withLock { registry in
            registry.names.compactMap { name in registry.blueprints[name].map { (name, $0) } }
        }
        let exporters = try entries.map { name, blueprint in try blueprint.makeExporter(name: name) }
        let run = ExporterRun(hub: hub, exporters: exporters, shutdownTimeout: shutdownTimeout)
        do {
            try run.registerExporters()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for exporter in exporters {
                    group.addTask { try await exporter.start() }
                }
                try await group.waitForAll()
            }
        } catch {
            await run.stop()
            throw error
        }
        return run
    }
}

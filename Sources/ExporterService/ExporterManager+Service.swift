// Apart from ExporterCore so that an exporter package, which never runs the manager as a service, does not compile
// swift-service-lifecycle and what it brings (swift-async-algorithms, swift-collections): about 40% of a console
// exporter's cold build. `import ExporterRuntime` re-exports it.
import ExporterCore
import ExporterEvents
import Logging
import ServiceLifecycle

extension ExporterManager: Service {
    /// Runs the exporters for the life of the service: starts a run registered on ``EventHub/global`` (each
    /// instance under its name), waits for graceful shutdown, then stops the run within ``shutdownTimeout`` and
    /// logs the reports. Cancellation ends the wait too; the stop still drains what is buffered, within
    /// ``shutdownTimeout``.
    public func run() async throws {
        try await serve {
            try? await gracefulShutdown()
        }
    }

    /// ``run()`` with the end of service given by `stopSignal` returning.
    package func serve(until stopSignal: () async -> Void) async throws {
        let run = try await start(on: .global)
        await stopSignal()
        let reports = await run.stop()
        for report in reports {
            logger.info(
                "exporter stopped",
                metadata: [
                    "exporter": "\(report.exporter)",
                    "completed": "\(report.completed)",
                    "abandoned": "\(report.abandoned)",
                    "abandoned_items": "\(report.abandonedItems)",
                    "errors": "\(report.errors)",
                    "statistics": "\(report.statistics)",
                ]
            )
        }
    }
}

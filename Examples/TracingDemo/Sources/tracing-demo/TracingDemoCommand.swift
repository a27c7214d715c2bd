import ArgumentParser
import ExporterDiagnostics
import ExporterOTLP
import ExporterRuntime
import ExporterTracing
import Foundation
import Tracing
import TracingDemoKit

/// `tracing-demo`: one traced chat request (server span, agent run, model call, tool call, client span), exported
/// as one trace through the exporters of a workflow file.
@main
struct TracingDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracing-demo",
        abstract: "Handle one traced chat request with an agent and export it as one trace.",
        discussion: """
            Prints the traceparent header the agent's weather API request would carry. Exits with status 1 when an \
            exporter dropped or failed to export anything, 2 when the workflow file is invalid.
            """
    )

    @Option(help: "The workflow file whose general.telemetry.tracing section names the exporters.")
    var config: String

    @Option(help: "The caller's W3C traceparent: the request continues its trace.")
    var traceparent: String?

    func run() async throws {
        // The three bootstrap lines (docs/tracing.md): every withSpan, ours and the libraries', into our exporters.
        InstrumentationSystem.bootstrap(RuntimeTracer())
        let configuration: WorkflowConfiguration
        do {
            var registry = ExporterRegistry.builtIn
            registry.registerOTLP()
            configuration = try WorkflowConfiguration.load(
                contentsOf: config,
                registry: registry,
                environment: ProcessInfo.processInfo.environment
            )
        } catch {
            let rendered = DiagnosticRenderer().render(error.diagnostics) {
                try? String(contentsOfFile: $0, encoding: .utf8)
            }
            FileHandle.standardError.write(Data((rendered + "\n").utf8))
            throw ExitCode(2)
        }
        let manager = configuration.makeManager(shutdownTimeout: .seconds(30))
        let header: String
        let reports: [ShutdownReport]
        do {
            (header, reports) = try await manager.withRun { _ in
                try await ChatService.handle(traceParent: traceparent)
            }
            await manager.close()
        } catch {
            await manager.close()
            throw error
        }
        print("traceparent: \(header)")
        let problems = reports.filter { report in
            let statistics = report.statistics
            return statistics.dropped > 0 || statistics.failed > 0 || statistics.unconfirmed > 0 || !report.completed
        }
        for report in problems {
            FileHandle.standardError.write(Data("\(report.exporter): \(report.statistics)\n".utf8))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

import AgentDemoKit
import ArgumentParser
import ExporterDiagnostics
import ExporterRuntime
import Foundation

/// `agent-demo`: plays three concurrent support conversations with a scripted model and exports their telemetry
/// through the exporters of a workflow file.
@main
struct AgentDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent-demo",
        abstract: "Run three concurrent agent conversations (scripted model, no network) and export their traces.",
        discussion: """
            The exporters come from the workflow file's general.telemetry.tracing section (by default console, \
            file and ATIF exporters). Exits with status 1 when an exporter dropped or failed to export anything, 2 when \
            the workflow file or the endpoint is invalid.
            """
    )

    @Option(help: "The workflow file (default: workflow.yaml next to this package's Package.swift).")
    var config: String?

    @Option(help: "Where the file and ATIF exporters write (becomes ${AGENT_DEMO_OUTPUT_DIR}).")
    var outputDir: String = ".tmp/agent-demo"

    @Option(help: "Also export spans over OTLP/HTTP to this URL, e.g. http://127.0.0.1:6006/v1/traces (Phoenix).")
    var otlpEndpoint: String?

    @Option(help: "How long each scripted model call takes, in milliseconds.")
    var modelLatencyMs: Int = 40

    func run() async throws {
        let configuration: WorkflowConfiguration
        do {
            configuration = try DemoExporters.workflow(
                at: absolute(config ?? Self.bundledWorkflowPath),
                outputDirectory: absolute(outputDir),
                otlpEndpoint: otlpEndpoint,
                environment: ProcessInfo.processInfo.environment
            )
        } catch {
            let rendered = DiagnosticRenderer().render(error.diagnostics) {
                try? String(contentsOfFile: $0, encoding: .utf8)
            }
            FileHandle.standardError.write(Data((rendered + "\n").utf8))
            throw ExitCode(2)
        }
        let agent = SupportAgent(modelLatency: .milliseconds(max(0, modelLatencyMs)))
        let report = try await DemoRun.play(agent: agent, configuration: configuration)
        print(report.summary)
        if !report.problems.isEmpty { throw ExitCode(1) }
    }

    /// The workflow file shipped with the demo, found from this source file's compile-time path.
    static var bundledWorkflowPath: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // agent-demo
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // the package
            .appendingPathComponent("workflow.yaml").path
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

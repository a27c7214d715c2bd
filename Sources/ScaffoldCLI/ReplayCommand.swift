import ArgumentParser
import ExporterDiagnostics
import ExporterOTLP
import ExporterRuntime
import Foundation

/// `scaffold replay TRACE --config WORKFLOW.yaml`: feeds a recorded trace through the exporters a workflow file
/// configures.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a recorded trace through the exporters of a workflow configuration.",
        discussion: """
            Reads TRACE (toolkit IntermediateStep JSONL or ATOF JSONL; detected from the first line unless \
            --format says), builds the exporters under general.telemetry.tracing of the workflow file, emits \
            every event with its recorded timestamp, shuts the exporters down and prints their statistics.

            A dead-letter file written by an OTLP exporter (`dead_letter_path`) is recognised by its first line: \
            its batches are re-sent to the endpoint, with the headers and auth, of the exporter named by \
            --exporter (or the only OTLP exporter of the configuration); re-sent lines are removed from the file.

            Exits 1 when any event was dropped, any export failed, anything was abandoned at shutdown, or a \
            trace line was malformed (the good lines are still replayed); 2 when the configuration or the trace \
            cannot be used.
            """
    )

    @Argument(help: "The recorded trace (JSON lines).")
    var trace: String

    @Option(name: .shortAndLong, help: "The workflow YAML whose general.telemetry.tracing section names the exporters.")
    var config: String

    @Option(help: "The trace's format: intermediate_step or atof (default: detected).")
    var format: TraceFormatArgument?

    @Option(help: "Seconds to wait for the exporters to drain at shutdown.")
    var shutdownTimeout: Double = 30

    @Option(help: "For a dead-letter file: the OTLP exporter (its name in the configuration) to re-send through.")
    var exporter: String?

    @Flag(help: "Print only problems, not the statistics.")
    var quiet = false

    func run() async throws {
        let terminal = Terminal.standardError
        let workflow: WorkflowConfiguration
        do {
            workflow = try WorkflowConfiguration.load(contentsOf: config, registry: .withOTLP)
        } catch {
            terminal.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
        if DeadLetterResend.isDeadLetterFile(trace) {
            try await DeadLetterResend(path: trace, exporter: exporter, quiet: quiet).run(workflow, terminal: terminal)
            return
        }
        let result: TraceReadResult
        do {
            result = try TraceReader(format: format?.traceFormat).read(contentsOfFile: trace)
        } catch {
            terminal.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
        if !result.diagnostics.isEmpty { terminal.print(result.diagnostics) }

        let manager = workflow.makeManager(shutdownTimeout: .milliseconds(Int64(shutdownTimeout * 1000)))
        let report = try await TraceReplayer(manager: manager).replay(result.events)
        await manager.close()

        if !quiet {
            var lines = ["replayed \(result.events.count) events from \(trace)"]
            for shutdown in report.shutdowns {
                var line = "  \(shutdown.exporter): \(shutdown.statistics)"
                if !shutdown.completed { line += " abandoned=\(shutdown.abandoned) (shutdown timed out)" }
                lines.append(line)
            }
            print(lines.joined(separator: "\n"))
        }
        if !report.isClean || !result.diagnostics.isEmpty {
            terminal.write(
                "replay finished with problems: \(report.problemSummary(malformedLines: result.diagnostics.count))\n"
            )
            throw ScaffoldExitCode.problems
        }
    }
}

/// `--format` values.
enum TraceFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case intermediateStep = "intermediate_step"
    case atof

    var traceFormat: TraceFormat {
        switch self {
        case .intermediateStep: .intermediateStep
        case .atof: .atof
        }
    }
}

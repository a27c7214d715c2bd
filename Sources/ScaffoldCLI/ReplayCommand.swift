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
            cannot be used: the trace is unreadable or holds no event, or an exporter would write to the trace \
            itself. The trace is read before any exporter is built, so a bad trace leaves the outputs untouched.
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

    @Flag(help: "Print the statistics and diagnostics as one JSON object on stdout.")
    var json = false

    func validate() throws {
        // `Duration.milliseconds(Int64(...))` traps on infinity, NaN and anything past Int64: refuse them here.
        guard shutdownTimeout.isFinite, shutdownTimeout >= 0, shutdownTimeout < 1e9 else {
            throw ValidationError(
                "--shutdown-timeout must be a finite number of seconds from 0 to 1e9, not \(shutdownTimeout)"
            )
        }
    }

    func run() async throws {
        let terminal = Terminal.standardError
        if DeadLetterResend.isDeadLetterFile(trace) {
            let workflow = try loadWorkflow(protecting: [], terminal: terminal)
            try await DeadLetterResend(path: trace, exporter: exporter, quiet: quiet).run(workflow, terminal: terminal)
            return
        }
        let result = try readTrace(terminal: terminal)
        let workflow = try loadWorkflow(protecting: [trace], terminal: terminal)

        let manager = workflow.makeManager(shutdownTimeout: .milliseconds(Int64(shutdownTimeout * 1000)))
        let report = try await TraceReplayer(manager: manager).replay(result.events)
        await manager.close()

        let output = ReplayOutput(trace: trace, events: result.events.count, report: report, issues: result.diagnostics)
        if json {
            print(output.json)
        } else {
            if !result.diagnostics.isEmpty { terminal.print(result.diagnostics) }
            if !quiet { print(output.statistics) }
        }
        if !output.isClean {
            if !json { terminal.write("replay finished with problems: \(output.problemSummary)\n") }
            throw ScaffoldExitCode.problems
        }
    }

    /// The trace's events, read before anything is built; exit 2 when it is unusable or holds no event.
    private func readTrace(terminal: Terminal) throws -> TraceReadResult {
        let result: TraceReadResult
        do {
            result = try TraceReader(format: format?.traceFormat).read(contentsOfFile: trace)
        } catch {
            try refuse(error.diagnostics, terminal: terminal)
        }
        guard result.events.isEmpty else { return result }
        var hint = "replay needs a JSONL trace recorded by the toolkit's file exporter or in ATOF"
        if let format, !result.diagnostics.isEmpty {
            hint = "every line failed to read as \(format.rawValue); is --format right?"
        }
        try refuse(
            result.diagnostics + [
                .error(.replayEmptyTrace, "the trace '\(trace)' holds no events; nothing was replayed", hint: hint)
            ],
            terminal: terminal
        )
    }

    private func loadWorkflow(protecting inputs: [String], terminal: Terminal) throws -> WorkflowConfiguration {
        do {
            return try WorkflowConfiguration.load(contentsOf: config, registry: .withOTLP, protectedPaths: inputs)
        } catch {
            try refuse(error.diagnostics, terminal: terminal)
        }
    }

    /// Reports why the replay cannot start and exits 2.
    private func refuse(_ diagnostics: [Diagnostic], terminal: Terminal) throws -> Never {
        if json {
            print(ReplayOutput.refusal(trace: trace, diagnostics: diagnostics))
        } else {
            terminal.print(diagnostics)
        }
        throw ScaffoldExitCode.invalidInput
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

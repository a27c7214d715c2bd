import ArgumentParser
import ExporterCore
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
            --trace-format says), builds the exporters under general.telemetry.tracing of the workflow file, emits \
            every event with its recorded timestamp, shuts the exporters down and prints their statistics.

            A dead-letter file written by an OTLP exporter (`dead_letter_path`) is recognised by its first line: \
            its batches are re-sent to the endpoint, with the headers and auth, of the exporter named by \
            --exporter (or the only OTLP exporter of the configuration); re-sent lines are removed from the file.

            Exits 1 when any event was dropped, any export failed, anything was abandoned at shutdown, or a \
            trace line was malformed (the good lines are still replayed); 2 when the configuration or the trace \
            cannot be used: the trace is unreadable, holds no event or a line longer than --max-line-length, or \
            an exporter would write to the trace itself. A trace file is read whole before any exporter is built, \
            so a bad trace leaves the outputs untouched.

            TRACE `-` is standard input. A pipe, FIFO or terminal cannot be read twice, so its events are replayed \
            as they are read: a malformed line is reported and skipped (exit 1), and a line too long or a read \
            error stops the replay there, after the events before it were exported (exit 2). Memory stays \
            bounded by the longest line, whatever the trace's size.
            """
    )

    @Argument(help: "The recorded trace (JSON lines); - for standard input.", completion: .file())
    var trace: String

    @Option(
        name: .shortAndLong,
        help: "The workflow YAML whose general.telemetry.tracing section names the exporters.",
        completion: .file(extensions: ["yml", "yaml"])
    )
    var config: String

    @Option(
        help: "The trace's format: intermediate_step or atof (default: detected).",
        completion: .list(TraceFormatArgument.allCases.map(\.rawValue))
    )
    var traceFormat: TraceFormatArgument?

    @Option(
        help: """
            Seconds to wait for the exporters to drain at shutdown (default: 30). An exporter with a shorter \
            shutdown_timeout of its own stops within it; a longer value than an otelcollector's default (10 s, \
            its section not setting shutdown_timeout) is refused rather than cut short.
            """
    )
    var shutdownTimeout: Double?

    /// The default shutdown timeout, in seconds.
    static let defaultShutdownTimeout: Double = 30

    /// The shutdown timeout in effect.
    var effectiveShutdownTimeout: Double { shutdownTimeout ?? Self.defaultShutdownTimeout }

    @Option(help: "For a dead-letter file: the OTLP exporter (its name in the configuration) to re-send through.")
    var exporter: String?

    @Option(help: "The longest trace line accepted, in bytes; a longer line stops the read.")
    var maxLineLength: Int = LineReader.defaultMaxLineLength

    @Flag(help: "Print only problems, not the statistics.")
    var quiet = false

    @Option(help: "text, or json: the statistics and diagnostics as one JSON object on standard output.")
    var format: OutputFormat = .text

    func validate() throws {
        // `Duration.milliseconds(Int64(...))` traps on infinity, NaN and anything past Int64: refuse them here.
        if let shutdownTimeout, !(shutdownTimeout.isFinite && shutdownTimeout >= 0 && shutdownTimeout < 1e9) {
            throw ValidationError(
                "--shutdown-timeout must be a finite number of seconds from 0 to 1e9, not \(shutdownTimeout)"
            )
        }
        guard maxLineLength > 0 else {
            throw ValidationError("--max-line-length must be a positive number of bytes, not \(maxLineLength)")
        }
    }

    func run() async throws {
        let terminal = Terminal.standardError
        do {
            if trace != "-" { try InputFile.check(trace, role: .trace) }
            try InputFile.check(config, role: .config)
        } catch {
            try refuse(error.diagnostics, terminal: terminal)
        }
        var source: ReplayTraceSource
        do {
            source = try ReplayTraceSource(path: trace, maxLineLength: maxLineLength)
        } catch {
            try refuse(error.diagnostics, terminal: terminal)
        }
        defer { source.close() }
        let isDeadLetterFile: Bool
        do {
            isDeadLetterFile = try source.isDeadLetterFile()
        } catch {
            try refuse(error.diagnostics, terminal: terminal)
        }
        if isDeadLetterFile {
            // The replayer rewrites the file by its path, which standard input does not have.
            guard source.isRegularFile, trace != "-" else {
                try refuse(
                    [
                        .error(
                            .replayDeadLetterStream,
                            "\(source.name) holds dead letters, which replay rewrites in place; it needs their file",
                            hint: "pass the dead-letter file's path instead of a pipe or standard input"
                        )
                    ],
                    terminal: terminal
                )
            }
            let workflow = try loadWorkflow(protecting: [], terminal: terminal)
            try await DeadLetterResend(path: trace, exporter: exporter, quiet: quiet, format: format)
                .run(workflow, terminal: terminal)
            return
        }
        if source.isRegularFile {
            try await replayFile(&source, terminal: terminal)
        } else {
            try await replayStream(&source, terminal: terminal)
        }
    }

    func loadWorkflow(protecting inputs: [String], terminal: Terminal) throws -> WorkflowConfiguration {
        let workflow: WorkflowConfiguration
        do {
            workflow = try WorkflowConfiguration.load(contentsOf: config, registry: .withOTLP, protectedPaths: inputs)
        } catch {
            try refuse(error.diagnostics, terminal: terminal)
        }
        // A limit the section chose is the user's; the default one would cut a longer --shutdown-timeout short
        // without a word, so that is refused.
        let limited = Self.shutdownLimits(workflow).filter { limit in
            !limit.isSet && (shutdownTimeout.map { limit.limit < .milliseconds(Int64($0 * 1000)) } ?? false)
        }
        guard limited.isEmpty else {
            try refuse(
                limited.map { limit in
                    .error(
                        .replayShutdownTimeoutOverLimit,
                        "--shutdown-timeout \(Self.seconds(effectiveShutdownTimeout)) is longer than exporter "
                            + "'\(limit.name)' waits: its shutdown_timeout is \(limit.limit) (the default), which "
                            + "would cut its shutdown short",
                        hint: "set shutdown_timeout in its section of \(config) to the time it may take, or pass a "
                            + "--shutdown-timeout of at most \(limit.limit)"
                    )
                },
                terminal: terminal
            )
        }
        return workflow
    }

    /// The exporters of `workflow` whose shutdown has a limit of its own (an `otelcollector`'s `shutdown_timeout`).
    static func shutdownLimits(_ workflow: WorkflowConfiguration) -> [(name: String, limit: Duration, isSet: Bool)] {
        workflow.exporters.compactMap { entry in
            var blueprint = entry.blueprint
            while let wrapped = blueprint as? EventProcessingBlueprint { blueprint = wrapped.base }
            guard let otlp = blueprint as? OTLPExporterBlueprint else { return nil }
            return (entry.name, otlp.configuration.shutdownTimeout, otlp.configuration.shutdownTimeoutIsSet)
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? "\(Int64(value)) seconds" : "\(value) seconds"
    }

    /// Reports why the replay cannot start and exits 2.
    func refuse(_ diagnostics: [Diagnostic], terminal: Terminal) throws -> Never {
        if format == .json {
            print(ReplayOutput.refusal(trace: trace, diagnostics: diagnostics))
        } else {
            terminal.print(diagnostics)
        }
        throw ScaffoldExitCode.invalidInput
    }
}

/// `--trace-format` values.
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

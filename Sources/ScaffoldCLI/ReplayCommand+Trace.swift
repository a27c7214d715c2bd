import ExporterCodecs
import ExporterCore
import ExporterDiagnostics
import ExporterRuntime

/// The two ways `scaffold replay` reads a trace: a regular file is checked whole, then streamed; a pipe is streamed
/// once. Neither keeps the events: memory is bounded by the longest line and the exporters' buffers.
extension ReplayCommand {
    /// Checks every line before anything is built (a bad trace leaves the outputs untouched), then replays.
    func replayFile(_ source: inout ReplayTraceSource, terminal: Terminal) async throws {
        let check: TraceCheck
        do {
            check = try source.validate(format: traceFormat?.traceFormat)
        } catch {
            try refuse(error.diagnostics, terminal: terminal)
        }
        if check.events == 0 { try refuseEmpty(source.name, check.diagnostics, terminal: terminal) }
        let workflow = try loadWorkflow(protecting: protectedInputs, terminal: terminal)
        var stream = source.stream(format: check.format)
        var stopped: DiagnosticError?
        let report = try await replay(workflow) {
            do throws(DiagnosticError) {
                return try stream.next()
            } catch {
                stopped = error
                return nil
            }
        }
        // The file was checked already: its diagnostics, not the second read's (the same unless it changed).
        try finish(source.name, report, issues: check.diagnostics, stopped: stopped, terminal: terminal)
    }

    /// Replays as it reads. Nothing is built until the first event has been read, so an empty or unreadable
    /// stream leaves the outputs untouched too; after that, a read that fails stops the replay (exit 2).
    func replayStream(_ source: inout ReplayTraceSource, terminal: Terminal) async throws {
        let workflow = try loadWorkflow(protecting: protectedInputs, terminal: terminal)
        var stream = source.stream(format: traceFormat?.traceFormat)
        var pending: AgentEvent?
        do {
            pending = try stream.next()
        } catch {
            try refuse(stream.diagnostics + error.diagnostics, terminal: terminal)
        }
        if pending == nil { try refuseEmpty(source.name, stream.diagnostics, terminal: terminal) }
        var stopped: DiagnosticError?
        let report = try await replay(workflow) {
            if let first = pending {
                pending = nil
                return first
            }
            do throws(DiagnosticError) {
                return try stream.next()
            } catch {
                stopped = error
                return nil
            }
        }
        try finish(source.name, report, issues: stream.diagnostics, stopped: stopped, terminal: terminal)
    }

    /// The trace's path, which no exporter may write to; standard input has none.
    private var protectedInputs: [String] { trace == "-" ? [] : [trace] }

    private func replay(_ workflow: WorkflowConfiguration, next: () -> AgentEvent?) async throws -> ReplayReport {
        let manager = workflow.makeManager(shutdownTimeout: .milliseconds(Int64(effectiveShutdownTimeout * 1000)))
        let report = try await TraceReplayer(manager: manager).replay(next: next)
        await manager.close()
        return report
    }

    /// Prints the outcome; exit 2 when reading stopped early, 1 for any other problem.
    private func finish(
        _ name: String,
        _ report: ReplayReport,
        issues: [Diagnostic],
        stopped: DiagnosticError?,
        terminal: Terminal
    ) throws {
        let output = ReplayOutput(
            trace: name,
            events: report.eventCount,
            report: report,
            issues: issues,
            stoppedBy: stopped?.diagnostics ?? []
        )
        if format == .json {
            print(output.json)
        } else {
            if !issues.isEmpty || stopped != nil { terminal.print(output.diagnostics) }
            if !quiet { print(output.statistics) }
        }
        if !output.isClean, format == .text {
            terminal.write("replay finished with problems: \(output.problemSummary)\n")
        }
        if stopped != nil { throw ScaffoldExitCode.invalidInput }
        if !output.isClean { throw ScaffoldExitCode.problems }
    }

    /// Exit 2 for a trace without a single event.
    private func refuseEmpty(_ name: String, _ diagnostics: [Diagnostic], terminal: Terminal) throws -> Never {
        var hint = "replay needs a JSONL trace recorded by the toolkit's file exporter or in ATOF"
        if let traceFormat, !diagnostics.isEmpty {
            hint = "every line failed to read as \(traceFormat.rawValue); is --trace-format right?"
        }
        try refuse(
            diagnostics + [
                .error(.replayEmptyTrace, "the trace '\(name)' holds no events; nothing was replayed", hint: hint)
            ],
            terminal: terminal
        )
    }
}

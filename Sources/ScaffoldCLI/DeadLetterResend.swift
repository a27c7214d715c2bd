import ArgumentParser
import ExporterDiagnostics
import ExporterOTLP
import ExporterRuntime
import Foundation

/// `scaffold replay DEAD-LETTER.jsonl --config WORKFLOW.yaml [--exporter NAME]`: re-sends the batches an OTLP
/// exporter could not deliver, through that exporter's endpoint, headers and auth.
struct DeadLetterResend {
    let path: String
    let exporter: String?
    let quiet: Bool
    var format: OutputFormat = .text

    /// True when `line` (a trace's first non-blank line) is a dead-letter record: the writer puts the version
    /// first, so its first 4 KiB tell, however long the line.
    static func isDeadLetterRecord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker = Array("\"dead_letter_version\"".utf8)
        let head = line.prefix(4096)
        guard head.count >= marker.count else { return false }
        return (head.startIndex...(head.endIndex - marker.count)).contains {
            head[$0..<$0 + marker.count].elementsEqual(marker)
        }
    }

    func run(_ workflow: WorkflowConfiguration, terminal: Terminal) async throws {
        let candidates = workflow.exporters.compactMap { entry -> (String, OTLPExporterBlueprint)? in
            guard let blueprint = entry.blueprint as? OTLPExporterBlueprint else { return nil }
            return (entry.name, blueprint)
        }
        let chosen: (String, OTLPExporterBlueprint)
        if let exporter {
            guard let match = candidates.first(where: { $0.0 == exporter }) else {
                let names = candidates.map(\.0)
                try refuse(
                    terminal,
                    [
                        .error(
                            .cliNotAnOTLPExporter,
                            "'\(exporter)' is not an OTLP exporter of the configuration",
                            hint: names.isEmpty
                                ? "the configuration has no otelcollector exporter"
                                : DidYouMean.hint(for: exporter, among: names)
                                    ?? "OTLP exporters: \(names.joined(separator: ", "))"
                        )
                    ]
                )
            }
            chosen = match
        } else {
            guard candidates.count == 1, let only = candidates.first else {
                try refuse(
                    terminal,
                    [
                        .error(
                            .cliAmbiguousOTLPExporter,
                            candidates.isEmpty
                                ? "re-sending a dead-letter file needs an otelcollector exporter in the configuration"
                                : "the configuration has several OTLP exporters; name one with --exporter",
                            hint: candidates.isEmpty
                                ? nil : "OTLP exporters: \(candidates.map(\.0).joined(separator: ", "))"
                        )
                    ]
                )
            }
            chosen = only
        }
        let report: DeadLetterReplayReport
        do {
            report = try await DeadLetterReplayer(path: path).replay(through: chosen.1.sink)
        } catch let error as DiagnosticError {
            try refuse(terminal, error.diagnostics)
        }
        if format == .json {
            JSONReport.print(
                [
                    "dead_letters": .string(path),
                    "exporter": .string(chosen.0),
                    "resent": .int(Int64(report.resent)),
                    "resent_items": .int(Int64(report.resentItems)),
                    "still_failing": .int(Int64(report.stillFailing)),
                    "malformed": .int(Int64(report.malformed)),
                    "failures": .array(
                        report.failures.map { ["line": .int(Int64($0.line)), "reason": .string($0.reason)] }
                    ),
                ],
                diagnostics: report.diagnostics
            )
            if report.stillFailing > 0 || report.malformed > 0 { throw ScaffoldExitCode.problems }
            return
        }
        if !report.diagnostics.isEmpty { terminal.print(report.diagnostics) }
        for failure in report.failures {
            terminal.write("\(path):\(failure.line): still failing: \(failure.reason)\n")
        }
        if !quiet {
            print(
                "re-sent \(report.resent) batches (\(report.resentItems) spans) through '\(chosen.0)'; "
                    + "\(report.stillFailing) still failing, \(report.malformed) malformed"
            )
        }
        if report.stillFailing > 0 || report.malformed > 0 { throw ScaffoldExitCode.problems }
    }

    /// Reports why nothing was re-sent and exits 2.
    private func refuse(_ terminal: Terminal, _ diagnostics: [Diagnostic]) throws -> Never {
        if format == .json {
            JSONReport.print(["dead_letters": .string(path), "resent": 0], diagnostics: diagnostics)
        } else {
            terminal.print(diagnostics)
        }
        throw ScaffoldExitCode.invalidInput
    }
}

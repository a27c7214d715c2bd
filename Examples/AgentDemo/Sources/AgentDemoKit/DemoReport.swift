import ExporterRuntime
import Foundation

/// What a demo run produced: the conversations' outcomes, each exporter's shutdown report, and where each
/// exporter sent its output.
public struct DemoReport: Sendable {
    /// The conversations' outcomes, in the order played.
    public var outcomes: [ConversationOutcome]
    /// Each exporter's shutdown report, in workflow order.
    public var reports: [ShutdownReport]
    /// Where each exporter sent its output, in workflow order.
    public var destinations: [ExporterDestination]

    /// Creates a report.
    public init(outcomes: [ConversationOutcome], reports: [ShutdownReport], destinations: [ExporterDestination]) {
        self.outcomes = outcomes
        self.reports = reports
        self.destinations = destinations
    }

    /// Everything that went wrong in the export: drops, failed exports, shutdowns that gave up. Empty when every
    /// event reached every exporter's destination.
    public var problems: [String] {
        reports.flatMap { report -> [String] in
            var problems: [String] = []
            let statistics = report.statistics
            if statistics.dropped > 0 { problems.append("\(report.exporter): \(statistics.dropped) events dropped") }
            if statistics.failed > 0 { problems.append("\(report.exporter): \(statistics.failed) exports failed") }
            if statistics.unconfirmed > 0 {
                let count = statistics.unconfirmed
                problems.append("\(report.exporter): \(count) exports unconfirmed (sent, never answered)")
            }
            if !report.completed || report.abandoned > 0 {
                problems.append("\(report.exporter): shutdown abandoned \(report.abandoned) events")
            }
            return problems
        }
    }

    /// A readable summary: each conversation's answer, where the files went, and each exporter's statistics.
    public var summary: String {
        var lines = ["== conversations"]
        for outcome in outcomes {
            let conversation = outcome.conversation
            let tokens = outcome.usages.reduce(0) { $0 + $1.totalTokens }
            let failed =
                outcome.failedToolCalls.isEmpty
                ? "" : ", failed tool calls: \(outcome.failedToolCalls.joined(separator: ", "))"
            lines.append(
                "\(conversation.sessionID) (user \(conversation.userID)): \(outcome.usages.count) model calls, "
                    + "\(conversation.scriptedToolCalls.count) tool calls, \(tokens) tokens\(failed)"
            )
            lines.append("  Q: \(conversation.question)")
            lines.append("  A: \(outcome.answer)")
        }
        lines.append("== exporters (exported counts what each sends: events, spans, batches, trees or trajectories)")
        let statistics = Dictionary(
            reports.map { ($0.exporter, $0.statistics) },
            uniquingKeysWith: { first, _ in first }
        )
        for destination in destinations {
            lines.append("\(destination.name): \(destination.location)")
            for file in Self.filesIn(destination) { lines.append("  \(file)") }
            if let counts = statistics[destination.name] {
                lines.append(
                    "  received=\(counts.received) exported=\(counts.exported) dropped=\(counts.dropped) "
                        + "failed=\(counts.failed)"
                )
            }
        }
        let problems = problems
        lines.append(problems.isEmpty ? "== no event dropped, no export failed" : "== problems")
        lines += problems.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }

    /// The trajectory files in an ATIF directory, to show what the run wrote there.
    static func filesIn(_ destination: ExporterDestination) -> [String] {
        guard case .trajectoryDirectory(let directory) = destination.target else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map {
            (directory as NSString).appendingPathComponent($0)
        }
    }
}

import ExporterDiagnostics
import ExporterRuntime
import Foundation

/// What `scaffold replay` prints when it is done: the statistics as text or JSON, and whether it went cleanly.
struct ReplayOutput {
    var trace: String
    var events: Int
    var report: ReplayReport
    /// Malformed trace lines (the good ones were replayed).
    var issues: [Diagnostic]
    /// Why reading stopped before the end of a stream (a line too long, a read error); empty when it did not.
    var stoppedBy: [Diagnostic] = []

    /// No drop, failure, abandonment, failed flush, malformed line or early stop.
    var isClean: Bool { report.isClean && issues.isEmpty && stoppedBy.isEmpty }

    /// The malformed lines' diagnostics, then why reading stopped.
    var diagnostics: [Diagnostic] { issues + stoppedBy }

    var problemSummary: String {
        let summary = report.problemSummary(malformedLines: issues.count)
        guard let stop = stoppedBy.first else { return summary }
        let line = stop.location.map { " at line \($0.line)" } ?? ""
        return (summary == "none" ? "" : summary + "; ") + "reading stopped\(line), the rest was not replayed"
    }

    /// `replayed N events from TRACE` and one line of statistics per exporter.
    var statistics: String {
        var lines = ["replayed \(events) events from \(trace)"]
        for shutdown in report.shutdowns {
            var line = "  \(shutdown.exporter): \(shutdown.statistics)"
            if shutdown.abandoned > 0 || shutdown.abandonedItems > 0 {
                line += " abandoned=\(shutdown.abandoned) abandoned_items=\(shutdown.abandonedItems)"
            }
            if !shutdown.completed {
                line += shutdown.errors.isEmpty ? " (shutdown timed out)" : " (shutdown incomplete)"
            }
            for error in shutdown.errors { line += "\n    error: \(error)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object: the trace, the event count, each exporter's statistics, the diagnostics and the problems.
    var json: String {
        let exporters: [JSONValue] = report.shutdowns.map { shutdown in
            [
                "name": .string(shutdown.exporter),
                "received": .int(Int64(shutdown.statistics.received)),
                "exported": .int(Int64(shutdown.statistics.exported)),
                "dropped": .int(Int64(shutdown.statistics.dropped)),
                "failed": .int(Int64(shutdown.statistics.failed)),
                "unconfirmed": .int(Int64(shutdown.statistics.unconfirmed)),
                "abandoned": .int(Int64(shutdown.abandoned)),
                "abandoned_items": .int(Int64(shutdown.abandonedItems)),
                "completed": .bool(shutdown.completed),
                "errors": .array(shutdown.errors.map { .string($0) }),
            ]
        }
        let flushFailures = report.flushFailures.map {
            Diagnostic.error(.replayFlushFailed, "a flush barrier failed: \($0)")
        }
        return Self.render(
            trace: trace,
            events: events,
            problems: isClean ? nil : problemSummary,
            exporters: exporters,
            diagnostics: diagnostics + flushFailures
        )
    }

    /// The JSON printed when the replay cannot start: no statistics, only why.
    static func refusal(trace: String, diagnostics: [Diagnostic]) -> String {
        render(trace: trace, events: 0, problems: "the replay could not start", exporters: [], diagnostics: diagnostics)
    }

    private static func render(
        trace: String,
        events: Int,
        problems: String?,
        exporters: [JSONValue],
        diagnostics: [Diagnostic]
    ) -> String {
        // The diagnostics' JSON form is JSONReport's, so every command prints the same shape.
        let object: JSONValue = [
            "trace": .string(trace),
            "events": .int(Int64(events)),
            "clean": .bool(problems == nil),
            "problems": problems.map { JSONValue.string($0) } ?? .null,
            "exporters": .array(exporters),
            "diagnostics": JSONReport.diagnostics(diagnostics),
        ]
        return JSONReport.text(object)
    }
}

import ExporterDiagnostics
import ExporterEvents

/// Turns a trace's lines, one at a time and in order, into events: detects the format from the first line that
/// names one, fills ``AgentEvent/rootUUID``, and places each problem at `file:line:col`.
///
/// It keeps one entry per event id seen (to find roots), never the events themselves, so a trace read through it
/// needs memory for its ids, not for its bytes.
package struct TraceLineDecoder {
    /// What one line gave.
    package enum Outcome {
        case event(AgentEvent)
        /// Why the line was skipped: one or more diagnostics at its place.
        case problems([Diagnostic])
    }

    /// The format being read; detected from the first line that names one when nil.
    package private(set) var format: TraceFormat?
    /// The file named in diagnostics.
    package let file: String?
    private var rootOf: [String: String] = [:]
    private let parser = JSONParser()

    package init(format: TraceFormat?, file: String?) {
        self.format = format
        self.file = file
    }

    /// Decodes line `lineNumber`.
    package mutating func decode(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> Outcome {
        do throws(DiagnosticError) {
            return .event(try decodeEvent(line))
        } catch {
            return .problems(
                error.diagnostics.map { diagnostic in
                    var placed = diagnostic
                    placed.location = SourceLocation(
                        file: file,
                        line: lineNumber,
                        column: diagnostic.location?.column ?? 1
                    )
                    return placed
                }
            )
        }
    }

    private mutating func decodeEvent(_ line: UnsafeBufferPointer<UInt8>) throws(DiagnosticError) -> AgentEvent {
        let value = try parser.parse(line)
        let format: TraceFormat
        if let known = self.format {
            format = known
        } else {
            guard let detected = TraceFormat.detect(value) else {
                throw TraceIssue.error(
                    .traceUnknownFormat,
                    "cannot tell the trace format from this line",
                    hint: "IntermediateStep lines have a 'payload' object; ATOF lines have 'kind' and 'atof_version'"
                )
            }
            self.format = detected
            format = detected
        }
        var event = try format.decode(value)
        let root: String
        if let parent = event.parentUUID {
            root = rootOf[parent] ?? parent
        } else {
            root = event.uuid
        }
        if rootOf[event.uuid] == nil { rootOf[event.uuid] = root }
        event.rootUUID = root
        return event
    }
}

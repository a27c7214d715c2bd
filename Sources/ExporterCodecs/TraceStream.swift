import ExporterCore
import ExporterDiagnostics
import ExporterEvents

/// A trace read event by event from a ``LineReader``: what `scaffold replay` streams, in memory bounded by the
/// longest line allowed, whatever the trace's size.
///
/// A bad line is recorded in ``diagnostics`` and skipped; a failure to read on (an unreadable descriptor, a line
/// longer than the reader allows) ends the stream with a `TRACE001` or `TRACE010` error at the line reached.
package struct TraceStream {
    /// The lines, with whatever was read ahead (a sniff's peek) still in the reader's buffer.
    package var lines: LineReader
    private var decoder: TraceLineDecoder
    /// One diagnostic (or more) per bad line so far.
    package private(set) var diagnostics: [Diagnostic] = []
    /// The 1-based line number of the last event returned.
    package private(set) var lineNumber = 0
    /// Events returned so far.
    package private(set) var eventCount = 0

    package init(_ lines: LineReader, format: TraceFormat?, file: String?) {
        self.lines = lines
        decoder = TraceLineDecoder(format: format, file: file)
    }

    /// The format read, once detected.
    package var format: TraceFormat? { decoder.format }

    /// The next event, nil at the end of the trace.
    package mutating func next() throws(DiagnosticError) -> AgentEvent? {
        // The closure below may not touch `self` while `lines` is being read: the decoder is swapped out for the
        // call (a swap, not a copy, which would copy its id table on the next write).
        var decoder = TraceLineDecoder(format: nil, file: nil)
        swap(&decoder, &self.decoder)
        defer { swap(&decoder, &self.decoder) }
        while true {
            let outcome: (TraceLineDecoder.Outcome, Int)?
            do throws(LineReader.Failure) {
                outcome = try lines.withNextLine { line, number in (decoder.decode(line, lineNumber: number), number) }
            } catch {
                throw TraceStream.error(error, file: decoder.file)
            }
            guard let (result, number) = outcome else { return nil }
            switch result {
            case .event(let event):
                lineNumber = number
                eventCount += 1
                return event
            case .problems(let problems):
                diagnostics += problems
            }
        }
    }

    /// The diagnostic for a reader's failure, at the line it reached.
    package static func error(_ failure: LineReader.Failure, file: String?) -> DiagnosticError {
        switch failure {
        case .read(let error):
            DiagnosticError(
                .error(
                    .traceUnreadableFile,
                    "cannot read trace file: \(FileErrorReason.describe(error))",
                    at: SourceLocation(file: file, line: 1, column: 1)
                )
            )
        case .lineTooLong(let line, let limit):
            DiagnosticError(
                .error(
                    .traceLineTooLong,
                    "line \(line) is longer than \(limit) bytes; nothing after it was read",
                    at: SourceLocation(file: file, line: line, column: 1),
                    hint: "is this a JSON Lines trace? raise the limit with --max-line-length BYTES"
                )
            )
        }
    }
}

import ExporterCore
import ExporterDiagnostics
import ExporterEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What replaying a trace file gave: the replay's report and a diagnostic for every bad line, which was skipped.
public struct TraceFileReplay: Sendable {
    /// The exporters' reports; ``ReplayReport/eventCount`` is the events replayed.
    public var report: ReplayReport
    /// One diagnostic per line that is not valid JSON or not a valid event.
    public var diagnostics: [Diagnostic]
    /// Why reading stopped before the end (`TRACE001` for a read error, `TRACE010` for a line longer than the
    /// limit), when it did: the events before it were replayed and the exporters shut down.
    public var readFailure: DiagnosticError?
}

extension TraceReplayer {
    /// Replays the trace file at `path` (toolkit IntermediateStep or ATOF JSON lines, detected from the first line
    /// that names a format, or `format`) event by event, in memory bounded by the longest line whatever the
    /// trace's size, then shuts the exporters down. Bad lines are skipped and reported in the result.
    ///
    /// - Throws: `TRACE001` when the file cannot be opened (no exporter has started); otherwise what starting the
    ///   exporters throws.
    public func replay(
        contentsOfFile path: String,
        format: TraceFormat? = nil,
        maxLineLength: Int = 64 << 20
    ) async throws -> TraceFileReplay {
        let file: FileDescriptor
        do throws(FileIOError) {
            file = try FileDescriptor.open(path, O_RDONLY)
        } catch {
            throw TraceStream.error(.read(error), file: path)
        }
        defer { try? file.close() }
        var stream = TraceStream(LineReader(file, maxLineLength: maxLineLength), format: format, file: path)
        var readFailure: DiagnosticError?
        let report = try await replay {
            do throws(DiagnosticError) {
                return try stream.next()
            } catch {
                readFailure = error
                return nil
            }
        }
        return TraceFileReplay(report: report, diagnostics: stream.diagnostics, readFailure: readFailure)
    }
}

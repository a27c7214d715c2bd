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

/// What reading a trace gave: the events of every good line, a diagnostic for every bad one.
public struct TraceReadResult: Sendable {
    /// The events, in file order, with ``AgentEvent/rootUUID`` filled in.
    public var events: [AgentEvent]
    /// The 1-based line number of each event, parallel to ``events``.
    public var lineNumbers: [Int]
    /// One diagnostic per line that is not valid JSON (`JSON…`) or not a valid event (`TRACE…`).
    public var diagnostics: [Diagnostic]
    /// The format the lines were read as; nil when it could not be detected.
    public var format: TraceFormat?
}

/// Reads a JSON Lines trace into events, line by line, without ever stopping at a bad line.
///
/// Lines may end in LF or CRLF; blank lines are skipped. The format is given or detected from the first line
/// that names one. Each bad line gives one diagnostic at `file:line:col` (the column of the JSON error, or 1 for
/// `TRACE…` problems of valid JSON) and reading goes on. ``AgentEvent/rootUUID`` is filled by following
/// `parentUUID` through the events seen so far; when a parent never appeared (a partial file), the outermost id
/// that can be named (that parent's id) stands in for the root.
public struct TraceReader: Sendable {
    /// The format to read, or nil to detect it.
    public var format: TraceFormat?

    /// Creates a reader.
    public init(format: TraceFormat? = nil) {
        self.format = format
    }

    /// Reads a file; `TRACE001` when it cannot be read. Problems inside it are in the result's diagnostics.
    public func read(contentsOfFile path: String) throws(DiagnosticError) -> TraceReadResult {
        read(try Self.contents(ofFile: path), file: path)
    }

    /// Reads a buffer; `file` names it in diagnostics.
    public func read(_ bytes: [UInt8], file: String? = nil) -> TraceReadResult {
        var result = TraceReadResult(events: [], lineNumbers: [], diagnostics: [], format: format)
        var rootOf: [String: String] = [:]
        let parser = JSONParser()
        TraceLines.forEach(in: bytes) { line, lineNumber in
            func report(_ error: DiagnosticError) {
                for var diagnostic in error.diagnostics {
                    diagnostic.location = SourceLocation(
                        file: file,
                        line: lineNumber,
                        column: diagnostic.location?.column ?? 1
                    )
                    result.diagnostics.append(diagnostic)
                }
            }
            do throws(DiagnosticError) {
                let value = try parser.parse(line)
                if result.format == nil {
                    guard let detected = TraceFormat.detect(value) else {
                        report(
                            TraceIssue.error(
                                .traceUnknownFormat,
                                "cannot tell the trace format from this line",
                                hint:
                                    "IntermediateStep lines have a 'payload' object; ATOF lines have 'kind' and 'atof_version'"
                            )
                        )
                        return true
                    }
                    result.format = detected
                }
                guard let format = result.format else { return true }
                var event = try format.decode(value)
                let root: String
                if let parent = event.parentUUID {
                    root = rootOf[parent] ?? parent
                } else {
                    root = event.uuid
                }
                if rootOf[event.uuid] == nil { rootOf[event.uuid] = root }
                event.rootUUID = root
                result.events.append(event)
                result.lineNumbers.append(lineNumber)
            } catch {
                report(error)
            }
            return true
        }
        return result
    }

    /// The bytes of a file, read with POSIX calls (no Foundation on this path).
    static func contents(ofFile path: String) throws(DiagnosticError) -> [UInt8] {
        do throws(FileIOError) {
            let file = try FileDescriptor.open(path, O_RDONLY)
            defer { try? file.close() }
            return try file.readAll()
        } catch {
            throw unreadable(path, error.errno)
        }
    }

    private static func unreadable(_ path: String, _ code: Int32) -> DiagnosticError {
        DiagnosticError(
            .error(
                .traceUnreadableFile,
                "cannot read trace file: \(FileIOError.reason(code))",
                at: SourceLocation(file: path, line: 1, column: 1)
            )
        )
    }
}

/// Writes events as JSON Lines in one format: one line per event, each ending in `\n`.
public struct TraceWriter: Sendable {
    /// The format to write.
    public var format: TraceFormat

    /// Creates a writer.
    public init(format: TraceFormat = .intermediateStep) {
        self.format = format
    }

    /// Appends one event's line (with its newline).
    public func append(_ event: AgentEvent, to buffer: inout [UInt8]) {
        format.encode(event, to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Appends a line per event.
    public func append(contentsOf events: some Sequence<AgentEvent>, to buffer: inout [UInt8]) {
        for event in events { append(event, to: &buffer) }
    }

    /// The lines of `events` as one buffer.
    public func encode(_ events: some Sequence<AgentEvent>) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(events.underestimatedCount * 512)
        append(contentsOf: events, to: &buffer)
        return buffer
    }
}

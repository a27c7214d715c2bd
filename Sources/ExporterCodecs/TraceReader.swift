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

    /// Reads a file; `TRACE001` when it cannot be read, `TRACE010` when a line is longer than `maxLineLength`
    /// bytes. Problems inside it are in the result's diagnostics. The events are kept in memory: to replay a
    /// trace of any size, read it through a ``TraceStream`` instead.
    public func read(
        contentsOfFile path: String,
        maxLineLength: Int = 64 << 20
    ) throws(DiagnosticError) -> TraceReadResult {
        let file: FileDescriptor
        do throws(FileIOError) {
            file = try FileDescriptor.open(path, O_RDONLY)
        } catch {
            throw TraceStream.error(.read(error), file: path)
        }
        defer { try? file.close() }
        var stream = TraceStream(LineReader(file, maxLineLength: maxLineLength), format: format, file: path)
        return try collect(&stream)
    }

    /// Reads a buffer; `file` names it in diagnostics.
    public func read(_ bytes: [UInt8], file: String? = nil) -> TraceReadResult {
        var stream = TraceStream(LineReader(bytes: bytes), format: format, file: file)
        // Bytes in memory can neither fail to read nor hold a line longer than the limit (none).
        return (try? collect(&stream)) ?? TraceReadResult(events: [], lineNumbers: [], diagnostics: [], format: format)
    }

    private func collect(_ stream: inout TraceStream) throws(DiagnosticError) -> TraceReadResult {
        var result = TraceReadResult(events: [], lineNumbers: [], diagnostics: [], format: format)
        while let event = try stream.next() {
            result.events.append(event)
            result.lineNumbers.append(stream.lineNumber)
        }
        result.diagnostics = stream.diagnostics
        result.format = stream.format
        return result
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

import ExporterCodecs
import ExporterCore
import ExporterDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The trace `scaffold replay` reads: a file by path, or standard input for `-`, read through one ``LineReader``
/// so that the dead-letter sniff, the validating pass and the replay see the same bytes, and none is lost.
///
/// A regular file can be read twice: it is checked whole first (``validate(format:)``), so a bad one leaves the
/// outputs untouched, then rewound and streamed. A pipe, a FIFO or a terminal cannot: it is streamed once.
struct ReplayTraceSource {
    /// The name in diagnostics and output: the path, or `<stdin>` for `-`.
    let name: String
    private let descriptor: FileDescriptor
    private let ownsDescriptor: Bool
    /// True for a regular file, which is validated before it is replayed.
    let isRegularFile: Bool
    private var reader: LineReader

    /// Opens `path` (`-` is standard input); `TRACE001` when it cannot be opened.
    init(path: String, maxLineLength: Int) throws(DiagnosticError) {
        if path == "-" {
            name = "<stdin>"
            descriptor = FileDescriptor(rawValue: STDIN_FILENO, path: name)
            ownsDescriptor = false
        } else {
            name = path
            do throws(FileIOError) {
                descriptor = try FileDescriptor.open(path, O_RDONLY)
            } catch {
                throw TraceStream.error(.read(error), file: path)
            }
            ownsDescriptor = true
        }
        isRegularFile = descriptor.isRegularFile
        reader = LineReader(descriptor, maxLineLength: maxLineLength)
    }

    func close() {
        if ownsDescriptor { try? descriptor.close() }
    }

    /// True when the first non-blank line is a dead-letter record. It looks into the reader's buffer without
    /// consuming, so what it read is still replayed; an unreadable trace (a directory) is `TRACE001` here.
    mutating func isDeadLetterFile() throws(DiagnosticError) -> Bool {
        do throws(LineReader.Failure) {
            return try reader.peekLine { line in line.map(DeadLetterResend.isDeadLetterRecord) ?? false }
        } catch {
            throw TraceStream.error(error, file: name)
        }
    }

    /// The first pass over a regular file: every line decoded and checked, no event kept; then rewound.
    mutating func validate(format: TraceFormat?) throws(DiagnosticError) -> TraceCheck {
        var stream = TraceStream(reader, format: format, file: name)
        while try stream.next() != nil {}
        do throws(FileIOError) {
            try descriptor.rewind()
        } catch {
            throw TraceStream.error(.read(error), file: name)
        }
        reader = LineReader(descriptor, maxLineLength: reader.maxLineLength)
        return TraceCheck(events: stream.eventCount, diagnostics: stream.diagnostics, format: stream.format)
    }

    /// The events, read as they are asked for; for a stream, from where the sniff left them.
    func stream(format: TraceFormat?) -> TraceStream {
        TraceStream(reader, format: format, file: name)
    }
}

/// What the validating pass found.
struct TraceCheck {
    var events: Int
    var diagnostics: [Diagnostic]
    var format: TraceFormat?
}

import Synchronization

/// Where console output goes.
public enum ConsoleStream: String, Sendable, Hashable, CaseIterable, Decodable {
    /// Standard output.
    case stdout
    /// Standard error.
    case stderr

    var fileDescriptor: Int32 { self == .stdout ? 1 : 2 }
}

/// Prints span trees as text; shared by every run of a console exporter, so writes are serialized by a lock and
/// a tree is never interleaved with another. A tree counts as exported once it is written; a failed write refuses
/// it (it counts as failed) and leaves no torn tree behind (``RecordWriter``), as ``StreamSink`` does.
public final class ConsoleSink: ExportSink {
    public typealias Item = SpanTree

    private let renderer: ConsoleRenderer
    private let prefix: String
    private let writer: Mutex<RecordWriter>

    /// Creates a sink writing to `stream`; every line starts with `prefix` when it is not empty.
    public convenience init(renderer: ConsoleRenderer, stream: ConsoleStream = .stdout, prefix: String = "") {
        self.init(
            renderer: renderer,
            descriptor: FileDescriptor(rawValue: stream.fileDescriptor, path: "<\(stream.rawValue)>"),
            prefix: prefix
        )
    }

    /// Creates a sink writing to `descriptor` (a pipe, say), which its opener closes.
    package init(renderer: ConsoleRenderer, descriptor: FileDescriptor, prefix: String = "") {
        self.renderer = renderer
        self.prefix = prefix
        writer = Mutex(RecordWriter(descriptor: descriptor))
    }

    public func export(_ tree: SpanTree) async throws {
        var text = renderer.render(tree)
        if !prefix.isEmpty {
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : prefix + " " + $0 }
                .joined(separator: "\n")
        }
        let bytes = Array(text.utf8)
        try writer.withLock { writer throws(FileSinkError) in
            if let error = writer.write(record: bytes).error {
                throw .write(path: error.path, errno: error.errno)
            }
        }
    }
}

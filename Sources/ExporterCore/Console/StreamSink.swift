import Synchronization

/// Writes each payload to standard output or standard error as it is: the console transport of `raw` exporters,
/// whose payloads are serialized events. Shared by every run of an exporter, so writes are serialized by a lock
/// and one payload is never interleaved with another.
///
/// A payload counts as exported once it is written; a failed write (a closed pipe: `EPIPE`, in a process that
/// ignores `SIGPIPE`; a full disk behind a redirection) refuses it, so it counts as failed, and leaves no torn
/// payload behind (``RecordWriter``).
public final class StreamSink: ExportSink {
    public typealias Item = [UInt8]

    private let writer: Mutex<RecordWriter>

    /// Creates a sink writing to `stream`.
    public convenience init(stream: ConsoleStream = .stdout) {
        self.init(descriptor: FileDescriptor(rawValue: stream.fileDescriptor, path: "<\(stream.rawValue)>"))
    }

    /// Creates a sink writing to `descriptor` (a pipe, say), which its opener closes.
    package init(descriptor: FileDescriptor) {
        writer = Mutex(RecordWriter(descriptor: descriptor))
    }

    public func export(_ payload: [UInt8]) async throws {
        try writer.withLock { writer throws(FileSinkError) in
            if let error = writer.write(record: payload).error {
                throw .write(path: error.path, errno: error.errno)
            }
        }
    }
}

import Synchronization

/// Writes each payload to standard output or standard error as it is: the console transport of `raw` exporters,
/// whose payloads are serialized events. Shared by every run of an exporter, so writes are serialized by a lock
/// and one payload is never interleaved with another.
public final class StreamSink: ExportSink {
    public typealias Item = [UInt8]

    private let stream: ConsoleStream
    private let lock = Mutex(())

    /// Creates a sink writing to `stream`.
    public init(stream: ConsoleStream = .stdout) {
        self.stream = stream
    }

    public func export(_ payload: [UInt8]) async throws {
        let descriptor = FileDescriptor(rawValue: stream.fileDescriptor, path: "<\(stream.rawValue)>")
        try lock.withLock { _ throws(FileSinkError) in
            do throws(FileIOError) {
                try descriptor.writeAll(payload)
            } catch {
                throw .write(path: error.path, errno: error.errno)
            }
        }
    }
}

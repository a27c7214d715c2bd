import ExporterCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only JSON Lines file of ``DeadLetterRecord``s, written through one open handle shared by every
/// run of an exporter.
///
/// Each record is one `write` of a whole line followed by `fsync`, under an exclusive `flock` (a line a failed
/// write tore is cut off again, see `RecordWriter`): a
/// ``DeadLetterReplayer`` (in this or another process) that rewrites the file takes the same lock, and the
/// handle reopens the path when the replayer has replaced the file, so no line is lost to a stale inode.
public final class DeadLetterFile: Sendable {
    /// The file.
    public let path: String
    private let descriptor: Mutex<FileDescriptor?>

    /// Opens (creating if needed) the file at `path` for appending.
    public init(path: String) throws(DeadLetterFileError) {
        self.path = path
        descriptor = Mutex(try Self.openForAppend(path))
    }

    deinit {
        descriptor.withLock { descriptor in try? descriptor?.close() }
    }

    /// Appends `record` as one line and makes it durable.
    public func append(_ record: DeadLetterRecord) throws(DeadLetterFileError) {
        let line = record.jsonLine
        try descriptor.withLock { (descriptor: inout FileDescriptor?) throws(DeadLetterFileError) in
            let current = try Self.lockCurrentFile(path: path, descriptor: &descriptor)
            defer { current.unlock() }
            // A write that fails part way (a full disk) is cut back, so the file keeps only whole lines.
            var writer = RecordWriter(descriptor: current)
            if let error = writer.write(record: line).error { throw DeadLetterFileError(error) }
            do throws(FileIOError) {
                try current.sync()
            } catch {
                throw DeadLetterFileError(error)
            }
        }
    }

    /// Makes everything appended durable (each append already is; this reports a closed file as such).
    public func sync() throws(DeadLetterFileError) {
        try descriptor.withLock { (descriptor: inout FileDescriptor?) throws(DeadLetterFileError) in
            do throws(FileIOError) {
                try descriptor?.sync()
            } catch {
                throw DeadLetterFileError(error)
            }
        }
    }

    /// Closes the handle; later appends throw.
    public func close() {
        descriptor.withLock { descriptor in
            try? descriptor?.close()
            descriptor = nil
        }
    }

    static func openForAppend(_ path: String) throws(DeadLetterFileError) -> FileDescriptor {
        do throws(FileIOError) {
            return try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_APPEND, permissions: 0o600)
        } catch {
            throw DeadLetterFileError(error)
        }
    }

    /// Locks the file `path` names now, reopening when `descriptor` refers to a file the path no longer names
    /// (replaced by a replayer's rewrite, or deleted); returns the locked descriptor. `descriptor` is nil
    /// afterwards only when the file was closed or could not be reopened.
    static func lockCurrentFile(
        path: String,
        descriptor: inout FileDescriptor?
    ) throws(DeadLetterFileError) -> FileDescriptor {
        while true {
            guard let current = descriptor else {
                throw DeadLetterFileError(operation: "append to", path: path, code: 0)
            }
            do throws(FileIOError) {
                try current.lockExclusively()
            } catch {
                throw DeadLetterFileError(error)
            }
            if Self.names(path, current) { return current }
            current.unlock()
            try? current.close()
            descriptor = nil
            descriptor = try openForAppend(path)
        }
    }

    /// True when `path` names the file open at `descriptor`.
    static func names(_ path: String, _ descriptor: FileDescriptor) -> Bool {
        var opened = stat()
        var named = stat()
        return fstat(descriptor.rawValue, &opened) == 0 && stat(path, &named) == 0 && opened.st_ino == named.st_ino
            && opened.st_dev == named.st_dev
    }
}

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
/// Each record is one `write` of a whole line followed by `fsync`, under an exclusive `flock`: a
/// ``DeadLetterReplayer`` (in this or another process) that rewrites the file takes the same lock, and the
/// handle reopens the path when the replayer has replaced the file, so no line is lost to a stale inode.
public final class DeadLetterFile: Sendable {
    /// The file.
    public let path: String
    private let descriptor: Mutex<Int32?>

    /// Opens (creating if needed) the file at `path` for appending.
    public init(path: String) throws(DeadLetterFileError) {
        self.path = path
        descriptor = Mutex(try Self.openForAppend(path))
    }

    deinit {
        descriptor.withLock { descriptor in
            if let open = descriptor { _ = DeadLetterFile.closeDescriptor(open) }
        }
    }

    /// Appends `record` as one line and makes it durable.
    public func append(_ record: DeadLetterRecord) throws(DeadLetterFileError) {
        let line = record.jsonLine
        try descriptor.withLock { (descriptor: inout Int32?) throws(DeadLetterFileError) in
            let current = try Self.lockCurrentFile(path: path, descriptor: &descriptor)
            defer { _ = flock(current, LOCK_UN) }
            try Self.writeAll(line, to: current, path: path)
            guard fsync(current) == 0 else { throw DeadLetterFileError(operation: "fsync", path: path, code: errno) }
        }
    }

    /// Makes everything appended durable (each append already is; this reports a closed file as such).
    public func sync() throws(DeadLetterFileError) {
        try descriptor.withLock { (descriptor: inout Int32?) throws(DeadLetterFileError) in
            guard let open = descriptor else { return }
            guard fsync(open) == 0 else { throw DeadLetterFileError(operation: "fsync", path: path, code: errno) }
        }
    }

    /// Closes the handle; later appends throw.
    public func close() {
        descriptor.withLock { descriptor in
            if let open = descriptor { _ = DeadLetterFile.closeDescriptor(open) }
            descriptor = nil
        }
    }

    static func openForAppend(_ path: String) throws(DeadLetterFileError) -> Int32 {
        let open = DeadLetterFile.openDescriptor(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard open >= 0 else { throw DeadLetterFileError(operation: "open", path: path, code: errno) }
        return open
    }

    /// Locks the file `path` names now, reopening when `descriptor` refers to a file the path no longer names
    /// (replaced by a replayer's rewrite, or deleted); returns the locked descriptor. `descriptor` is nil
    /// afterwards only when the file was closed or could not be reopened.
    static func lockCurrentFile(path: String, descriptor: inout Int32?) throws(DeadLetterFileError) -> Int32 {
        while true {
            guard let current = descriptor else {
                throw DeadLetterFileError(operation: "append to", path: path, code: 0)
            }
            while flock(current, LOCK_EX) != 0 {
                guard errno == EINTR else { throw DeadLetterFileError(operation: "lock", path: path, code: errno) }
            }
            if Self.names(path, current) { return current }
            _ = flock(current, LOCK_UN)
            _ = DeadLetterFile.closeDescriptor(current)
            descriptor = nil
            descriptor = try openForAppend(path)
        }
    }

    /// True when `path` names the file open at `descriptor`.
    static func names(_ path: String, _ descriptor: Int32) -> Bool {
        var opened = stat()
        var named = stat()
        return fstat(descriptor, &opened) == 0 && stat(path, &named) == 0 && opened.st_ino == named.st_ino
            && opened.st_dev == named.st_dev
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(DeadLetterFileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw DeadLetterFileError(operation: "write", path: path, code: errno)
            }
            offset += written
        }
    }
}

extension DeadLetterFile {
    // The class's own `close()` shadows the C function inside it and its extensions.
    static func closeDescriptor(_ descriptor: Int32) -> Int32 {
        posixClose(descriptor)
    }

    static func openDescriptor(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        open(path, flags, mode)
    }
}

private func posixClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

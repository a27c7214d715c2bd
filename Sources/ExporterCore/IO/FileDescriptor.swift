#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor and the path it was opened from, so that every failure names the file.
///
/// The one place of the package that makes the POSIX calls of the sinks (file, console, ATIF, dead-letter):
/// each call retries after `EINTR` where that is safe, and reports failure as a ``FileIOError``. It does not own
/// the descriptor: whoever opened it closes it, once. It also spares the sinks the C functions, which their own
/// `close()` and `write(_:)` methods shadow.
package struct FileDescriptor: Sendable, Hashable {
    /// The descriptor.
    package let rawValue: Int32
    /// The path named in errors (`<stdout>` for a standard stream).
    package let path: String

    /// Wraps a descriptor opened elsewhere (a standard stream, say).
    package init(rawValue: Int32, path: String) {
        self.rawValue = rawValue
        self.path = path
    }

    /// Opens `path` with `flags` (`O_CLOEXEC` is added), creating it with `permissions` when `O_CREAT` is set.
    package static func open(
        _ path: String,
        _ flags: Int32,
        permissions: mode_t = 0o644
    ) throws(FileIOError) -> FileDescriptor {
        while true {
            let descriptor = systemOpen(path, flags | O_CLOEXEC, permissions)
            if descriptor >= 0 { return FileDescriptor(rawValue: descriptor, path: path) }
            // A blocking open (a FIFO) can be interrupted by a signal before anything happened.
            guard errno == EINTR else { throw FileIOError(.open, path: path, errno: errno) }
        }
    }

    /// Flushes the file to disk.
    package func sync() throws(FileIOError) {
        guard fsync(rawValue) != 0 else { return }
        throw FileIOError(.fsync, path: path, errno: errno)
    }

    /// Takes an exclusive `flock`, waiting for it across signals.
    package func lockExclusively() throws(FileIOError) {
        while flock(rawValue, LOCK_EX) != 0 {
            guard errno == EINTR else { throw FileIOError(.lock, path: path, errno: errno) }
        }
    }

    /// Releases the `flock`; the descriptor is valid, so there is nothing to report.
    package func unlock() {
        _ = flock(rawValue, LOCK_UN)
    }

    /// Closes the descriptor. Never retried: after `EINTR` Linux has closed it already, and another thread may
    /// own the number by then. An error (a late write error on a network file system) is still reported.
    package func close() throws(FileIOError) {
        guard systemClose(rawValue) != 0 else { return }
        throw FileIOError(.close, path: path, errno: errno)
    }
}

// The type's own `open` and `close` shadow the C functions inside it.
private func systemOpen(_ path: String, _ flags: Int32, _ permissions: mode_t) -> Int32 {
    open(path, flags, permissions)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call on a file failed: what was being done, to which path, and the `errno` it left.
///
/// The one error of ``FileDescriptor`` and ``createDirectories(_:permissions:)``; the public errors of the sinks
/// (``FileSinkError``, `ATIFFileSinkError`, `DeadLetterFileError`) are built from it so that their cases and
/// messages, which users match on and read, stay as they were.
package struct FileIOError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The system call that failed; the raw value is the verb the descriptions use.
    package enum Operation: String, Sendable, Hashable {
        case open
        case read
        case write
        case fsync
        case close
        case lock
        case createDirectory = "create directory"
    }

    /// What was being done.
    package var operation: Operation
    /// The file (or, for ``Operation/createDirectory``, the directory that could not be created).
    package var path: String
    /// The `errno` the call left.
    package var errno: Int32

    package init(_ operation: Operation, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    package var description: String {
        "cannot \(operation.rawValue) '\(path)': \(reason)"
    }

    /// The system's text for ``errno`` (`No space left on device`).
    package var reason: String {
        Self.reason(errno)
    }

    /// The system's text for `code`; the one place that asks `strerror`.
    package static func reason(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}

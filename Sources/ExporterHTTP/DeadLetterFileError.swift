#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call on a dead-letter file failed.
public struct DeadLetterFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done (`open`, `write`, `fsync`, `rename`, ...).
    public var operation: String
    /// The file.
    public var path: String
    /// The `errno` value, or 0 when the file had been closed.
    public var code: Int32

    /// Creates an error.
    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String {
        let reason = code == 0 ? "the dead-letter file is closed" : String(cString: strerror(code))
        return "cannot \(operation) dead-letter file \(path): \(reason)"
    }
}

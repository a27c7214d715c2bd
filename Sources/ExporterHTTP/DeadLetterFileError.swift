import ExporterCore

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

    /// The error of a failed system call; its operation names (`open`, `write`, `fsync`, `lock`) are the ones
    /// this type always had.
    package init(_ error: FileIOError) {
        self.init(operation: error.operation.rawValue, path: error.path, code: error.errno)
    }

    public var description: String {
        let reason = code == 0 ? "the dead-letter file is closed" : FileIOError.reason(code)
        return "cannot \(operation) dead-letter file \(path): \(reason)"
    }
}

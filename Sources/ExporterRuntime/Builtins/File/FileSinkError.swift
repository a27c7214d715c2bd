#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the file sink could not write.
public enum FileSinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be opened or created.
    case open(path: String, errno: Int32)
    /// Writing failed; the bytes stay buffered and are written by the next successful write or flush.
    case write(path: String, errno: Int32)
    /// Flushing to disk (`fsync`) failed.
    case sync(path: String, errno: Int32)
    /// Rolling over to a new file failed.
    case roll(path: String, errno: Int32)
    /// Writes kept failing and the buffer reached its limit; the item was not accepted.
    case bufferFull(path: String, limit: Int)
    /// The sink was closed.
    case closed(path: String)

    public var description: String {
        switch self {
        case .open(let path, let code): "cannot open '\(path)': \(Self.text(code))"
        case .write(let path, let code): "cannot write to '\(path)': \(Self.text(code))"
        case .sync(let path, let code): "cannot sync '\(path)' to disk: \(Self.text(code))"
        case .roll(let path, let code): "cannot roll over '\(path)': \(Self.text(code))"
        case .bufferFull(let path, let limit):
            "writes to '\(path)' keep failing and \(limit) bytes are waiting; refusing more"
        case .closed(let path): "the file sink for '\(path)' is closed"
        }
    }

    private static func text(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

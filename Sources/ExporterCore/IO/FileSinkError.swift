/// Why the file sink could not write.
public enum FileSinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be opened or created.
    case open(path: String, errno: Int32)
    /// A write failed (the console exporter reports a failing terminal with it too).
    case write(path: String, errno: Int32)
    /// Writes failed and `records` records (`bytes` bytes, a torn record's included) never reached the file;
    /// they count as failed. Thrown by ``FileSink/flush()`` and ``FileSink/finish()`` for the losses since the
    /// last flush.
    case lost(path: String, errno: Int32, records: Int, bytes: Int)
    /// Flushing to disk (`fsync`) failed.
    case sync(path: String, errno: Int32)
    /// Closing the file failed (on network file systems, a late write error).
    case close(path: String, errno: Int32)
    /// Rolling over to a new file failed; the current file keeps growing and nothing is lost.
    case roll(path: String, errno: Int32)
    /// The directory could not be listed to find rolled files.
    case list(path: String, errno: Int32)
    /// An old rolled file could not be deleted.
    case delete(path: String, errno: Int32)
    /// The sink was closed.
    case closed(path: String)

    public var description: String {
        switch self {
        case .open(let path, let code): "cannot open '\(path)': \(Self.text(code))"
        case .write(let path, let code): "cannot write to '\(path)': \(Self.text(code))"
        case .lost(let path, let code, let records, let bytes):
            "cannot write to '\(path)': \(Self.text(code)); \(Self.records(records, bytes)) never reached the file"
        case .sync(let path, let code): "cannot sync '\(path)' to disk: \(Self.text(code))"
        case .close(let path, let code): "cannot close '\(path)': \(Self.text(code))"
        case .roll(let path, let code):
            "cannot roll over '\(path)': \(Self.text(code)); it keeps growing past max_file_size"
        case .list(let path, let code): "cannot list '\(path)' to find rolled files: \(Self.text(code))"
        case .delete(let path, let code): "cannot delete the old rolled file '\(path)': \(Self.text(code))"
        case .closed(let path): "the file sink for '\(path)' is closed"
        }
    }

    private static func records(_ records: Int, _ bytes: Int) -> String {
        "\(records) \(records == 1 ? "record" : "records") (\(bytes) \(bytes == 1 ? "byte" : "bytes"))"
    }

    private static func text(_ code: Int32) -> String {
        FileIOError.reason(code)
    }
}

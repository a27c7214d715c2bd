import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends encoded lines to a file through one open handle, buffered, with optional rolling.
///
/// Shared by every run of a file exporter: writes are serialized by a lock and each item (a whole line or a
/// whole batch of lines) lands in one file, never split. `flush()` writes the buffer and `fsync`s; a failed write
/// keeps the bytes and reports the error (the next write or flush tries again) instead of losing them.
public final class FileSink: ExportSink {
    public typealias Item = [UInt8]

    /// How the sink treats an existing file.
    public enum Mode: String, Sendable, Hashable, CaseIterable, Decodable {
        /// Keep what is there and add to it.
        case append
        /// Start from an empty file.
        case overwrite
    }

    /// Rolling: when the current file would grow past `maxFileSize`, it becomes `name.1.ext` (older ones shift
    /// up) and a new file starts; at most `maxFiles` rolled files are kept.
    public struct Rolling: Sendable, Hashable {
        /// The size a file may reach before it is rolled, in bytes.
        public var maxFileSize: Int
        /// How many rolled files to keep besides the current one.
        public var maxFiles: Int

        /// Creates rolling settings.
        public init(maxFileSize: Int = 10 * 1024 * 1024, maxFiles: Int = 5) {
            self.maxFileSize = maxFileSize
            self.maxFiles = maxFiles
        }
    }

    private struct State {
        var descriptor: Int32
        var size: Int
        var buffer: [UInt8] = []
        var closed = false
    }

    /// The file written to.
    public let path: String
    private let rolling: Rolling?
    private let bufferLimit: Int
    private let writeThreshold: Int
    private let state: Mutex<State>

    /// Opens (creating directories as needed) the file at `path`.
    ///
    /// - Parameters:
    ///   - cleanupOnInit: delete rolled files left by earlier runs.
    ///   - writeThreshold: buffered bytes that trigger a write.
    ///   - bufferLimit: buffered bytes at which a failing sink refuses more items.
    public init(
        path: String,
        mode: Mode = .append,
        rolling: Rolling? = nil,
        cleanupOnInit: Bool = false,
        writeThreshold: Int = 64 * 1024,
        bufferLimit: Int = 16 * 1024 * 1024
    ) throws {
        self.path = path
        self.rolling = rolling
        self.writeThreshold = writeThreshold
        self.bufferLimit = bufferLimit
        try Self.createParentDirectories(of: path)
        if cleanupOnInit {
            for index in 1...max(1, rolling?.maxFiles ?? 0) + 16 {
                unlink(Self.rolledPath(path, index))
            }
        }
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC
        flags |= mode == .overwrite ? O_TRUNC : O_APPEND
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw FileSinkError.open(path: path, errno: errno) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        state = Mutex(State(descriptor: descriptor, size: size))
    }

    deinit {
        state.withLock { state in
            if !state.closed { closeDescriptor(state.descriptor) }
        }
    }

    public func export(_ bytes: [UInt8]) async throws {
        try state.withLock { state in
            guard !state.closed else { throw FileSinkError.closed(path: path) }
            guard state.buffer.count + bytes.count <= bufferLimit || state.buffer.isEmpty else {
                // Earlier writes failed and kept their bytes; try once more before refusing.
                try writeBuffer(&state)
                guard state.buffer.count + bytes.count <= bufferLimit else {
                    throw FileSinkError.bufferFull(path: path, limit: bufferLimit)
                }
                state.buffer += bytes
                return
            }
            state.buffer += bytes
            if state.buffer.count >= writeThreshold { try writeBuffer(&state) }
        }
    }

    public func flush() async throws {
        try state.withLock { state in
            guard !state.closed else { return }
            try writeBuffer(&state)
            guard fsync(state.descriptor) == 0 else { throw FileSinkError.sync(path: path, errno: errno) }
        }
    }

    public func close() async {
        state.withLock { state in
            guard !state.closed else { return }
            try? writeBuffer(&state)
            fsync(state.descriptor)
            closeDescriptor(state.descriptor)
            state.closed = true
        }
    }

    private func writeBuffer(_ state: inout State) throws {
        guard !state.buffer.isEmpty else { return }
        if let rolling, state.size > 0, state.size + state.buffer.count > rolling.maxFileSize {
            try roll(&state, rolling)
        }
        var offset = 0
        defer { state.buffer.removeFirst(offset) }
        while offset < state.buffer.count {
            let written = state.buffer.withUnsafeBytes { raw in
                write(state.descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSinkError.write(path: path, errno: errno)
            }
            offset += written
            state.size += written
        }
    }

    private func roll(_ state: inout State, _ rolling: Rolling) throws {
        fsync(state.descriptor)
        closeDescriptor(state.descriptor)
        unlink(Self.rolledPath(path, rolling.maxFiles))
        if rolling.maxFiles >= 2 {
            for index in stride(from: rolling.maxFiles - 1, through: 1, by: -1) {
                rename(Self.rolledPath(path, index), Self.rolledPath(path, index + 1))
            }
        }
        if rolling.maxFiles >= 1 {
            rename(path, Self.rolledPath(path, 1))
        } else {
            unlink(path)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            state.closed = true
            throw FileSinkError.roll(path: path, errno: errno)
        }
        state.descriptor = descriptor
        state.size = 0
    }

    /// `traces.jsonl` → `traces.1.jsonl`; `traces` → `traces.1`.
    static func rolledPath(_ path: String, _ index: Int) -> String {
        let slash = path.lastIndex(of: "/")
        let nameStart = slash.map { path.index(after: $0) } ?? path.startIndex
        if let dot = path[nameStart...].lastIndex(of: "."), dot != nameStart {
            return "\(path[..<dot]).\(index)\(path[dot...])"
        }
        return "\(path).\(index)"
    }

    private static func createParentDirectories(of path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        var current = ""
        for component in path[..<slash].split(separator: "/", omittingEmptySubsequences: false) {
            current += (current.isEmpty && path.hasPrefix("/") ? "/" : current.isEmpty ? "" : "/") + component
            if component.isEmpty || component == "." { continue }
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw FileSinkError.open(path: path, errno: errno)
            }
        }
    }
}

// The sink's own `close()` shadows the C function inside the class.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

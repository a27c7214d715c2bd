import ExporterCore
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends encoded records (a line or a batch of lines) to a file through one open handle, buffered, with the
/// toolkit's optional rolling.
///
/// Shared by every run of a file exporter: writes are serialized by a lock and each record lands in one file,
/// never split. With rolling, the size is checked before every record, as the toolkit does: once the current
/// file has reached `maxFileSize` it is renamed to `stem_YYYYMMDD_HHMMSS_ffffff.ext` and a new one starts, so no
/// file exceeds the limit by more than one record; the newest `maxFiles` rolled files are kept.
///
/// A record counts as exported only once all its bytes are written (handed to the system by `write(2)`): records
/// wait in a buffer of `writeThreshold` bytes, and the exporter hears what became of each through its
/// ``ExportReceipt``. A write that fails (a full disk: `ENOSPC`, `EFBIG`) loses the records it did not finish,
/// which count as failed; the bytes of a record it tore are cut off again (`ftruncate`), so the file ends on a
/// whole line, or, where they cannot be (a device), the next write starts on a fresh line. Nothing is retried:
/// the next records are written normally once there is space again. The loss is logged when it starts and
/// reported by the next ``flush()`` or ``finish()`` (``FileSinkError/lost(path:errno:records:bytes:)``).
/// ``export(_:)`` throws only when the sink is closed.
public final class FileSink: ExportSink {
    public typealias Item = [UInt8]

    /// How the sink treats an existing file.
    public enum Mode: String, Sendable, Hashable, CaseIterable, Decodable {
        /// Keep what is there and add to it.
        case append
        /// Start from an empty file.
        case overwrite
    }

    /// Rolling: once the current file has reached `maxFileSize`, the next record goes to a new file and the
    /// full one is renamed with a timestamp; the newest `maxFiles` rolled files are kept.
    public struct Rolling: Sendable, Hashable {
        /// The size at which a file is rolled before the next record, in bytes.
        public var maxFileSize: Int
        /// How many rolled files to keep besides the current one.
        public var maxFiles: Int

        /// Creates rolling settings.
        public init(maxFileSize: Int = 10 * 1024 * 1024, maxFiles: Int = 5) {
            self.maxFileSize = maxFileSize
            self.maxFiles = maxFiles
        }
    }

    /// The file written to (with rolling, the current file).
    public let path: String
    /// How an existing file was treated.
    public let mode: Mode
    /// The rolling settings; nil when the file never rolls.
    public let rolling: Rolling?
    /// Whether files of earlier runs were cleaned up when the sink opened.
    public let cleanupOnInit: Bool
    let rolledNames: RolledFileNames
    let writeThreshold: Int
    let logger: Logger
    let state: Mutex<FileSinkState>

    /// Opens (creating directories as needed) the file at `path`.
    ///
    /// - Parameters:
    ///   - mode: `.overwrite` empties the file now; with rolling, a file that already reached `maxFileSize` is
    ///     rolled instead, as the toolkit does.
    ///   - cleanupOnInit: as the toolkit: with rolling, delete the rolled files beyond the `maxFiles` newest;
    ///     without, delete the file itself in `.overwrite` mode. Nothing else is ever deleted.
    ///   - writeThreshold: buffered bytes that trigger a write.
    ///   - logger: where failures that no caller is waiting for go (a failed write while exporting, a failed
    ///     deletion of an old rolled file, a loss at ``close()``).
    public init(
        path: String,
        mode: Mode = .append,
        rolling: Rolling? = nil,
        cleanupOnInit: Bool = false,
        writeThreshold: Int = 64 * 1024,
        logger: Logger = Logger(label: "ExporterRuntime.FileSink")
    ) throws {
        self.path = path
        self.mode = mode
        self.rolling = rolling
        self.cleanupOnInit = cleanupOnInit
        self.writeThreshold = writeThreshold
        var logger = logger
        logger[metadataKey: "file"] = "\(path)"
        self.logger = logger
        rolledNames = RolledFileNames(currentPath: path)
        state = Mutex(try Self.openFile(path: path, mode: mode, rolling: rolling, cleanupOnInit: cleanupOnInit, logger))
        if mode == .overwrite { try startEmpty() }
    }

    deinit {
        state.withLock { state in
            guard !state.closed else { return }
            // Released without finish(): write what is left, and say so when that fails.
            if state.writePending(path: path) != nil, let lost = state.takeLoss() {
                logger.error("file sink released without close", metadata: ["error": "\(lost)"])
            }
            try? state.descriptor.close()
        }
    }

    /// Accepts `record`, counted as exported once it is written; throws only when the sink is closed.
    public func export(_ record: [UInt8]) async throws {
        try await export(record, receipt: .untracked)
    }

    /// Accepts `record`, settling `receipt` once it is written or lost; throws only when the sink is closed.
    public func export(_ record: [UInt8], receipt: ExportReceipt) async throws {
        try state.withLock { state throws(FileSinkError) in
            guard !state.closed else { throw .closed(path: path) }
            if let rolling, state.size + state.pending.bytes.count >= rolling.maxFileSize {
                // What is buffered belongs to the full file; the record starts the next one.
                if write(&state) { roll(&state, rolling) }
            }
            state.pending.append(record, receipt: receipt)
            if state.pending.bytes.count >= writeThreshold { write(&state) }
        }
    }

    /// Writes what is buffered and syncs it to disk.
    ///
    /// - Throws: ``FileSinkError/lost(path:errno:records:bytes:)`` when writes since the last flush lost records
    ///   (counted as failed through their receipts); ``FileSinkError/sync(path:errno:)``; a roll failure since
    ///   the last flush, once.
    public func flush() async throws {
        try state.withLock { state throws(FileSinkError) in
            guard !state.closed else { return }
            state.writePending(path: path)
            let sync = syncFileDescriptor(state.descriptor)
            if let loss = state.takeLoss() { throw loss }
            if let code = sync { throw .sync(path: path, errno: code) }
            if let error = state.unreportedError {
                state.unreportedError = nil
                throw error
            }
        }
    }

    /// Writes what is buffered, syncs and closes the file. Later calls do nothing.
    ///
    /// - Throws: ``FileSinkError/lost(path:errno:records:bytes:)`` naming the records that could not be written
    ///   since the last flush; else a sync or close failure, or a roll failure no flush reported.
    public func finish() async throws {
        try state.withLock { state throws(FileSinkError) in
            guard !state.closed else { return }
            state.closed = true
            state.writePending(path: path)
            var failure = state.takeLoss()
            if let code = syncFileDescriptor(state.descriptor) { failure = failure ?? .sync(path: path, errno: code) }
            do throws(FileIOError) {
                try state.descriptor.close()
            } catch {
                failure = failure ?? .close(path: path, errno: error.errno)
            }
            if let failure = failure ?? state.unreportedError { throw failure }
        }
    }

    /// ``finish()``, for ``ExportSink``: what it throws is logged as an error, with the records lost.
    public func close() async {
        do {
            try await finish()
        } catch {
            logger.error("closing the file failed", metadata: ["error": "\(error)"])
        }
    }

    /// Writes the buffer; false when a write failed and lost records. The first failure of a series is logged
    /// (the next flush reports the loss), so that a long outage is visible before the next flush.
    @discardableResult
    func write(_ state: inout FileSinkState) -> Bool {
        let wasFailing = state.failing
        guard let failed = state.writePending(path: path), let error = failed.error else { return true }
        if !wasFailing {
            logger.error(
                "write failed; the records it did not finish are lost",
                metadata: [
                    "error": "\(FileSinkError.write(path: path, errno: error.errno))",
                    "records": "\(failed.lostRecords)", "bytes": "\(failed.lostBytes)",
                ]
            )
        }
        return false
    }
}

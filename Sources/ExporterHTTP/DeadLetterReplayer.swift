import ExporterCore
import ExporterDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends the payloads of a dead-letter file again and removes the ones that got through.
///
/// Each record's body goes with its recorded content type and encoding to the endpoint, headers and
/// authentication of the sink the caller supplies, under that sink's retry policy (and counted in its
/// statistics); a failure there is not dead-lettered again: the line simply stays. Malformed lines stay too,
/// each reported once with its line number.
///
/// The file is streamed, in memory bounded by its longest line (``maxLineLength``), whatever its size. Its size is
/// taken under its `flock`; the lines up to there are read and sent unlocked, and the bytes that stay (lines still
/// failing, malformed ones, and the rest of the file when the replay stops early) are copied as they are, in
/// order, to a temporary file. The swap then happens under the lock again: whatever live ``DeadLetterFile``
/// appenders added meanwhile is copied after them, the temporary file is `fsync`ed and renamed over the original,
/// so appenders lose nothing. A file that nothing was re-sent from is left untouched.
public struct DeadLetterReplayer: Sendable {
    /// The dead-letter file.
    public let path: String
    /// The most bytes one line may hold; a longer line, and everything after it, stays unsent.
    public let maxLineLength: Int

    /// Creates a replayer for the file at `path`; lines up to `maxLineLength` bytes (64 MiB by default).
    public init(path: String, maxLineLength: Int = 64 << 20) {
        self.path = path
        self.maxLineLength = maxLineLength
    }

    /// Re-sends every record through `sink`.
    ///
    /// - Throws: ``DiagnosticError`` `HTTP004` when the file cannot be read or rewritten; `CancellationError`
    ///   when the task was cancelled (the lines re-sent until then are removed first).
    public func replay(through sink: HTTPExportSink) async throws -> DeadLetterReplayReport {
        let (source, snapshot) = try openSnapshot()
        defer { try? source.close() }
        var survivors = SurvivingBytes(path: path, source: source)
        defer { survivors.discard() }
        var reader = LineReader(source, maxLineLength: maxLineLength, byteLimit: snapshot.size)
        var report = DeadLetterReplayReport()
        var cancelled = false
        var readFailure: DiagnosticError?
        while !cancelled {
            if Task.isCancelled {
                cancelled = true
                break
            }
            let lineStart: Int
            let next: (line: [UInt8], number: Int)?
            do throws(LineReader.Failure) {
                // The peek consumes the blank lines before the line, so they stay with the bytes before it.
                try reader.peekLine { _ in }
                lineStart = reader.offset
                next = try reader.withNextLine { line, number in (Array(line), number) }
            } catch .lineTooLong(let line, let limit) {
                report.malformed += 1
                report.diagnostics.append(
                    .error(
                        .httpDeadLetterUnusableFile,
                        "line \(line) is longer than \(limit) bytes; it and the lines after it stay unsent",
                        at: SourceLocation(file: path, line: line, column: 1)
                    )
                )
                break
            } catch .read(let error) {
                readFailure = unusable("cannot read: \(FileErrorReason.describe(error))")
                break
            }
            guard let (line, number) = next else { break }
            let lineBytes = lineStart..<reader.offset
            let record: DeadLetterRecord
            do throws(DiagnosticError) {
                record = try DeadLetterRecord(parsing: line)
            } catch {
                report.malformed += 1
                report.diagnostics += error.diagnostics.map { diagnostic in
                    var located = diagnostic
                    located.location = SourceLocation(
                        file: path,
                        line: number,
                        column: diagnostic.location?.column ?? 1
                    )
                    return located
                }
                survivors.keep(lineBytes)
                continue
            }
            do {
                try await sink.deliver(
                    HTTPExportSink.PreparedBody(
                        body: record.body,
                        contentType: record.contentType,
                        contentEncoding: record.contentEncoding,
                        itemCount: record.itemCount
                    )
                )
                report.resent += 1
                report.resentItems += record.itemCount
                try survivors.drop(lineBytes)
            } catch let error as HTTPExportError {
                report.stillFailing += 1
                report.failures.append(DeadLetterReplayReport.Failure(line: number, reason: error.description))
                survivors.keep(lineBytes)
            } catch let error as DiagnosticError {
                throw error
            } catch {
                cancelled = true
                survivors.keep(lineBytes)
            }
        }
        // What was not read (after a stop, a too-long line or a failed read) stays as it is.
        survivors.keep(reader.offset..<snapshot.size)
        if report.resent > 0 {
            try swap(survivors: &survivors, expecting: snapshot)
        }
        if let readFailure { throw readFailure }
        if cancelled { throw CancellationError() }
        return report
    }

    /// Which file was read, and how much of it.
    private struct Snapshot {
        var identity: FileIdentity
        var size: Int
    }

    /// Opens the file for reading and takes its size under the lock, so the lines read are whole.
    private func openSnapshot() throws(DiagnosticError) -> (FileDescriptor, Snapshot) {
        let descriptor = try lockedDescriptor(flags: O_RDONLY)
        defer { descriptor.unlock() }
        guard let identity = FileIdentity(descriptor) else {
            try? descriptor.close()
            throw unusable("cannot read its size: \(FileIOError.reason(errno))")
        }
        return (descriptor, Snapshot(identity: identity, size: identity.size))
    }

    /// Appends what was appended after the snapshot to the surviving bytes and renames them over the file;
    /// refuses (keeping every line, so at worst some are sent twice later) when the path names another file
    /// than the one read, or a shorter one.
    private func swap(survivors: inout SurvivingBytes, expecting snapshot: Snapshot) throws(DiagnosticError) {
        let current = try lockedDescriptor(flags: O_RDONLY)
        defer {
            current.unlock()
            try? current.close()
        }
        guard let identity = FileIdentity(current), identity.sameFile(as: snapshot.identity),
            identity.size >= snapshot.size
        else {
            throw unusable("the file changed underneath the replay (another replay?); it was left as it was")
        }
        survivors.keep(snapshot.size..<identity.size)
        try survivors.replaceOriginal(copyingFrom: current)
    }

    /// Opens the file the path names now and locks it, retrying when a concurrent rewrite replaced the file
    /// between `open` and `flock`. The caller unlocks and closes it.
    private func lockedDescriptor(flags: Int32) throws(DiagnosticError) -> FileDescriptor {
        while true {
            let descriptor: FileDescriptor
            do throws(FileIOError) {
                descriptor = try FileDescriptor.open(path, flags, permissions: 0)
            } catch {
                throw unusable(error.reason)
            }
            do throws(FileIOError) {
                try descriptor.lockExclusively()
            } catch {
                try? descriptor.close()
                throw unusable("cannot lock: \(error.reason)")
            }
            if DeadLetterFile.names(path, descriptor) { return descriptor }
            descriptor.unlock()
            try? descriptor.close()
        }
    }

    private func unusable(_ reason: String) -> DiagnosticError {
        Self.unusable(path: path, reason)
    }

    fileprivate static func unusable(path: String, _ reason: String) -> DiagnosticError {
        DiagnosticError(
            .error(
                .httpDeadLetterUnusableFile,
                "dead-letter file \(path): \(reason)",
                at: SourceLocation(file: path, line: 1, column: 1)
            )
        )
    }
}

/// The device, inode and size of an open file.
private struct FileIdentity {
    var device: UInt64
    var inode: UInt64
    var size: Int

    init?(_ descriptor: FileDescriptor) {
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int(status.st_size)
    }

    func sameFile(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode
    }
}

/// The bytes of a dead-letter file that stay, gathered in a temporary file beside it.
///
/// Ranges kept one after another coalesce, so a run of kept lines is one copy; the temporary file is created only
/// once a line was dropped (a replay that re-sends nothing writes nothing), and removed unless it replaced the
/// original.
private struct SurvivingBytes {
    let path: String
    /// The file read: the source of every copy until the swap.
    let source: FileDescriptor
    /// Bytes kept and not yet copied: from the end of the last dropped range on.
    private var pending: Range<Int> = 0..<0
    private var temporary: FileDescriptor?
    private var temporaryPath: String { "\(path).replay-\(getpid()).tmp" }

    init(path: String, source: FileDescriptor) {
        self.path = path
        self.source = source
    }

    /// Keeps everything up to the end of `range`, since the last range dropped (blank lines between included).
    mutating func keep(_ range: Range<Int>) {
        pending = pending.lowerBound..<max(pending.upperBound, range.upperBound)
    }

    /// Drops `range`: the bytes kept before it are copied out now.
    mutating func drop(_ range: Range<Int>) throws(DiagnosticError) {
        keep(pending.lowerBound..<range.lowerBound)
        try flush(from: source)
        pending = range.upperBound..<range.upperBound
    }

    /// Copies the bytes kept so far (read from `file`) to the temporary file, creating it first.
    private mutating func flush(from file: FileDescriptor) throws(DiagnosticError) {
        let output: FileDescriptor
        if let temporary {
            output = temporary
        } else {
            do throws(FileIOError) {
                output = try FileDescriptor.open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, permissions: 0o600)
            } catch {
                throw DeadLetterReplayer.unusable(path: path, "cannot create \(temporaryPath): \(error.reason)")
            }
            temporary = output
        }
        guard !pending.isEmpty else { return }
        do throws(FileIOError) {
            try file.copyBytes(pending, to: output)
        } catch {
            throw DeadLetterReplayer.unusable(path: path, DeadLetterFileError(error).description)
        }
        pending = pending.upperBound..<pending.upperBound
    }

    /// Writes out the rest (read from `current`, the locked original), makes it durable and renames it over the
    /// original.
    mutating func replaceOriginal(copyingFrom current: FileDescriptor) throws(DiagnosticError) {
        try flush(from: current)
        guard let output = temporary else { return }
        do throws(FileIOError) {
            try output.sync()
        } catch {
            throw DeadLetterReplayer.unusable(path: path, DeadLetterFileError(error).description)
        }
        try? output.close()
        temporary = nil
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw DeadLetterReplayer.unusable(
                path: path,
                "cannot rename \(temporaryPath) over it: \(FileIOError.reason(code))"
            )
        }
        syncDirectory(Self.directory(of: path))
    }

    /// Removes the temporary file unless it replaced the original.
    mutating func discard() {
        guard let output = temporary else { return }
        try? output.close()
        temporary = nil
        unlink(temporaryPath)
    }

    /// The directory holding `path`, whose entry the rename changes.
    private static func directory(of path: String) -> String {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return directory.isEmpty ? "/" : directory
    }
}

/// What a ``DeadLetterReplayer`` run did.
public struct DeadLetterReplayReport: Sendable, Hashable {
    /// A record that failed again (it stays in the file).
    public struct Failure: Sendable, Hashable {
        /// Its 1-based line number in the file as it was read.
        public var line: Int
        /// The error's description.
        public var reason: String
    }

    /// Records delivered and removed from the file.
    public var resent = 0
    /// Telemetry items in the delivered records.
    public var resentItems = 0
    /// Records that failed again.
    public var stillFailing = 0
    /// Lines that are not records (kept as they are).
    public var malformed = 0
    /// One or more diagnostics per malformed line, at `file:line:col`.
    public var diagnostics: [Diagnostic] = []
    /// Why each still-failing record failed.
    public var failures: [Failure] = []
}

import ExporterCodecs
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
/// The file is read under its `flock`, the sending happens unlocked, and the rewrite (the lines still failing,
/// the malformed ones, and whatever was appended meanwhile, written to a temporary file that is `fsync`ed and
/// renamed over the original) happens under the lock again, so live ``DeadLetterFile`` appenders lose nothing.
public struct DeadLetterReplayer: Sendable {
    /// The dead-letter file.
    public let path: String

    /// Creates a replayer for the file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Re-sends every record through `sink`.
    ///
    /// - Throws: ``DiagnosticError`` `HTTP004` when the file cannot be read or rewritten; `CancellationError`
    ///   when the task was cancelled (the lines re-sent until then are removed first).
    public func replay(through sink: HTTPExportSink) async throws -> DeadLetterReplayReport {
        let snapshot = try withLockedFile(flags: O_RDONLY) { descriptor throws(DiagnosticError) in
            try readAll(descriptor)
        }
        var report = DeadLetterReplayReport()
        var kept: [[UInt8]] = []
        var pending: [(line: [UInt8], number: Int)] = []
        TraceLines.forEach(in: snapshot) { line, number in
            pending.append((Array(line), number))
            return true
        }
        var cancelled = false
        for (index, entry) in pending.enumerated() {
            if cancelled || Task.isCancelled {
                cancelled = true
                kept.append(contentsOf: pending[index...].map(\.line))
                break
            }
            let record: DeadLetterRecord
            do throws(DiagnosticError) {
                record = try DeadLetterRecord(parsing: entry.line)
            } catch {
                report.malformed += 1
                report.diagnostics += error.diagnostics.map { diagnostic in
                    var located = diagnostic
                    located.location = SourceLocation(
                        file: path,
                        line: entry.number,
                        column: diagnostic.location?.column ?? 1
                    )
                    return located
                }
                kept.append(entry.line)
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
            } catch let error as HTTPExportError {
                report.stillFailing += 1
                report.failures.append(DeadLetterReplayReport.Failure(line: entry.number, reason: error.description))
                kept.append(entry.line)
            } catch {
                cancelled = true
                kept.append(contentsOf: pending[index...].map(\.line))
                break
            }
        }
        if report.resent > 0 {
            try rewrite(expecting: snapshot, keeping: kept)
        }
        if cancelled { throw CancellationError() }
        return report
    }

    /// Replaces the file by `kept` plus whatever was appended after `snapshot`; refuses (keeping every line,
    /// so at worst some are sent twice later) when the file no longer starts with `snapshot`.
    private func rewrite(expecting snapshot: [UInt8], keeping kept: [[UInt8]]) throws(DiagnosticError) {
        try withLockedFile(flags: O_RDONLY) { descriptor throws(DiagnosticError) in
            let current = try readAll(descriptor)
            guard current.count >= snapshot.count, current[..<snapshot.count].elementsEqual(snapshot) else {
                throw unusable("the file changed underneath the replay (another replay?); it was left as it was")
            }
            var contents: [UInt8] = []
            for line in kept {
                contents += line
                contents.append(UInt8(ascii: "\n"))
            }
            contents += current[snapshot.count...]
            let temporary = "\(path).replay-\(getpid()).tmp"
            let output: FileDescriptor
            do throws(FileIOError) {
                output = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, permissions: 0o600)
            } catch {
                throw unusable("cannot create \(temporary): \(error.reason)")
            }
            do throws(FileIOError) {
                try output.writeAll(contents)
                try output.sync()
            } catch {
                try? output.close()
                unlink(temporary)
                throw unusable(DeadLetterFileError(error).description)
            }
            try? output.close()
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw unusable("cannot rename \(temporary) over it: \(FileIOError.reason(code))")
            }
            syncDirectory(Self.directory(of: path))
        }
    }

    /// Runs `body` with the file open and exclusively locked, retrying when a concurrent rewrite replaced the
    /// file between `open` and `flock`.
    private func withLockedFile<Result>(
        flags: Int32,
        _ body: (FileDescriptor) throws(DiagnosticError) -> Result
    ) throws(DiagnosticError) -> Result {
        while true {
            let descriptor: FileDescriptor
            do throws(FileIOError) {
                descriptor = try FileDescriptor.open(path, flags, permissions: 0)
            } catch {
                throw unusable(error.reason)
            }
            defer { try? descriptor.close() }
            do throws(FileIOError) {
                try descriptor.lockExclusively()
            } catch {
                throw unusable("cannot lock: \(error.reason)")
            }
            defer { descriptor.unlock() }
            if DeadLetterFile.names(path, descriptor) { return try body(descriptor) }
        }
    }

    private func readAll(_ descriptor: FileDescriptor) throws(DiagnosticError) -> [UInt8] {
        do throws(FileIOError) {
            return try descriptor.readAll()
        } catch {
            throw unusable("cannot read: \(error.reason)")
        }
    }

    /// The directory holding `path`, whose entry the rename changes.
    private static func directory(of path: String) -> String {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return directory.isEmpty ? "/" : directory
    }

    private func unusable(_ reason: String) -> DiagnosticError {
        DiagnosticError(
            .error(
                .httpDeadLetterUnusableFile,
                "dead-letter file \(path): \(reason)",
                at: SourceLocation(file: path, line: 1, column: 1)
            )
        )
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

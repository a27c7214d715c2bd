import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterATIF
@testable import ExporterCodecs
@testable import ExporterCore
@testable import ExporterEvents
@testable import ExporterHTTP

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Real write faults under the sinks (a full device, a full file system, a read-only directory, a parent that is a
/// file, a closed pipe): every item an exporter made is exactly one of exported, dropped, failed or abandoned at
/// shutdown, `exported` is what the file really holds, in whole lines, and the file ends on a newline.
@Suite("SinkFaults", .serialized)
struct SinkFaultTests {
    /// Every item made is exported, failed, dropped in the pipeline or abandoned, and every event received was
    /// processed, dropped by the buffer or abandoned.
    static func expectAccounted(
        _ report: ShutdownReport,
        made: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let statistics = report.statistics
        #expect(
            statistics.received == statistics.processed + statistics.droppedByBuffer + report.abandoned,
            "\(statistics)",
            sourceLocation: sourceLocation
        )
        #expect(
            statistics.exported + statistics.failed + statistics.droppedInPipeline + report.abandonedItems == made,
            "\(statistics) abandoned_items=\(report.abandonedItems), made \(made)",
            sourceLocation: sourceLocation
        )
    }

    /// The file's bytes; its whole lines, each a valid IntermediateStep line; and whether it ends on a newline.
    static func wholeLines(_ path: String) throws -> (lines: [String], endsOnNewline: Bool) {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        for line in lines { _ = try IntermediateStepCodec.decode(line: Array(line)) }
        return (lines.map { String(decoding: $0, as: UTF8.self) }, bytes.isEmpty || bytes.last == UInt8(ascii: "\n"))
    }

    static func fileExporter(
        _ sink: FileSink,
        name: String = "file"
    ) -> ProcessingExporter<EventJSONSerializer, FileSink> {
        ProcessingExporter(name: name, pipeline: EventJSONSerializer(format: .intermediateStep), sink: sink)
    }

    static func emit(_ events: [AgentEvent], to exporter: some Exporter) {
        for event in events { exporter.receive(event) }
    }

    @Test(
        "/dev/full: every line fails, none is exported, the loss is in the report",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"))
    )
    func fullDevice() async throws {
        // Small blocks, so lines are lost while exporting and at the final flush.
        let sink = try FileSink(path: "/dev/full", writeThreshold: 2048)
        let exporter = Self.fileExporter(sink)
        let events = TestEvents.run(turns: 4)
        try await exporter.start()
        Self.emit(events, to: exporter)
        let report = await exporter.shutdown(timeout: .seconds(10))
        #expect(report.statistics.exported == 0)
        #expect(report.statistics.failed == events.count)
        #expect(!report.completed)
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.contains("No space left on device") == true)
        Self.expectAccounted(report, made: events.count)
        print("/dev/full: made \(events.count), \(report.statistics)")
        try await sink.finish()
    }

    @Test(
        "a tiny full tmpfs: the lines that fit are exported, the torn one is cut off, the rest fail; space recovers",
        .enabled(if: TinyFilesystem.available, "needs root and tmpfs mounts (CAP_SYS_ADMIN)")
    )
    func fullFileSystemRecovers() async throws {
        let filesystem = try TinyFilesystem(kilobytes: 64)
        defer { filesystem.unmount() }
        let path = filesystem.path + "/out.jsonl"
        let sink = try FileSink(path: path)
        // Fill it, then free two pages: the next block of lines (about 30 KiB) is written in part.
        let filler = filesystem.path + "/filler"
        let fillerSize = try filesystem.fill(filler)
        #expect(truncate(filler, off_t(fillerSize - 8192)) == 0)

        let exporter = Self.fileExporter(sink)
        try await exporter.start()
        let first = TestEvents.run(root: "first", turns: 8)
        Self.emit(first, to: exporter)
        await #expect(throws: FileSinkError.self) { try await exporter.flush() }
        let afterFailure = try Self.wholeLines(path)
        let midway = exporter.statistics
        #expect(afterFailure.endsOnNewline)
        #expect(afterFailure.lines.count > 0 && afterFailure.lines.count < first.count)
        #expect(midway.exported == afterFailure.lines.count)
        #expect(midway.failed == first.count - afterFailure.lines.count)

        // Space returns: the next lines are written normally.
        #expect(unlink(filler) == 0)
        let second = TestEvents.run(root: "second", turns: 2)
        Self.emit(second, to: exporter)
        let report = await exporter.shutdown(timeout: .seconds(10))
        let final = try Self.wholeLines(path)
        #expect(final.endsOnNewline)
        #expect(report.completed, "the loss was reported by the flush before: \(report.errors)")
        #expect(report.statistics.exported == final.lines.count)
        #expect(final.lines.count == afterFailure.lines.count + second.count)
        #expect(report.statistics.failed == first.count - afterFailure.lines.count)
        Self.expectAccounted(report, made: first.count + second.count)
        print(
            "full tmpfs: made \(first.count) + \(second.count), \(afterFailure.lines.count) lines before the failure, "
                + "\(final.lines.count) at the end; \(report.statistics)"
        )
        try await sink.finish()
    }

    @Test(
        "a dead-letter record that does not fit a full tmpfs is refused and cut off: only whole lines stay",
        .enabled(if: TinyFilesystem.available, "needs root and tmpfs mounts (CAP_SYS_ADMIN)")
    )
    func deadLetterOnFullFileSystem() throws {
        let filesystem = try TinyFilesystem(kilobytes: 32)
        defer { filesystem.unmount() }
        let path = filesystem.path + "/dead.jsonl"
        let file = try DeadLetterFile(path: path)
        defer { file.close() }
        func record(_ size: Int) -> DeadLetterRecord {
            DeadLetterRecord(
                endpoint: "http://collector/v1/traces",
                contentType: "application/json",
                contentEncoding: nil,
                itemCount: 1,
                failedAt: Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000),
                reason: "HTTP 503",
                body: Array(String(repeating: "x", count: size).utf8)
            )
        }
        try file.append(record(100))
        // Fill the rest but one page: a 12 KiB record is written in part, then fails.
        let filler = filesystem.path + "/filler"
        let fillerSize = try filesystem.fill(filler)
        #expect(truncate(filler, off_t(fillerSize - 4096)) == 0)
        #expect(throws: DeadLetterFileError.self) { try file.append(record(12_000)) }
        let lines = try String(contentsOfFile: path, encoding: .utf8)
        #expect(lines.hasSuffix("\n"))
        #expect(lines.split(separator: "\n").count == 1)
        // Space returns: the next record is appended normally.
        #expect(unlink(filler) == 0)
        try file.append(record(200))
        let after = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(after.count == 2)
        for line in after { _ = try DeadLetterRecord(parsing: Array(line.utf8)) }
    }

    @Test(
        "a read-only directory: the file sink cannot open, each ATIF trajectory fails",
        .enabled(if: ReadOnlyDirectory.available, "as root, needs tmpfs mounts to make a read-only directory")
    )
    func readOnlyDirectory() async throws {
        let directory = try ReadOnlyDirectory()
        defer { directory.release() }
        #expect(throws: FileSinkError.open(path: directory.path + "/out.jsonl", errno: directory.errno)) {
            try FileSink(path: directory.path + "/out.jsonl")
        }
        try await Self.expectTrajectoriesFail(into: directory.path)
    }

    @Test("a path whose parent is a file: the file sink cannot open, each ATIF trajectory fails")
    func parentIsAFile() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("plain")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: FileSinkError.open(path: file + "/out.jsonl", errno: ENOTDIR)) {
            try FileSink(path: file + "/out.jsonl")
        }
        // The ATIF directory existed when the sink opened, and became a file.
        let output = directory.file("atif")
        let sink = try ATIFFileSink(destination: .directory(output))
        try FileManager.default.removeItem(atPath: output)
        try Data("x".utf8).write(to: URL(fileURLWithPath: output))
        try await Self.expectTrajectoriesFail(sink: sink)
    }

    @Test(
        "an ATIF file at /dev/full is refused, never renamed over: the trajectory fails, the device stays",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"))
    )
    func atifNeverReplacesADevice() async throws {
        let sink = try ATIFFileSink(destination: .file("/dev/full"))
        // One run: a second trajectory would go to a new file, `/dev/full-2`.
        try await Self.expectTrajectoriesFail(sink: sink, roots: ["a"])
        var info = stat()
        #expect(lstat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    /// Two runs, so two trajectories, through an `atif` exporter writing into `directory`: both fail.
    static func expectTrajectoriesFail(
        into directory: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        try await expectTrajectoriesFail(
            sink: ATIFFileSink(destination: .directory(directory)),
            sourceLocation: sourceLocation
        )
    }

    static func expectTrajectoriesFail(
        sink: ATIFFileSink,
        roots: [String] = ["a", "b"],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let exporter = ProcessingExporter(
            name: "atif",
            pipeline: TrajectoryBuilder(agent: ATIFAgentInfo(name: "a", version: "1")).named("atif"),
            sink: sink
        )
        try await exporter.start()
        emit(roots.flatMap { TestEvents.run(root: $0) }, to: exporter)
        let report = await exporter.shutdown(timeout: .seconds(10))
        #expect(report.statistics.exported == 0, sourceLocation: sourceLocation)
        #expect(report.statistics.failed == roots.count, "\(report.statistics)", sourceLocation: sourceLocation)
        expectAccounted(report, made: roots.count, sourceLocation: sourceLocation)
        print("atif into \(sink.destination): made \(roots.count) trajectories, \(report.statistics)")
        if case .directory(let path) = sink.destination,
            let names = try? FileManager.default.contentsOfDirectory(
                atPath: path
            )
        {
            #expect(names.isEmpty, "no temporary file is left: \(names)", sourceLocation: sourceLocation)
        }
    }

    @Test("a closed pipe (EPIPE): every payload of the stream sink fails, none is exported")
    func closedPipe() async throws {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let sink = StreamSink(descriptor: FileDescriptor(rawValue: ends[1], path: "<pipe>"))
        let exporter = ProcessingExporter(
            name: "stream",
            pipeline: EventJSONSerializer(format: .intermediateStep),
            sink: sink
        )
        let events = TestEvents.run(turns: 2)
        try await exporter.start()
        Self.emit(events, to: exporter)
        let report = await exporter.shutdown(timeout: .seconds(10))
        #expect(report.statistics.exported == 0)
        #expect(report.statistics.failed == events.count)
        Self.expectAccounted(report, made: events.count)
        print("closed pipe: made \(events.count), \(report.statistics)")
    }

    @Test("a closed pipe (EPIPE): every span tree of the console sink fails, none is exported")
    func closedPipeUnderConsole() async throws {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let sink = ConsoleSink(
            renderer: ConsoleRenderer(),
            descriptor: FileDescriptor(rawValue: ends[1], path: "<pipe>")
        )
        let exporter = ProcessingExporter(name: "console", stages: SpanTreeAssembler().named("trees"), sink: sink)
        try await exporter.start()
        Self.emit(TestEvents.run(root: "a") + TestEvents.run(root: "b") + TestEvents.run(root: "c"), to: exporter)
        let report = await exporter.shutdown(timeout: .seconds(10))
        #expect(report.statistics.exported == 0)
        #expect(report.statistics.failed == 3, "\(report.statistics)")
        Self.expectAccounted(report, made: 3)
        print("closed pipe under the console sink: made 3 trees, \(report.statistics)")
    }

    @Test("a record torn in a pipe, which cannot be cut off, is fenced off: the next one starts on a fresh line")
    func tornRecordInPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        // Non-blocking: a record larger than the pipe is written in part, then the write fails (EAGAIN).
        #expect(fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK) == 0)
        var writer = RecordWriter(descriptor: FileDescriptor(rawValue: ends[1], path: "<pipe>"))
        let large = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20) + [UInt8(ascii: "\n")]
        let torn = writer.write(record: large)
        #expect(torn.error?.errno == EAGAIN)
        #expect(torn.written == 0)
        #expect(writer.tornTail)

        let reader = FileDescriptor(rawValue: ends[0], path: "<pipe>")
        #expect(fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK) == 0)
        var drained: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while let count = try? chunk.withUnsafeMutableBytes({ try reader.read(into: $0) }), count > 0 {
            drained += chunk[..<count]
        }
        #expect(!drained.isEmpty && drained.last != UInt8(ascii: "\n"))

        let next = writer.write(record: Array("{\"next\":1}\n".utf8))
        #expect(next.error == nil)
        #expect(!writer.tornTail)
        var after: [UInt8] = []
        while let count = try? chunk.withUnsafeMutableBytes({ try reader.read(into: $0) }), count > 0 {
            after += chunk[..<count]
        }
        #expect(after == Array("\n{\"next\":1}\n".utf8))
    }
}

/// A tmpfs of a few pages, mounted on a fresh directory (root only).
struct TinyFilesystem {
    let directory: TemporaryDirectory
    let path: String

    /// True when a tmpfs can be mounted here (root with CAP_SYS_ADMIN); tried once.
    static let available: Bool = {
        guard geteuid() == 0, let probe = try? TinyFilesystem(kilobytes: 16) else { return false }
        probe.unmount()
        return true
    }()

    init(kilobytes: Int, readOnly: Bool = false) throws {
        directory = try TemporaryDirectory()
        path = directory.file("fs")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let flags: UInt = readOnly ? UInt(MS_RDONLY) : 0
        guard mount("tmpfs", path, "tmpfs", flags, "size=\(kilobytes)k") == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM)
        }
    }

    func unmount() {
        umount2(path, Int32(MNT_DETACH))
    }

    /// Writes zeros to a new file at `path` until the file system is full; returns the file's size.
    func fill(_ path: String) throws -> Int {
        let file = try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_TRUNC)
        defer { try? file.close() }
        let page = [UInt8](repeating: 0, count: 4096)
        var size = 0
        while true {
            do throws(FileIOError) {
                try file.writeAll(page, written: &size)
            } catch {
                guard error.errno == ENOSPC else { throw error }
                return size
            }
        }
    }
}

/// A directory nobody may create files in: a read-only tmpfs for root (who ignores permissions), else a
/// directory without write permission.
struct ReadOnlyDirectory {
    let path: String
    /// The errno creating a file in it gives.
    let errno: Int32
    private let filesystem: TinyFilesystem?
    private let directory: TemporaryDirectory

    static var available: Bool { geteuid() != 0 || TinyFilesystem.available }

    init() throws {
        if geteuid() == 0 {
            let filesystem = try TinyFilesystem(kilobytes: 16, readOnly: true)
            self.filesystem = filesystem
            directory = filesystem.directory
            path = filesystem.path
            errno = EROFS
        } else {
            filesystem = nil
            directory = try TemporaryDirectory()
            path = directory.file("read-only")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            chmod(path, 0o555)
            errno = EACCES
        }
    }

    func release() {
        if let filesystem {
            filesystem.unmount()
        } else {
            chmod(path, 0o755)
        }
    }
}

import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterCodecs
@testable import ExporterCore
@testable import ExporterEvents

/// Write errors of the file sink: reported by flush, finish and close, never swallowed; a record counts as exported
/// only once written, and a failed write loses the records it did not finish, which count as failed.
///
/// `/dev/full` opens fine and fails every write with ENOSPC.
@Suite("FileSinkErrors", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
struct FileSinkErrorTests {
    private static let line = Array("{\"a\":1}\n".utf8)

    @Test("a failed write loses its records: export accepts them, the next flush reports the loss once")
    func failedWriteLosesRecords() async throws {
        let sink = try FileSink(path: "/dev/full", writeThreshold: 1)
        for _ in 0..<3 { try await sink.export(Self.line) }
        await #expect(
            throws: FileSinkError.lost(path: "/dev/full", errno: ENOSPC, records: 3, bytes: 24)
        ) {
            try await sink.flush()
        }
        // Reported once; nothing waits, so finishing has nothing to report.
        try await sink.flush()
        try await sink.finish()
        await #expect(throws: FileSinkError.closed(path: "/dev/full")) {
            try await sink.export(Self.line)
        }
        try await sink.finish()
    }

    @Test("close() reports the records it could not write in an error log line")
    func closeLogsLostRecords() async throws {
        let capture = LogCapture()
        let sink = try FileSink(path: "/dev/full", logger: capture.logger)
        try await sink.export(Self.line)
        await sink.close()
        let errors = capture.all.filter { $0.level == .error }
        #expect(errors.count == 1)
        let message = errors.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(message.contains("1 record"))
        #expect(message.contains("/dev/full"))
    }

    @Test("a failing write while exporting is logged once per series of failures")
    func failingWritesLoggedOnce() async throws {
        let capture = LogCapture()
        let sink = try FileSink(path: "/dev/full", writeThreshold: 1, logger: capture.logger)
        for _ in 0..<4 { try await sink.export(Self.line) }
        #expect(capture.all.filter { $0.level == .error }.count == 1)
        await #expect(throws: FileSinkError.lost(path: "/dev/full", errno: ENOSPC, records: 4, bytes: 32)) {
            try await sink.finish()
        }
    }

    @Test("an exporter on a failing file counts every record failed, none exported, and reports the loss")
    func eachRecordCountedOnce() async throws {
        let sink = try FileSink(path: "/dev/full", writeThreshold: 3 * Self.line.count)
        let exporter = ProcessingExporter(
            name: "full",
            pipeline: MapProcessor<AgentEvent, [UInt8]> { _ in Self.line },
            sink: sink
        )
        try await exporter.start()
        let events = TestEvents.run(turns: 1)
        for event in events { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(5))
        #expect(report.statistics.exported == 0)
        #expect(report.statistics.failed == events.count)
        #expect(report.abandonedItems == 0)
        #expect(!report.completed)
        #expect(report.errors.count == 1)
        // The exporter's final flush reported the loss; the sink has nothing left to lose.
        try await sink.finish()
    }

    @Test("flush on a device without fsync (/dev/null, a pipe) succeeds once the bytes are written")
    func flushOnDevicesWithoutSync() async throws {
        let sink = try FileSink(path: "/dev/null")
        try await sink.export(Self.line)
        try await sink.flush()
        try await sink.finish()
    }

    @Test("a failed roll keeps writing to the current file and the next flush reports it once")
    func failedRollIsReported() async throws {
        let directory = try TemporaryDirectory()
        // 240 characters fit a file name (255 at most); the rolled name adds 23 and cannot be created, even by root.
        let path = directory.file(String(repeating: "t", count: 234) + ".jsonl")
        let capture = LogCapture()
        let sink = try FileSink(
            path: path,
            rolling: FileSink.Rolling(maxFileSize: 8, maxFiles: 2),
            writeThreshold: 1,
            logger: capture.logger
        )
        for _ in 0..<3 { try await sink.export(Self.line) }
        await #expect(throws: FileSinkError.roll(path: path, errno: ENAMETOOLONG)) { try await sink.flush() }
        #expect(capture.all.filter { $0.level == .error }.count == 1)
        // Reported once; the data itself is safe in the one file.
        try await sink.flush()
        try await sink.finish()
        #expect(try FileTestSupport.lines(path).count == 3)
        #expect(try FileTestSupport.names(in: directory.path).count == 1)
    }

    @Test("a current file deleted from under the sink is replaced by a new one at the next roll")
    func deletedFileIsReplaced() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("t.jsonl")
        let sink = try FileSink(path: path, rolling: FileSink.Rolling(maxFileSize: 8, maxFiles: 2), writeThreshold: 1)
        try await sink.export(Self.line)
        try FileManager.default.removeItem(atPath: path)
        try await sink.export(Array("{\"b\":2}\n".utf8))
        try await sink.flush()
        #expect(try FileTestSupport.lines(path) == ["{\"b\":2}"])
        try await sink.finish()
    }
}

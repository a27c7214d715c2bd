import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// `scaffold replay`'s peak memory does not grow with the trace: two traces 10× apart, measured on the child by
/// `/usr/bin/time` (the kernel's maximum resident set size).
@Suite("ReplayMemory", .serialized)
struct ReplayMemoryTests {
    /// The `maxrss=KiB` line `/usr/bin/time -f maxrss=%M` printed, in bytes.
    static func maxRSS(_ output: String) -> Int? {
        output.split(separator: "\n").last { $0.hasPrefix("maxrss=") }
            .flatMap { Int($0.dropFirst("maxrss=".count)) }
            .map { $0 << 10 }
    }

    /// `copies` copies of the toolkit trace, each with its own event ids, so the trace is as varied as a real one.
    private func trace(copies: Int, at path: String) throws {
        let lines = try String(contentsOfFile: ReplayStreamTests.trace, encoding: .utf8)
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? file.close() }
        for copy in 0..<copies {
            let renamed = lines.replacingOccurrences(of: "\"UUID\":\"", with: "\"UUID\":\"c\(copy)-")
                .replacingOccurrences(of: "\"parent_id\":\"", with: "\"parent_id\":\"c\(copy)-")
            try file.write(contentsOf: Data(renamed.utf8))
        }
    }

    private func peak(copies: Int, in directory: URL, config: String, stdin: Bool) async throws -> (Int, Int) {
        let path = directory.appendingPathComponent("trace-\(copies).jsonl").path
        try trace(copies: copies, at: path)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let command =
            "/usr/bin/time -f maxrss=%M \"$SCAFFOLD\" replay \(stdin ? "-" : "\"$TRACE\"") --config \"$CONFIG\""
        let outcome = try await ChildProcess.run(
            "/bin/sh",
            ["-c", command + " --quiet" + (stdin ? " < \"$TRACE\"" : "")],
            environment: ["SCAFFOLD": GenerateCommandTests.binary.path, "TRACE": path, "CONFIG": config]
        )
        #expect(outcome.status == 0, "\(outcome.output)")
        let written = try String(contentsOfFile: directory.appendingPathComponent("out.jsonl").path, encoding: .utf8)
        #expect(written.utf8.count(where: { $0 == UInt8(ascii: "\n") }) == copies * 25)
        try FileManager.default.removeItem(atPath: path)
        return (size, try #require(Self.maxRSS(outcome.output)))
    }

    @Test("peak RSS of a trace 10× larger stays within a loose bound of the smaller one's", arguments: [false, true])
    func peakDoesNotGrowWithTrace(stdin: Bool) async throws {
        let (directory, config, _) = try ReplayInputFaultTests.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (smallSize, small) = try await peak(copies: 20, in: directory, config: config, stdin: stdin)
        let (largeSize, large) = try await peak(copies: 200, in: directory, config: config, stdin: stdin)
        print(
            "replay \(stdin ? "stdin" : "file"): \(smallSize >> 10) KiB trace peak \(small >> 10) KiB; "
                + "\(largeSize >> 10) KiB trace peak \(large >> 10) KiB"
        )
        // Holding the trace would add several times its 3.5 MiB of growth; event ids (for the roots) are allowed.
        #expect(large - small < 8 << 20, "small \(small >> 10) KiB, large \(large >> 10) KiB")
    }

    /// A dead-letter file of `records` batches of 48 KiB each.
    private func deadLetters(records: Int, at path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? file.close() }
        for index in 0..<records {
            let record = DeadLetterRecord(
                endpoint: "http://127.0.0.1:1/v1/traces",
                contentType: "application/x-protobuf",
                contentEncoding: nil,
                itemCount: 1,
                failedAt: Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000),
                reason: "HTTP 503",
                body: [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 48 << 10)
            )
            try file.write(contentsOf: Data(record.jsonLine))
        }
    }

    @Test("re-sending a dead-letter file 10× larger takes no more memory: it is streamed, not read whole")
    func deadLetterResendPeakDoesNotGrow() async throws {
        let server = LoopbackHTTPServer()
        let port = try await server.start()
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dl-rss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("workflow.yml").path
        try """
        general:
          telemetry:
            tracing:
              otel: {_type: otelcollector, endpoint: "http://127.0.0.1:\(port)/v1/traces"}
        """.write(toFile: config, atomically: true, encoding: .utf8)

        var peaks: [(size: Int, peak: Int)] = []
        for records in [30, 300] {
            let path = directory.appendingPathComponent("dead-\(records).jsonl").path
            try deadLetters(records: records, at: path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            let before = server.requests.count
            let outcome = try await ChildProcess.run(
                "/bin/sh",
                ["-c", "/usr/bin/time -f maxrss=%M \"$SCAFFOLD\" replay \"$FILE\" --config \"$CONFIG\" --quiet"],
                environment: ["SCAFFOLD": GenerateCommandTests.binary.path, "FILE": path, "CONFIG": config]
            )
            #expect(outcome.status == 0, "\(outcome.output)")
            #expect(server.requests.count - before == records)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
            peaks.append((size, try #require(Self.maxRSS(outcome.output))))
        }
        print(
            "resend dead letters: \(peaks[0].size >> 10) KiB file peak \(peaks[0].peak >> 10) KiB; "
                + "\(peaks[1].size >> 10) KiB file peak \(peaks[1].peak >> 10) KiB"
        )
        // Reading the file whole would add its 17 MiB of growth at least once (and its lines a second time).
        #expect(peaks[1].peak - peaks[0].peak < 8 << 20, "\(peaks)")
    }
}

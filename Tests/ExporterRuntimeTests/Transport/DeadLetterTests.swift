import ExporterDiagnostics
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@Suite("DeadLetter")
struct DeadLetterTests {
    private static let token = "dl-secret-token"

    private func lines(of path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func failedPayloadIsWrittenWithoutHeadersThenReplayedAndRemoved() async throws {
        let path = TransportFixture.temporaryPath("dead.jsonl")
        defer { unlink(path) }
        let failing = LoopbackHTTPServer(defaultReply: .status(400, body: "no"))
        _ = try await failing.start()
        defer { failing.stop() }
        let deadLetter = try DeadLetterFile(path: path)
        let sink = HTTPExportSink(
            configuration: .init(
                endpoint: try TransportFixture.endpoint(failing),
                headers: ["X-Tenant": "tenant-header-value"],
                auth: .bearer(Secret(Self.token)),
                compression: .gzip
            ),
            deadLetter: deadLetter
        )
        let payload = TransportFixture.payload(#"{"resourceSpans":[{"id":1}]}"#, items: 7)

        await #expect(throws: HTTPExportError.self) { try await sink.export(payload) }
        await #expect(throws: HTTPExportError.self) { try await sink.export(payload) }
        try await sink.flush()
        #expect(sink.statistics.deadLettered == 2)

        let written = try lines(of: path)
        #expect(written.count == 2)
        for line in written {
            #expect(!line.contains(Self.token))
            #expect(!line.contains("tenant-header-value"))
            #expect(!line.lowercased().contains("authorization"))
        }
        let record = try DeadLetterRecord(parsing: Array(written[0].utf8))
        #expect(record.endpoint == "http://127.0.0.1:\(try #require(failing.port))/v1/traces")
        #expect(record.contentType == "application/json")
        #expect(record.contentEncoding == "gzip")
        #expect(record.itemCount == 7)
        #expect(record.reason.contains("HTTP 400: no"))
        #expect(try Gzip.decompress(record.body) == payload.body)
        #expect(written[0].hasPrefix(#"{"dead_letter_version":1,"endpoint":"http://127.0.0.1:"#))

        let healthy = LoopbackHTTPServer()
        _ = try await healthy.start()
        defer { healthy.stop() }
        let replaySink = HTTPExportSink(
            configuration: .init(endpoint: try TransportFixture.endpoint(healthy), auth: .bearer(Secret(Self.token)))
        )
        let report = try await DeadLetterReplayer(path: path).replay(through: replaySink)

        #expect(report.resent == 2)
        #expect(report.resentItems == 14)
        #expect(report.stillFailing == 0)
        #expect(report.diagnostics.isEmpty)
        let resent = healthy.requests
        #expect(resent.count == 2)
        #expect(resent.first?.headers["Content-Encoding"] == "gzip")
        #expect(resent.first?.headers["Authorization"] == "Bearer \(Self.token)")
        #expect(try TransportFixture.gunzip(resent.first?.body ?? []) == payload.body)
        #expect(try lines(of: path).isEmpty)

        // The live handle follows the rewritten file: later dead letters are not lost to the old inode.
        await #expect(throws: HTTPExportError.self) { try await sink.export(payload) }
        #expect(try lines(of: path).count == 1)
        deadLetter.close()
    }

    @Test func replayKeepsMalformedAndStillFailingLinesWithLineNumbers() async throws {
        let path = TransportFixture.temporaryPath("mixed.jsonl")
        defer { unlink(path) }
        func record(_ body: String) -> String {
            let line = DeadLetterRecord(
                endpoint: "http://collector/v1/traces",
                contentType: "application/json",
                contentEncoding: nil,
                itemCount: 1,
                failedAt: Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000),
                reason: "HTTP 503",
                body: Array(body.utf8)
            ).jsonLine
            return String(decoding: line.dropLast(), as: UTF8.self)
        }
        let original = [
            record("first"),
            "{not json",
            record("second"),
            "",
            #"{"dead_letter_version":2,"endpoint":"e"}"#,
            record("third"),
        ]
        try (original.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        // "second" fails permanently; the others get through.
        server.enqueue(.status(200), .status(400, body: "bad"), .status(200))
        let sink = HTTPExportSink(configuration: .init(endpoint: try TransportFixture.endpoint(server)))

        let report = try await DeadLetterReplayer(path: path).replay(through: sink)

        #expect(report.resent == 2)
        #expect(report.stillFailing == 1)
        #expect(report.failures.map(\.line) == [3])
        #expect(report.malformed == 2)
        #expect(
            report.diagnostics.map(\.code) == [
                DiagnosticCode.httpDeadLetterMalformedJSON, .httpDeadLetterInvalidRecord,
            ]
        )
        #expect(report.diagnostics.map { $0.location?.line } == [2, 5])
        #expect(report.diagnostics.allSatisfy { $0.location?.file == path })
        #expect(report.diagnostics[0].location?.column == 2)
        #expect(try lines(of: path) == [original[1], original[2], original[4]])
        #expect(server.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["first", "second", "third"])
    }

    private static func recordLine(_ body: String, items: Int = 1) -> [UInt8] {
        DeadLetterRecord(
            endpoint: "http://collector/v1/traces",
            contentType: "application/json",
            contentEncoding: nil,
            itemCount: items,
            failedAt: Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000),
            reason: "HTTP 503",
            body: Array(body.utf8)
        ).jsonLine
    }

    @Test("the lines that stay are kept byte for byte: CRLF endings, blank lines, a last line without an ending")
    func keptLinesStayByteForByte() async throws {
        let path = TransportFixture.temporaryPath("verbatim.jsonl")
        defer { unlink(path) }
        let failing = Array(Self.recordLine("fails").dropLast()) + Array("\r\n".utf8)
        let malformed = Array("{broken\r\n\n  \n".utf8)
        let last = Array(Self.recordLine("last also fails").dropLast())
        let file = Self.recordLine("goes") + failing + malformed + Self.recordLine("goes too") + last
        try Data(file).write(to: URL(fileURLWithPath: path))

        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.status(200), .status(400), .status(200), .status(400))
        let sink = HTTPExportSink(configuration: .init(endpoint: try TransportFixture.endpoint(server)))
        let report = try await DeadLetterReplayer(path: path).replay(through: sink)

        #expect(report.resent == 2)
        #expect(report.stillFailing == 2)
        #expect(report.failures.map(\.line) == [2, 7])
        #expect(report.malformed == 1)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == failing + malformed + last)
    }

    @Test("lines appended while the replay runs survive its rewrite, after the lines that stay")
    func linesAppendedDuringTheReplayAreKept() async throws {
        let path = TransportFixture.temporaryPath("appended.jsonl")
        defer { unlink(path) }
        try Data(Self.recordLine("one") + Self.recordLine("two") + Self.recordLine("three"))
            .write(to: URL(fileURLWithPath: path))
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        // The first answer comes a second late, long after a live appender has added two lines; "two" fails again.
        server.enqueue(.response(status: 200, delay: .seconds(1)), .status(400), .status(200))
        let sink = HTTPExportSink(configuration: .init(endpoint: try TransportFixture.endpoint(server)))
        let replay = Task { try await DeadLetterReplayer(path: path).replay(through: sink) }
        #expect(await server.waitForRequests(count: 1))
        let appender = try DeadLetterFile(path: path)
        defer { appender.close() }
        try appender.append(try DeadLetterRecord(parsing: Self.recordLine("appended 1")))
        try appender.append(try DeadLetterRecord(parsing: Self.recordLine("appended 2")))
        let report = try await replay.value

        #expect(report.resent == 2)
        #expect(report.stillFailing == 1)
        let expected = Self.recordLine("two") + Self.recordLine("appended 1") + Self.recordLine("appended 2")
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == expected)
        // The appender's handle follows the replaced file.
        try appender.append(try DeadLetterRecord(parsing: Self.recordLine("appended 3")))
        #expect(try lines(of: path).count == 4)
    }

    @Test("a line over the limit is reported at its number; it and what follows stay, what came before is re-sent")
    func lineOverTheLimitStopsTheReplayAndKeepsTheRest() async throws {
        let path = TransportFixture.temporaryPath("long.jsonl")
        defer { unlink(path) }
        let long = Self.recordLine(String(repeating: "x", count: 4096))
        let rest = long + Self.recordLine("after")
        try Data(Self.recordLine("before") + rest).write(to: URL(fileURLWithPath: path))
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let sink = HTTPExportSink(configuration: .init(endpoint: try TransportFixture.endpoint(server)))

        let report = try await DeadLetterReplayer(path: path, maxLineLength: 1024).replay(through: sink)

        #expect(report.resent == 1)
        #expect(report.malformed == 1)
        #expect(report.diagnostics.map(\.code) == [.httpDeadLetterUnusableFile])
        #expect(report.diagnostics.first?.location?.line == 2)
        #expect(server.requests.count == 1)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == rest)
    }

    @Test("a replay that re-sends nothing leaves the file untouched (same inode) and no temporary file")
    func nothingResentLeavesTheFileAlone() async throws {
        let directory = TransportFixture.temporaryPath("untouched")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/dead.jsonl"
        try Data(Self.recordLine("a") + Self.recordLine("b")).write(to: URL(fileURLWithPath: path))
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        let server = LoopbackHTTPServer(defaultReply: .status(400))
        _ = try await server.start()
        defer { server.stop() }
        let sink = HTTPExportSink(configuration: .init(endpoint: try TransportFixture.endpoint(server)))

        let report = try await DeadLetterReplayer(path: path).replay(through: sink)

        #expect(report.stillFailing == 2)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["dead.jsonl"])
    }

    @Test func cancelledExportIsDeadLettered() async throws {
        let path = TransportFixture.temporaryPath("cancel.jsonl")
        defer { unlink(path) }
        let server = LoopbackHTTPServer(defaultReply: .stall)
        _ = try await server.start()
        defer { server.stop() }
        let sink = HTTPExportSink(
            configuration: .init(endpoint: try TransportFixture.endpoint(server)),
            deadLetter: try DeadLetterFile(path: path)
        )
        let task = Task { try await sink.export(TransportFixture.payload()) }
        #expect(await server.waitForRequests(count: 1))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }

        let written = try lines(of: path)
        #expect(written.count == 1)
        #expect(try DeadLetterRecord(parsing: Array(written[0].utf8)).reason == "export cancelled before delivery")
    }

    @Test func missingFileIsAnUnusableFileDiagnostic() async throws {
        let path = TransportFixture.temporaryPath("absent.jsonl")
        let sink = HTTPExportSink(configuration: .init(endpoint: try #require(URL(string: "http://127.0.0.1:9/"))))
        let error = await #expect(throws: DiagnosticError.self) {
            _ = try await DeadLetterReplayer(path: path).replay(through: sink)
        }
        #expect(error?.diagnostics.first?.code == .httpDeadLetterUnusableFile)
        #expect(error?.diagnostics.first?.location?.file == path)
        #expect(sink.statistics.requests == 0)
    }
}

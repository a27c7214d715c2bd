import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ScaffoldCLI

/// `scaffold replay` on a dead-letter file re-sends its batches through the configured OTLP exporter.
@Suite("DeadLetterResend")
struct DeadLetterResendTests {
    @Test("dead-lettered batches are re-sent with the exporter's headers and removed from the file")
    func resendsAndEmptiesTheFile() async throws {
        let server = LoopbackHTTPServer()
        let port = try await server.start()
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let deadLetter = directory.appendingPathComponent("dead.jsonl").path
        var lines: [UInt8] = []
        for index in 0..<2 {
            lines +=
                DeadLetterRecord(
                    endpoint: "http://127.0.0.1:1/v1/traces",
                    contentType: "application/x-protobuf",
                    contentEncoding: nil,
                    itemCount: 3,
                    failedAt: Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000),
                    reason: "503",
                    body: [UInt8(index), 1, 2, 3]
                ).jsonLine
        }
        try Data(lines).write(to: URL(fileURLWithPath: deadLetter))
        let config = directory.appendingPathComponent("workflow.yml").path
        try """
        general:
          telemetry:
            tracing:
              otel:
                _type: otelcollector
                endpoint: http://127.0.0.1:\(port)/v1/traces
                headers: {x-api-key: k-123}
        """.write(toFile: config, atomically: true, encoding: .utf8)

        let command = try ScaffoldCommand.parseAsRoot(["replay", deadLetter, "--config", config, "--quiet"])
        let replay = try #require(command as? ReplayCommand)
        try await replay.run()
        let requests = server.requests
        #expect(requests.map(\.body) == [[0, 1, 2, 3], [1, 1, 2, 3]])
        #expect(requests.allSatisfy { $0.path == "/v1/traces" && $0.headers["x-api-key"] == "k-123" })
        let remaining = try String(contentsOfFile: deadLetter, encoding: .utf8)
        #expect(remaining.isEmpty)
    }

    @Test("--format json: the re-send as one object; a refused re-send's diagnostic in it, exit 2")
    func jsonReport() async throws {
        let server = LoopbackHTTPServer()
        let port = try await server.start()
        defer { server.stop() }
        let directory = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let deadLetter = directory.appendingPathComponent("dead.jsonl").path
        let record = DeadLetterRecord(
            endpoint: "http://127.0.0.1:1/v1/traces",
            contentType: "application/x-protobuf",
            contentEncoding: nil,
            itemCount: 3,
            failedAt: Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000),
            reason: "503",
            body: [9, 1, 2, 3]
        )
        try Data(record.jsonLine).write(to: URL(fileURLWithPath: deadLetter))
        let config = directory.appendingPathComponent("workflow.yml").path
        try
            "general:\n  telemetry:\n    tracing:\n      otel:\n        _type: otelcollector\n        endpoint: http://127.0.0.1:\(port)/v1/traces\n"
            .write(toFile: config, atomically: true, encoding: .utf8)

        let refused = try await GenerateCommandTests.run(
            ["replay", deadLetter, "--config", config, "--exporter", "otle", "--format", "json"],
            in: directory
        )
        #expect(refused.status == 2, "\(refused.output)")
        let refusal = try #require(JSONDocument.object(refused.output), "\(refused.output)")
        #expect(refusal["resent"] as? Int == 0)
        let diagnostics = try #require(refusal["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["CLI001"])
        #expect(diagnostics.first?["hint"] as? String == "did you mean 'otel'?")
        #expect(server.requests.isEmpty)

        let sent = try await GenerateCommandTests.run(
            ["replay", deadLetter, "--config", config, "--format", "json"],
            in: directory
        )
        #expect(sent.status == 0, "\(sent.output)")
        let report = try #require(JSONDocument.object(sent.output), "\(sent.output)")
        #expect(report["exporter"] as? String == "otel")
        #expect(report["resent"] as? Int == 1)
        #expect(report["resent_items"] as? Int == 3)
        #expect(report["still_failing"] as? Int == 0)
        #expect((report["failures"] as? [Any])?.isEmpty == true)
        #expect(server.requests.map(\.body) == [[9, 1, 2, 3]])
    }
}

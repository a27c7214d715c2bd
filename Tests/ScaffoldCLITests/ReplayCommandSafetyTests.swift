import ArgumentParser
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ScaffoldCLI

/// `scaffold replay` never destroys what it reads or writes by mistake, and says when it did nothing.
@Suite("ReplayCommandSafety")
struct ReplayCommandSafetyTests {
    static let fixtures = ReplayCommandTests.fixtures
    static let kept = "{\"kept\": true}\n"

    private func run(_ arguments: [String]) async -> Int32 { await ReplayCommandTests.runInProcess(arguments) }

    /// A directory with `workflow.yml` (the given tracing entries) and `out.jsonl` holding ``kept``.
    private func workspace(_ tracing: String) throws -> (directory: URL, config: String, output: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("scaffold-replay-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("workflow.yml").path
        try "general:\n  telemetry:\n    tracing:\n\(tracing)".write(toFile: config, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.jsonl").path
        try Self.kept.write(toFile: output, atomically: true, encoding: .utf8)
        return (directory, config, output)
    }

    @Test("a --trace-format that reads no event exits 2 before the outputs are opened")
    func wrongFormatKeepsOutputs() async throws {
        let (directory, config, output) = try workspace(
            "      out: {_type: file, output_path: out.jsonl, mode: overwrite}\n"
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = Self.fixtures.appendingPathComponent("relay-trace.atof.jsonl").path
        #expect(
            await run(["replay", trace, "--config", config, "--trace-format", "intermediate_step", "--quiet"]) == 2
        )
        #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.kept)
        // --trace-format overrides detection: the same trace read as what it is goes through.
        #expect(await run(["replay", trace, "--config", config, "--trace-format", "atof", "--quiet"]) == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) != Self.kept)
    }

    @Test("replaying a file into itself is refused and the file is intact")
    func selfReplayRefused() async throws {
        let (directory, config, output) = try workspace(
            "      out: {_type: file, output_path: out.jsonl, mode: overwrite}\n"
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(
            contentsOf: Self.fixtures.appendingPathComponent("toolkit-trace.jsonl"),
            encoding: .utf8
        )
        try original.write(toFile: output, atomically: true, encoding: .utf8)
        #expect(await run(["replay", output, "--config", config, "--quiet"]) == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == original)
    }

    @Test("a trace without events exits 2 instead of reporting success")
    func emptyTraceIsAProblem() async throws {
        let (directory, config, output) = try workspace("      out: {_type: file, output_path: out.jsonl}\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.jsonl").path
        try "\n\n".write(toFile: empty, atomically: true, encoding: .utf8)
        #expect(await run(["replay", empty, "--config", config, "--quiet"]) == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.kept)
    }

    @Test("a shutdown timeout that is not a finite number of seconds is refused, not a crash")
    func shutdownTimeoutValidated() async throws {
        let trace = Self.fixtures.appendingPathComponent("toolkit-trace.jsonl").path
        for value in ["inf", "nan", "-1", "1e300"] {
            #expect(throws: (any Error).self, "\(value)") {
                _ = try ScaffoldCommand.parseAsRoot(["replay", trace, "--config", "w.yml", "--shutdown-timeout", value])
            }
        }
        let status = await run(["replay", trace, "--config", "w.yml", "--shutdown-timeout", "inf"])
        #expect(status == ExitCode.validationFailure.rawValue)
        _ = try ScaffoldCommand.parseAsRoot(["replay", trace, "--config", "w.yml", "--shutdown-timeout", "0.5"])
    }

    @Test("format detection skips an undetectable first line: the rest is replayed and the line reported")
    func detectionFallsBackToALaterLine() async throws {
        let (directory, config, output) = try workspace(
            "      out: {_type: file, output_path: out.jsonl, mode: overwrite}\n"
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(
            contentsOf: Self.fixtures.appendingPathComponent("toolkit-trace.jsonl"),
            encoding: .utf8
        )
        let trace = directory.appendingPathComponent("trace.jsonl").path
        try ("{\"unrelated\": true}\n" + original).write(toFile: trace, atomically: true, encoding: .utf8)
        #expect(await run(["replay", trace, "--config", config, "--quiet"]) == 1)
        let written = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(written.count == original.split(separator: "\n").count)
    }
}

/// `scaffold replay` through the built binary: what it prints and its exit status when exports fail.
@Suite("ReplayCommandOutput", .serialized)
struct ReplayCommandOutputTests {
    private func workspace(_ tracing: String) throws -> (directory: URL, config: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("scaffold-replay-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("workflow.yml").path
        try "general:\n  telemetry:\n    tracing:\n\(tracing)".write(toFile: config, atomically: true, encoding: .utf8)
        return (directory, config)
    }

    @Test("without --quiet the statistics of every exporter are printed; --format json prints them as one object")
    func statisticsPrinted() async throws {
        let (directory, config) = try workspace("      out: {_type: file, output_path: out.jsonl}\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl").path
        let events = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").count
        let text = try await ChildProcess.run(GenerateCommandTests.binary.path, ["replay", trace, "--config", config])
        #expect(text.status == 0, "\(text.output)")
        #expect(text.output.contains("replayed \(events) events from \(trace)"))
        #expect(text.output.contains("  out: "))
        #expect(text.output.contains("exported"))
        let json = try await ChildProcess.run(
            GenerateCommandTests.binary.path,
            ["replay", trace, "--config", config, "--format", "json"]
        )
        #expect(json.status == 0, "\(json.output)")
        let object = try JSONValue(parsing: json.output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(object.objectValue?["events"]?.intValue == Int64(events))
        #expect(object.objectValue?["clean"]?.boolValue == true)
        let exporter = object.objectValue?["exporters"]?.arrayValue?.first?.objectValue
        #expect(exporter?["name"]?.stringValue == "out")
        #expect(exporter?["exported"]?.intValue == Int64(events))
    }

    @Test("exports that fail (a refused endpoint) make the replay exit 1 and say what went wrong")
    func failedExportsExitNonZero() async throws {
        // A port that was just listened on and closed again refuses connections.
        let server = LoopbackHTTPServer()
        let closedPort = try await server.start()
        server.stop()
        let (directory, config) = try workspace(
            """
                  otel:
                    _type: otelcollector
                    endpoint: http://127.0.0.1:\(closedPort)/v1/traces
                    timeout: 200ms
                    shutdown_timeout: 1s
                    batch_size: 10

            """
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl").path
        let outcome = try await ChildProcess.run(
            GenerateCommandTests.binary.path,
            ["replay", trace, "--config", config, "--shutdown-timeout", "3", "--format", "json"]
        )
        #expect(outcome.status == 1, "\(outcome.output)")
        // The exporter's log lines share the output; the JSON object is the line of its own.
        let line = try #require(outcome.output.split(separator: "\n").last { $0.hasPrefix("{") })
        let object = try JSONValue(parsing: String(line))
        #expect(object.objectValue?["clean"]?.boolValue == false)
        #expect(object.objectValue?["problems"]?.stringValue?.contains("otel") == true)
    }
}

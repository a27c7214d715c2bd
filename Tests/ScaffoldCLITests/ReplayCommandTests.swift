import ArgumentParser
import ExporterRuntime
import Foundation
import Testing

@testable import ScaffoldCLI

/// Runs `scaffold replay` in-process, as the binary would.
@Suite("ReplayCommand")
struct ReplayCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ExporterRuntimeTests/Fixtures")

    /// Parses and runs `arguments` in-process, as the binary would; returns the exit code.
    static func runInProcess(_ arguments: [String]) async -> Int32 {
        do {
            var command = try ScaffoldCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return ScaffoldCommand.exitCode(for: error).rawValue
        }
    }

    private func run(_ arguments: [String]) async -> Int32 { await Self.runInProcess(arguments) }

    private func workspace(_ tracing: String) throws -> (directory: URL, config: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("scaffold-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("workflow.yml").path
        try "general:\n  telemetry:\n    tracing:\n\(tracing)".write(toFile: config, atomically: true, encoding: .utf8)
        return (directory, config)
    }

    private func jsonLines(_ path: String) throws -> [JSONValue] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONValue(parsing: String($0))
        }
    }

    @Test(
        "replaying a toolkit trace into a file exporter writes the same events back",
        arguments: [
            ("toolkit-trace", "intermediate_step"), ("relay-trace.atof", "atof"),
        ]
    )
    func roundTrip(fixture: String, format: String) async throws {
        let (directory, config) = try workspace(
            "      out: {_type: file, output_path: out.jsonl, format: \(format), mode: overwrite}\n"
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = Self.fixtures.appendingPathComponent("\(fixture).jsonl").path
        let status = await run(["replay", trace, "--config", config, "--quiet"])
        #expect(status == 0)
        let original = try jsonLines(trace)
        let written = try jsonLines(directory.appendingPathComponent("out.jsonl").path)
        #expect(written.count == original.count)
        for (index, (expected, actual)) in zip(original, written).enumerated() {
            #expect(expected == actual, "line \(index + 1) differs")
        }
    }

    @Test("malformed trace lines are reported and make the replay exit 1, good lines still go through")
    func malformedLines() async throws {
        let (directory, config) = try workspace("      out: {_type: file, output_path: out.jsonl}\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = Self.fixtures.appendingPathComponent("malformed.jsonl").path
        let status = await run(["replay", trace, "--config", config, "--quiet"])
        #expect(status == 1)
        let written = try jsonLines(directory.appendingPathComponent("out.jsonl").path)
        #expect(!written.isEmpty)
    }

    @Test("a configuration error exits 2")
    func configurationError() async throws {
        let (directory, config) = try workspace("      out: {_type: fiel}\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = Self.fixtures.appendingPathComponent("toolkit-trace.jsonl").path
        #expect(await run(["replay", trace, "--config", config]) == 2)
    }

    @Test("a missing trace exits 2 with a valid configuration and leaves the outputs untouched")
    func missingTrace() async throws {
        let (directory, config) = try workspace("      out: {_type: file, output_path: out.jsonl, mode: overwrite}\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.jsonl").path
        try "{\"kept\": true}\n".write(toFile: output, atomically: true, encoding: .utf8)
        // The configuration is fine: the same command with a real trace succeeds (and then overwrites).
        #expect(
            await run(["replay", directory.appendingPathComponent("nonexistent.jsonl").path, "--config", config]) == 2
        )
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "{\"kept\": true}\n")
        let trace = Self.fixtures.appendingPathComponent("toolkit-trace.jsonl").path
        #expect(await run(["replay", trace, "--config", config, "--quiet"]) == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) != "{\"kept\": true}\n")
    }

    @Test("a full buffer during replay cannot happen: the replayer waits for the exporters")
    func noDropsOnLargeReplays() async throws {
        let (directory, config) = try workspace(
            "      out: {_type: file, output_path: out.jsonl, buffer_capacity: 16, format: atof}\n"
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let workflow = try WorkflowConfiguration.load(contentsOf: config)
        let manager = workflow.makeManager()
        var events: [AgentEvent] = []
        for index in 0..<500 {
            events.append(
                AgentEvent(
                    uuid: "m\(index)",
                    phase: .mark,
                    category: .custom("mark"),
                    name: "m",
                    timestamp: Timestamp(nanosecondsSinceEpoch: Int64(index) * 1000)
                )
            )
        }
        let report = try await TraceReplayer(manager: manager).replay(events)
        await manager.close()
        #expect(report.isClean, "\(report.problemSummary())")
        #expect(try jsonLines(directory.appendingPathComponent("out.jsonl").path).count == 500)
    }
}

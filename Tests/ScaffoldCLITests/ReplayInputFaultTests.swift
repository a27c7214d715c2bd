import ExporterRuntimeTesting
import Foundation
import Testing

/// `scaffold replay` given input that used to crash it or lose data, through the built binary: a directory, an
/// endless line, a line over the limit. Each ends in a positioned diagnostic and exit 2, never a signal.
@Suite("ReplayInputFaults", .serialized)
struct ReplayInputFaultTests {
    static let kept = "{\"kept\": true}\n"

    /// A directory with `workflow.yml` (one `file` exporter writing `out.jsonl`) and `out.jsonl` holding ``kept``.
    static func workspace() throws -> (directory: URL, config: String, output: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("scaffold-replay-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("workflow.yml").path
        let output = directory.appendingPathComponent("out.jsonl").path
        try """
        general:
          telemetry:
            tracing:
              out: {_type: file, output_path: \(output), mode: overwrite}

        """.write(toFile: config, atomically: true, encoding: .utf8)
        try kept.write(toFile: output, atomically: true, encoding: .utf8)
        return (directory, config, output)
    }

    static func scaffold(_ arguments: [String]) async throws -> ChildProcess.Outcome {
        try await ChildProcess.run(GenerateCommandTests.binary.path, arguments)
    }

    @Test("a directory as the trace exits 2 with CLI003, no crash, outputs untouched")
    func directoryAsTrace() async throws {
        let (directory, config, output) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await Self.scaffold(["replay", directory.path, "--config", config, "--quiet"])
        #expect(outcome.status == 2, "\(outcome.output)")
        #expect(
            outcome.output.contains("error[CLI003]: cannot read trace '\(directory.path)': is a directory"),
            "\(outcome.output)"
        )
        #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.kept)
    }

    @Test("a line over --max-line-length in a file names its line and leaves the outputs untouched")
    func overLongLineInFile() async throws {
        let (directory, config, output) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try String(
            contentsOf: ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl"),
            encoding: .utf8
        ).split(separator: "\n")
        let trace = directory.appendingPathComponent("long.jsonl").path
        let long = "{\"padding\": \"" + String(repeating: "x", count: 20_000) + "\"}"
        try ([String(lines[0]), String(lines[1]), long] + lines[2...].map(String.init))
            .joined(separator: "\n").write(toFile: trace, atomically: true, encoding: .utf8)
        let outcome = try await Self.scaffold(
            ["replay", trace, "--config", config, "--max-line-length", "10000", "--quiet"]
        )
        #expect(outcome.status == 2, "\(outcome.output)")
        #expect(outcome.output.contains("\(trace):3:1: error[TRACE010]: line 3 is longer than 10000 bytes"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.kept)
        // Under the default limit the same line is only malformed (not an event): reported, skipped, exit 1.
        let relaxed = try await Self.scaffold(["replay", trace, "--config", config, "--quiet"])
        #expect(relaxed.status == 1, "\(relaxed.output)")
        #expect(relaxed.output.contains("\(trace):3:"))
    }

    @Test("an endless line (/dev/zero) stops at the limit with a diagnostic, in bounded memory")
    func endlessLine() async throws {
        let (directory, config, output) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await ChildProcess.run(
            "/usr/bin/time",
            [
                "-f", "maxrss=%M", GenerateCommandTests.binary.path, "replay", "/dev/zero", "--config", config,
                "--max-line-length", "4194304",
            ]
        )
        #expect(outcome.status == 2, "\(outcome.output)")
        #expect(outcome.output.contains("/dev/zero:1:1: error[TRACE010]: line 1 is longer than 4194304 bytes"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.kept)
        let peak = try #require(ReplayMemoryTests.maxRSS(outcome.output))
        // A 4 MiB limit (the default 64 MiB works alike, only slower) and the rest of the process (about 35 MiB);
        // the reader that read to the end of the input grew past 16 GiB.
        #expect(peak < 96 << 20, "peak RSS \(peak >> 20) MiB")
        print("replay /dev/zero: peak RSS \(peak >> 20) MiB")
    }
}

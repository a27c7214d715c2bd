import ExporterRuntimeTesting
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `scaffold replay` reading standard input, a pipe or a FIFO, through the built binary: every event arrives,
/// none lost to the format sniff.
@Suite("ReplayStreams", .serialized)
struct ReplayStreamTests {
    static let trace = ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl").path

    /// The trace's events as `out.jsonl` should hold them: one line each, as the `file` exporter writes them.
    private func expectEveryEvent(in output: String, _ context: String) throws {
        let written = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        let recorded = try String(contentsOfFile: Self.trace, encoding: .utf8).split(separator: "\n")
        #expect(written.count == recorded.count, "\(context)")
    }

    /// Runs `script` under `sh -c` with `$SCAFFOLD`, `$TRACE` and `$CONFIG` set.
    private func shell(_ script: String, config: String) async throws -> ChildProcess.Outcome {
        try await ChildProcess.run(
            "/bin/sh",
            ["-c", script],
            environment: ["SCAFFOLD": GenerateCommandTests.binary.path, "TRACE": Self.trace, "CONFIG": config]
        )
    }

    @Test("replay - reads standard input: redirected from a file and through a pipe")
    func standardInput() async throws {
        let (directory, config, output) = try ReplayInputFaultTests.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let redirected = try await shell(#""$SCAFFOLD" replay - --config "$CONFIG" --quiet < "$TRACE""#, config: config)
        #expect(redirected.status == 0, "\(redirected.output)")
        try expectEveryEvent(in: output, "stdin from a file")

        try ReplayInputFaultTests.kept.write(toFile: output, atomically: true, encoding: .utf8)
        let piped = try await shell(#"cat "$TRACE" | "$SCAFFOLD" replay - --config "$CONFIG""#, config: config)
        #expect(piped.status == 0, "\(piped.output)")
        #expect(piped.output.contains("replayed 25 events from <stdin>"), "\(piped.output)")
        try expectEveryEvent(in: output, "stdin from a pipe")
    }

    @Test("a FIFO loses nothing to the format sniff, and /dev/stdin reads like -")
    func fifoLosesNothing() async throws {
        let (directory, config, output) = try ReplayInputFaultTests.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("trace.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The writer trickles the trace in small pieces, so the sniff sees a partial first line.
        let fed = try await shell(
            #"(dd if="$TRACE" bs=512 2>/dev/null > "$1") & "$SCAFFOLD" replay "$1" --config "$CONFIG""#
                .replacingOccurrences(of: "$1", with: fifo),
            config: config
        )
        #expect(fed.status == 0, "\(fed.output)")
        #expect(fed.output.contains("replayed 25 events from \(fifo)"), "\(fed.output)")
        try expectEveryEvent(in: output, "FIFO")

        let devStdin = try await shell(
            #"cat "$TRACE" | "$SCAFFOLD" replay /dev/stdin --config "$CONFIG""#,
            config: config
        )
        #expect(devStdin.output.contains("replayed 25 events from /dev/stdin"), "\(devStdin.output)")
    }

    @Test("a stream is replayed as read: a malformed line is reported and counted (exit 1), a line too long stops it")
    func streamProblems() async throws {
        let (directory, config, output) = try ReplayInputFaultTests.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let malformed = ReplayCommandTests.fixtures.appendingPathComponent("malformed.jsonl").path
        let bad = try await shell(
            #"cat "\#(malformed)" | "$SCAFFOLD" replay - --config "$CONFIG" --quiet"#,
            config: config
        )
        #expect(bad.status == 1, "\(bad.output)")
        #expect(bad.output.contains("<stdin>:5:1: error[TRACE005]"), "\(bad.output)")
        #expect(bad.output.contains("6 malformed trace lines"), "\(bad.output)")

        let long = try await shell(
            #"(cat "$TRACE"; head -c 5000 /dev/zero | tr '\0' x) | "$SCAFFOLD" replay - --config "$CONFIG" --max-line-length 4096"#,
            config: config
        )
        #expect(long.status == 2, "\(long.output)")
        #expect(
            long.output.contains("<stdin>:26:1: error[TRACE010]: line 26 is longer than 4096 bytes"),
            "\(long.output)"
        )
        #expect(long.output.contains("replayed 25 events from <stdin>"), "\(long.output)")
        try expectEveryEvent(in: output, "the events before the long line")
    }

    @Test("dead letters on standard input are refused (replay rewrites the file by its path), exit 2")
    func deadLettersOnAStream() async throws {
        let (directory, config, output) = try ReplayInputFaultTests.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await shell(
            #"printf '\n{"dead_letter_version":1}\n' | "$SCAFFOLD" replay - --config "$CONFIG""#,
            config: config
        )
        #expect(outcome.status == 2, "\(outcome.output)")
        #expect(outcome.output.contains("error[REPLAY003]: <stdin> holds dead letters"), "\(outcome.output)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == ReplayInputFaultTests.kept)
    }
}

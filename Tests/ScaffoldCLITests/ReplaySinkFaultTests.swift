import ExporterRuntimeTesting
import Foundation
import Testing

/// `scaffold replay` with a `file` exporter whose writes fail, through the built binary: the shutdown report and
/// the exit status say failed, never exported, and `exported` is the whole lines the file really holds.
@Suite("ReplaySinkFaults", .serialized)
struct ReplaySinkFaultTests {
    static let trace = ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl").path

    /// A directory with `workflow.yml`: one `file` exporter named `out` writing `output` (a path) in overwrite mode.
    static func workspace(output: String?) throws -> (directory: URL, config: String, output: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("scaffold-replay-sink-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("workflow.yml").path
        let output = output ?? directory.appendingPathComponent("out.jsonl").path
        try """
        general:
          telemetry:
            tracing:
              out: {_type: file, output_path: \(output), mode: overwrite}

        """.write(toFile: config, atomically: true, encoding: .utf8)
        return (directory, config, output)
    }

    /// The events of the trace: one per line.
    static func traceEvents() throws -> Int {
        try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").count
    }

    /// Every event made one line: exported, dropped, failed or abandoned, each exactly once.
    static func expectAccounted(_ out: [String: Any], made: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let counts = ["exported", "dropped", "failed", "abandoned_items"].map { out[$0] as? Int ?? -1 }
        #expect(counts.reduce(0, +) == made, "\(out)", sourceLocation: sourceLocation)
        #expect(out["abandoned"] as? Int == 0, "\(out)", sourceLocation: sourceLocation)
    }

    /// The exporter `out` of a `--format json` report.
    static func exporterReport(_ output: String) throws -> [String: Any] {
        let start = try #require(output.firstIndex(of: "{"))
        let object = try JSONSerialization.jsonObject(with: Data(output[start...].utf8)) as? [String: Any]
        let exporters = try #require(object?["exporters"] as? [[String: Any]])
        return try #require(exporters.first { $0["name"] as? String == "out" })
    }

    @Test(
        "to /dev/full: exit 1, every event failed, none exported, the loss named",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"))
    )
    func fullDevice() async throws {
        let (directory, config, _) = try Self.workspace(output: "/dev/full")
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = try Self.traceEvents()
        let outcome = try await ChildProcess.run(
            GenerateCommandTests.binary.path,
            ["replay", Self.trace, "--config", config, "--format", "json"]
        )
        #expect(outcome.status == 1, "\(outcome.output)")
        let out = try Self.exporterReport(outcome.output)
        #expect(out["exported"] as? Int == 0, "\(out)")
        #expect(out["failed"] as? Int == events, "\(out)")
        #expect(out["completed"] as? Bool == false)
        Self.expectAccounted(out, made: events)
        let errors = out["errors"] as? [String] ?? []
        #expect(errors.contains { $0.contains("/dev/full") && $0.contains("No space left on device") }, "\(errors)")

        let text = try await ChildProcess.run(
            GenerateCommandTests.binary.path,
            ["replay", Self.trace, "--config", config]
        )
        #expect(text.status == 1)
        #expect(text.output.contains("exported=0"), "\(text.output)")
        #expect(text.output.contains("failed=\(events)"), "\(text.output)")
        print("replay to /dev/full [exit \(text.status)]:\n\(text.output)")
    }

    @Test(
        "past RLIMIT_FSIZE (EFBIG after 4096 bytes): the lines that fit are exported, the torn one is cut off",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"))
    )
    func fileSizeLimit() async throws {
        let (directory, config, output) = try Self.workspace(output: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = try Self.traceEvents()
        // SIGXFSZ ignored (inherited through exec), so the write fails with EFBIG instead of killing the process.
        let outcome = try await ChildProcess.run(
            "/bin/sh",
            [
                "-c", "trap '' XFSZ; exec /usr/bin/prlimit --fsize=4096 \"$@\"", "sh",
                GenerateCommandTests.binary.path, "replay", Self.trace, "--config", config, "--format", "json",
            ]
        )
        #expect(outcome.status == 1, "\(outcome.output)")
        let out = try Self.exporterReport(outcome.output)
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: output)))
        let lines = bytes.split(separator: UInt8(ascii: "\n")).count
        #expect(bytes.count <= 4096)
        #expect(bytes.last == UInt8(ascii: "\n"), "the file ends on a whole line")
        #expect(lines > 0 && lines < events)
        #expect(out["exported"] as? Int == lines, "\(out)")
        #expect(out["failed"] as? Int == events - lines, "\(out)")
        Self.expectAccounted(out, made: events)
        let errors = out["errors"] as? [String] ?? []
        #expect(errors.contains { $0.contains(output) && $0.contains("File too large") }, "\(errors)")
        print("replay past RLIMIT_FSIZE: \(events) events, \(lines) lines (\(bytes.count) bytes) in the file; \(out)")
    }
}

import ExporterRuntime
import ExporterRuntimeTesting
import Foundation

/// One run of the built `agent-demo` executable against a throwaway Arize Phoenix, through the root package's
/// `Scripts/phoenix-run.sh` (Phoenix in network and PID namespaces of its own, stopped and deleted afterwards).
///
/// Enabled when `PHOENIX_PYTHON` names the python of `Scripts/phoenix-venv.sh`.
struct DemoPhoenixRun {
    /// The Phoenix venv's python, from `PHOENIX_PYTHON`; nil (tests skipped) when unset or empty.
    static let python: String? = ProcessInfo.processInfo.environment["PHOENIX_PYTHON"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The repository root (the demo lives in `Examples/AgentDemo`), found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Phoenix
        .deletingLastPathComponent()  // AgentDemoKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // AgentDemo
        .deletingLastPathComponent()  // Examples
        .deletingLastPathComponent()

    /// A failed run, with the script's output (Phoenix's log tail included when Phoenix failed).
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// What Phoenix stored for the demo's OTLP project.
    var stored: [PhoenixSpan]
    /// What the demo's `spans` file exporter wrote in the same run: the reference.
    var written: [JSONValue]
    /// The demo's and the script's combined output.
    var output: String

    /// Runs `agent-demo --otlp-endpoint $PHOENIX_OTLP_ENDPOINT --output-dir … --model-latency-ms 0` next to a fresh
    /// Phoenix and reads back the spans of `project`, waiting until at least `expectedSpans` are stored.
    static func play(project: String, expectedSpans: Int, in directory: TemporaryDirectory) async throws -> Self {
        guard let python else { throw Failure(message: "PHOENIX_PYTHON is not set") }
        let outputDirectory = directory.file("output")
        let spansDirectory = directory.file("phoenix-spans")
        try FileManager.default.createDirectory(atPath: spansDirectory, withIntermediateDirectories: true)
        // PHOENIX_OTLP_ENDPOINT exists only inside Phoenix's namespace: a shell there expands it.
        let demo = [
            "/bin/sh", "-c",
            #"exec "$0" --otlp-endpoint "$PHOENIX_OTLP_ENDPOINT" --output-dir "$1" --model-latency-ms 0"#,
            try agentDemoExecutable(), outputDirectory,
        ]
        let outcome = try await ChildProcess.run(
            "/bin/bash",
            [
                repositoryRoot.appendingPathComponent("Scripts/phoenix-run.sh").path, "--python", python,
                "--project", project, "--expect-spans", String(expectedSpans), "--spans-dir", spansDirectory, "--",
            ] + demo,
            in: URL(fileURLWithPath: directory.path)
        )
        guard outcome.status == 0 else {
            throw Failure(message: "phoenix-run.sh exited \(outcome.status):\n\(outcome.output)")
        }
        let file = spansDirectory + "/\(project).json"
        guard let array = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: file)))).arrayValue
        else { throw Failure(message: "\(file): expected a JSON array of spans") }
        return Self(
            stored: try array.map(PhoenixSpan.init(json:)),
            written: try jsonLines(outputDirectory + "/spans.jsonl"),
            output: outcome.output
        )
    }

    /// The `agent-demo` executable that `swift build` put next to the test binary (`AGENT_DEMO_BINARY` overrides).
    static func agentDemoExecutable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["AGENT_DEMO_BINARY"], !path.isEmpty { return path }
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the test binary sits in the products directory; a bundle (`….xctest/Contents/MacOS`) is deeper.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("agent-demo").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw Failure(message: "no agent-demo next to \(testBinary.path); run swift build or set AGENT_DEMO_BINARY")
    }
}

import ExporterRuntime
import ExporterRuntimeTesting
import Foundation

/// The client side of the MLflow tests: the generated `Examples/Exporters/mlflow` package's `mlflow-replay`, built
/// once per test process, and MLflow's own Python client (`Scripts/mlflow-traces.py`) to read back what was stored.
///
/// Enabled when `MLFLOW_PYTHON` names the python of `Scripts/mlflow-venv.sh`.
enum MLflowHarness {
    /// The MLflow venv's python, from `MLFLOW_PYTHON`; nil (tests skipped) when unset or empty.
    static let python: String? = ProcessInfo.processInfo.environment["MLFLOW_PYTHON"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A failed step, with what the program said.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs a program to its end; its output when it exits 0, else a failure with that output.
    @discardableResult
    static func runPython(_ executable: String, _ arguments: [String]) async throws -> String {
        let outcome = try await ChildProcess.run(executable, arguments)
        guard outcome.status == 0 else {
            throw Failure(
                message: "\(executable) \(arguments.joined(separator: " ")) exited \(outcome.status):\n"
                    + outcome.output
            )
        }
        return outcome.output
    }

    /// The built `mlflow-replay` of `Examples/Exporters/mlflow`, built once per process. It builds in the scratch
    /// directory of the generated-package tests (`CompileTests`, `Scripts/test.sh`'s examples), where CI has
    /// compiled the runtime and swift-protobuf already, so only the package's own targets are compiled here.
    static func replayTool() async throws -> String {
        try await replayToolBuild.value
    }

    private static let replayToolBuild = Task<String, any Error> {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-compile-tests/.build")
        let package = packageRoot.appendingPathComponent("Examples/Exporters/mlflow")
        let arguments = ["build", "--package-path", package.path, "--scratch-path", scratch.path]
        let build = try await ChildProcess.run("swift", arguments + ["--product", "mlflow-replay"])
        guard build.status == 0 else {
            throw Failure(message: "building mlflow-replay failed:\n\(build.output)")
        }
        let binPath = try await ChildProcess.run("swift", arguments + ["--show-bin-path"])
        let directory = binPath.output.split(separator: "\n").last.map(String.init) ?? ""
        return URL(fileURLWithPath: directory).appendingPathComponent("mlflow-replay").path
    }

    /// What one `mlflow-replay` run printed and counted.
    struct Replay {
        /// The exit status: 0 clean, 1 with problems (failures, drops, unconfirmed items).
        var status: Int32
        /// Standard output and error.
        var output: String
        /// The `mlflow` exporter's statistics at shutdown, as `key=value` pairs of its report line.
        var statistics: [String: Int]

        subscript(_ key: String) -> Int { statistics[key] ?? 0 }
    }

    /// Writes a workflow with one `mlflow` exporter section (`section` holds its keys, indented by the caller's
    /// lines) and replays `trace` through it. `MLFLOW_EXPERIMENT_ID` is removed from the tool's environment unless
    /// `experimentFromEnvironment` gives it.
    static func replay(
        _ trace: URL,
        section: [String],
        experimentFromEnvironment: String? = nil,
        in directory: URL
    ) async throws -> Replay {
        let workflow = directory.appendingPathComponent("workflow-\(UUID().uuidString).yml")
        let lines =
            ["general:", "  telemetry:", "    tracing:", "      mlflow:", "        _type: mlflow"]
            + section.map { "        " + $0 }
        try (lines.joined(separator: "\n") + "\n").write(to: workflow, atomically: true, encoding: .utf8)
        let tool = try await replayTool()
        let environment = experimentFromEnvironment.map { ["MLFLOW_EXPERIMENT_ID=\($0)"] } ?? []
        let outcome = try await ChildProcess.run(
            "/usr/bin/env",
            ["-u", "MLFLOW_EXPERIMENT_ID"] + environment + [tool, trace.path, workflow.path],
            in: directory
        )
        return Replay(status: outcome.status, output: outcome.output, statistics: statistics(in: outcome.output))
    }

    /// The counters of the line `  mlflow: received=… processed=… exported=…` that the replay tool prints, and
    /// `abandoned_events`/`abandoned_items` when its shutdown timed out.
    static func statistics(in output: String) -> [String: Int] {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("  mlflow: ") }) else { return [:] }
        var counters: [String: Int] = [:]
        for pair in line.dropFirst("  mlflow: ".count).split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Int(parts[1]) { counters[String(parts[0])] = value }
        }
        // What a shutdown that timed out left behind, from the tool's `problems:` line.
        if let match = output.firstMatch(of: /mlflow abandoned (\d+) events and (\d+) items at shutdown/) {
            counters["abandoned_events"] = Int(match.1)
            counters["abandoned_items"] = Int(match.2)
        }
        return counters
    }

    /// The traces of an experiment as MLflow's client reads them, waiting until at least `expectedSpans` are stored
    /// (0: read once).
    static func traces(
        of server: MLflowServer,
        experiment: String,
        expectedSpans: Int,
        in directory: URL
    ) async throws -> [MLflowTrace] {
        let output = directory.appendingPathComponent("traces-\(experiment)-\(UUID().uuidString).json")
        try await runPython(
            server.python,
            [
                packageRoot.appendingPathComponent("Scripts/mlflow-traces.py").path,
                "--tracking-uri", server.trackingURI, "--experiment-id", experiment,
                "--expect-spans", String(expectedSpans), "--timeout", "60", "--output", output.path,
            ]
        )
        let json = try JSONValue(parsing: Array(try Data(contentsOf: output)))
        guard let array = json.arrayValue else { throw Failure(message: "\(output.path): not a JSON array") }
        return try array.map(MLflowTrace.init(json:))
    }
}

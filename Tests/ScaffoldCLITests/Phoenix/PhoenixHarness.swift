import ExporterRuntime
import ExporterRuntimeTesting
import Foundation

/// A throwaway Arize Phoenix for integration tests, through `Scripts/phoenix-run.sh`.
///
/// The script starts Phoenix in network and PID namespaces of its own (its gRPC receiver would otherwise listen on
/// every interface), runs the given command there, fetches the stored spans through the REST API, stops Phoenix and
/// deletes its data, whatever happens. So a test hands over the whole client side as one command — everything
/// that talks to Phoenix must run inside the namespace — and gets the spans back as JSON.
///
/// Enabled when `PHOENIX_PYTHON` names the python of `Scripts/phoenix-venv.sh`.
enum PhoenixHarness {
    /// The Phoenix venv's python, from `PHOENIX_PYTHON`; nil (tests skipped) when unset or empty.
    static let python: String? = ProcessInfo.processInfo.environment["PHOENIX_PYTHON"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `scaffold` executable that `swift build` put next to the test bundle (`SCAFFOLD_BINARY` overrides).
    static func scaffoldExecutable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["SCAFFOLD_BINARY"], !path.isEmpty { return path }
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the test binary sits in the products directory; a bundle (`….xctest/Contents/MacOS`) is deeper.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("scaffold").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw Failure(message: "no scaffold executable next to \(testBinary.path); build it or set SCAFFOLD_BINARY")
    }

    /// What one run left behind: the spans of each requested project, and the script's output.
    struct Run {
        /// The stored spans by project name, as Phoenix's REST API returned them.
        var spans: [String: [PhoenixSpan]]
        /// The command's and the script's combined output.
        var output: String
    }

    /// A failed run, with the script's output (Phoenix's log tail included when Phoenix failed).
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `command` next to a fresh Phoenix, then fetches the spans of `projects`, waiting until each holds at least
    /// `expectedSpans` (bounded by the script's timeout), with `directory` as the working directory.
    static func run(
        _ command: [String],
        projects: [String],
        expectedSpans: Int?,
        in directory: URL,
        environment: [String: String] = [:]
    ) async throws -> Run {
        guard let python else { throw Failure(message: "PHOENIX_PYTHON is not set") }
        let spansDirectory = directory.appendingPathComponent("phoenix-spans")
        try FileManager.default.createDirectory(at: spansDirectory, withIntermediateDirectories: true)
        var arguments = [
            packageRoot.appendingPathComponent("Scripts/phoenix-run.sh").path,
            "--python", python, "--spans-dir", spansDirectory.path,
        ]
        for project in projects { arguments += ["--project", project] }
        if let expectedSpans { arguments += ["--expect-spans", String(expectedSpans)] }
        let outcome = try await ChildProcess.run(
            "/bin/bash",
            arguments + ["--"] + command,
            in: directory,
            environment: environment
        )
        guard outcome.status == 0 else {
            throw Failure(message: "phoenix-run.sh exited \(outcome.status):\n\(outcome.output)")
        }
        var spans: [String: [PhoenixSpan]] = [:]
        for project in projects {
            let file = spansDirectory.appendingPathComponent("\(project).json")
            let json = try JSONValue(parsing: Array(try Data(contentsOf: file)))
            guard let array = json.arrayValue else {
                throw Failure(message: "\(file.path): expected a JSON array of spans")
            }
            spans[project] = try array.map(PhoenixSpan.init(json:))
        }
        return Run(spans: spans, output: outcome.output)
    }
}

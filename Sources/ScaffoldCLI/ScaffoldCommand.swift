import ArgumentParser
import Foundation

/// The `scaffold` command line: generate exporter packages and try exporters on recorded traces.
public struct ScaffoldCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "scaffold",
        abstract: "Build telemetry exporters for Swift agents and try them on recorded traces.",
        discussion: """
            Exit codes:
              0  success (for check: everything up to date)
              1  the command ran but found problems: dropped or failed exports or malformed trace lines \
            (replay), an invalid spec (validate), drift (check), a hand-edited file refused (generate, vendor), \
            a package not up to date with its spec (vendor)
              2  invalid input: configuration, trace or spec errors, printed as file:line:col diagnostics, \
            a file that cannot be read (every command says 'cannot read ROLE 'PATH': REASON', CLI003), or a \
            --runtime-path that is not a checkout of exporter-scaffold (new, generate)
              64 invalid command-line usage, a mistyped command (with the nearest one)

            validate, check, list, generate and replay take --format text|json: json prints one JSON object on \
            standard output, diagnostics included. Every command, flag and JSON shape: docs/cli.md.
            """,
        version: ScaffoldVersion.current,
        subcommands: [
            NewCommand.self, GenerateCommand.self, CheckCommand.self, ValidateCommand.self, SchemaCommand.self,
            ListCommand.self, TemplatesCommand.self, VendorCommand.self, ReplayCommand.self,
        ]
    )

    public init() {}
}

/// The version of this build of `scaffold` and of the runtime it carries.
public enum ScaffoldVersion {
    /// The semantic version.
    public static let current = "0.1.0"

    /// The Git URL the runtime is published at. A package whose spec has no `runtime:`, generated without
    /// `--runtime-path` or `--runtime-url`, depends on it with `from:` `current`. Forks and mirrors override it with
    /// the `SCAFFOLD_RUNTIME_URL` environment variable.
    public static let repositoryURL = "https://github.com/exporter-scaffold/exporter-scaffold.git"

    /// The environment variable that overrides `repositoryURL`.
    public static let repositoryURLVariable = "SCAFFOLD_RUNTIME_URL"

    /// The runtime URL generated packages depend on: `SCAFFOLD_RUNTIME_URL` when set and not empty, else
    /// `repositoryURL`.
    public static func runtimeURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let url = environment[repositoryURLVariable]?.trimmingCharacters(in: .whitespaces), !url.isEmpty else {
            return repositoryURL
        }
        return url
    }
}

/// Exit codes shared by every subcommand (documented in `scaffold --help`).
enum ScaffoldExitCode {
    static let problems = ExitCode(1)
    static let invalidInput = ExitCode(2)
}

import ArgumentParser

/// The `scaffold` command line: generate exporter packages and try exporters on recorded traces.
public struct ScaffoldCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "scaffold",
        abstract: "Build telemetry exporters for Swift agents and try them on recorded traces.",
        discussion: """
            Exit codes:
              0  success (for check: everything up to date)
              1  the command ran but found problems: dropped or failed exports or malformed trace lines \
            (replay), an invalid spec (validate), drift (check), a hand-edited file refused (generate)
              2  invalid input: configuration, trace or spec errors, printed as file:line:col diagnostics, \
            or a file that cannot be read
              64 invalid command-line usage
            """,
        version: ScaffoldVersion.current,
        subcommands: [
            NewCommand.self, GenerateCommand.self, CheckCommand.self, ValidateCommand.self, SchemaCommand.self,
            ListCommand.self, TemplatesCommand.self, ReplayCommand.self,
        ]
    )

    public init() {}
}

/// The version of this build of `scaffold` and of the runtime it carries.
public enum ScaffoldVersion {
    /// The semantic version.
    public static let current = "0.1.0"
}

/// Exit codes shared by every subcommand (documented in `scaffold --help`).
enum ScaffoldExitCode {
    static let problems = ExitCode(1)
    static let invalidInput = ExitCode(2)
}

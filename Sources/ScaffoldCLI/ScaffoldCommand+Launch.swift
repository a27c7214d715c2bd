import ArgumentParser
import ExporterDiagnostics
import Foundation

extension ScaffoldCommand {
    /// Runs the command line; a first word that names no subcommand is answered with the nearest one (exit 64)
    /// instead of the parser's "unexpected argument", which would not say that a command was mistyped.
    public static func launch(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        if let word = arguments.first, let message = unknownSubcommandMessage(word) {
            Terminal.standardError.write(message + "\n")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(arguments)
    }

    /// The names a first argument may be: every subcommand and `help`.
    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// The complaint for a first argument that is not an option and names no subcommand; nil when it does.
    static func unknownSubcommandMessage(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !subcommandNames.contains(word) else { return nil }
        let names = subcommandNames
        let suggestion = DidYouMean.suggestion(for: word, among: names).map { " did you mean '\($0)'?" } ?? ""
        return "error: unknown command '\(word)';\(suggestion)\n"
            + "commands: \(names.filter { $0 != "help" }.joined(separator: ", ")) (see 'scaffold --help')"
    }
}

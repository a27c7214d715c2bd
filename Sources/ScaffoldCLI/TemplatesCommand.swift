import ArgumentParser
import ExporterCore
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// `scaffold templates export DIR`.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the generator's templates.",
        subcommands: [Export.self]
    )

    /// Writes the built-in templates to start a customization.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in templates into DIR (for `generate --templates DIR`).",
            discussion: """
                Existing files are not overwritten; exits 1 when one was in the way. The keys a template can use \
                are listed in the scaffold repository's docs/TEMPLATES.md.
                """
        )

        @Argument(help: "The directory to write the .mustache files into.", completion: .directory)
        var directory: String

        func run() throws {
            let manager = FileManager.default
            var skipped: [String] = []
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                for (name, text) in TemplateSet.builtIn.sorted(by: { $0.key < $1.key }) {
                    let path = directory + "/" + name + ".mustache"
                    if manager.fileExists(atPath: path) {
                        skipped.append(path)
                        continue
                    }
                    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                }
            } catch {
                Terminal.standardError.write(
                    "cannot write templates into '\(directory)': \(FileErrorReason.describe(error, path: directory))\n"
                )
                throw ScaffoldExitCode.invalidInput
            }
            print("wrote \(TemplateSet.builtIn.count - skipped.count) templates to \(directory)")
            if !skipped.isEmpty {
                Terminal.standardError.write("left existing files alone: \(skipped.joined(separator: ", "))\n")
                throw ScaffoldExitCode.problems
            }
        }
    }
}

import ArgumentParser
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// `scaffold validate SPEC...`: checks exporter specs and prints every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check exporter.yaml specs and report every problem at once.",
        discussion: """
            Prints problems compiler-style (file:line:col, the source line and a caret) or, with --format json, as \
            a JSON array of diagnostics. Exits 0 when every spec is valid, 1 when any spec is invalid, 2 when a \
            spec file cannot be read.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The spec files (exporter.yaml).")
    var specs: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        var unreadable = false
        for path in specs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: path)
            else {
                // The YAML module's code for unreadable files, so every command reports them alike.
                diagnostics.append(
                    .error(
                        .yamlUnreadableFile,
                        "cannot read '\(path)': \(GeneratorWorkspace.unreadableReason(path))",
                        at: nil
                    )
                )
                unreadable = true
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            sources[path] = text
            do {
                _ = try SpecLoader.load(text: text, file: path)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        switch format {
        case .json:
            print(DiagnosticRenderer.json(diagnostics))
        case .text:
            if diagnostics.isEmpty {
                print(specs.count == 1 ? "\(specs[0]) is valid" : "\(specs.count) specs are valid")
            } else {
                let terminal = Terminal.standardError
                let renderer = DiagnosticRenderer(colored: terminal.colored)
                terminal.write(renderer.render(diagnostics) { sources[$0] } + "\n")
            }
        }
        if unreadable { throw ScaffoldExitCode.invalidInput }
        if !diagnostics.isEmpty { throw ScaffoldExitCode.problems }
    }
}

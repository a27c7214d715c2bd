import ArgumentParser
import ExporterDiagnostics
import ExporterRuntime
import Foundation
import ScaffoldGenerator

/// `scaffold validate SPEC...`: checks exporter specs and prints every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check exporter.yaml specs and report every problem at once.",
        discussion: """
            Prints problems compiler-style (file:line:col, the source line and a caret) or, with --format json, \
            one JSON object: {"valid", "specs": [{"path", "valid"}], "diagnostics"}. Exits 0 when every spec is valid, 1 when any spec is invalid, 2 when a \
            spec file cannot be read.
            """
    )

    @Argument(help: "The spec files (exporter.yaml).", completion: .file(extensions: ["yaml", "yml"]))
    var specs: [String]

    @Option(help: "text, or json: one JSON object on standard output (docs/cli.md).")
    var format: OutputFormat = .text

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        var unreadable = false
        var results: [JSONValue] = []
        for path in specs {
            let before = diagnostics.count
            defer { results.append(["path": .string(path), "valid": .bool(diagnostics.count == before)]) }
            let data: Data
            do {
                try InputFile.check(path, role: .spec)
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics
                unreadable = true
                continue
            } catch {
                diagnostics += InputFile.unreadable(path, role: .spec, error: error).diagnostics
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
            JSONReport.print(
                ["valid": .bool(diagnostics.isEmpty), "specs": .array(results)],
                diagnostics: diagnostics
            )
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

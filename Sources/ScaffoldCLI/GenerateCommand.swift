import ArgumentParser
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// `scaffold generate SPEC... [--output DIR] [--dry-run] [--force] [--templates DIR] [--runtime-path DIR |
/// --runtime-url URL]`.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate (or regenerate) the exporter package of each spec.",
        discussion: """
            Plans first: create, update, unchanged, delete or refuse, each with its reason. A generated file edited \
            by hand is refused (nothing is written) unless --force; files no longer generated are deleted; files \
            you own are created once and never touched again; unchanged files keep their modification time. \
            The package depends on the runtime named by the spec's runtime:, else by --runtime-path (a checkout) \
            or --runtime-url (a Git URL, from this scaffold's version), else by SCAFFOLD_RUNTIME_URL, else on the \
            published runtime from this scaffold's version; a line 'runtime: ...' says which and why. Exits 0 on \
            success, 1 when files were refused, 2 for an invalid spec or template or a --runtime-path that is not \
            a checkout of exporter-scaffold.
            """
    )

    @Argument(help: "The spec files (exporter.yaml).")
    var specs: [String]

    @Option(help: "The package directory (default: the spec's directory).")
    var output: String?

    @Flag(help: "Print the plan and a diff; write nothing.")
    var dryRun = false

    @Flag(help: "Overwrite or delete generated files even when edited by hand.")
    var force = false

    @Option(help: "A directory of .mustache templates replacing the built-in ones file by file.")
    var templates: String?

    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        let terminal = Terminal.standardError
        var refused = false
        do {
            let overrides = try GeneratorWorkspace.templates(in: templates)
            let flag = try runtime.flag()
            for specPath in specs {
                let loaded = try GeneratorWorkspace.load(specPath: specPath)
                let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? loaded.directory
                if dryRun {
                    if GeneratorWorkspace.hasPendingJournal(outputURL) {
                        terminal.write(
                            "note: an interrupted run left '\(GeneratorWorkspace.journal)' in \(outputURL.path); the "
                                + "next 'scaffold generate' finishes or undoes it first\n"
                        )
                    }
                } else if let recovered = try GeneratorWorkspace.recover(outputURL) {
                    terminal.write("note: \(recovered)\n")
                }
                let choice = GeneratorWorkspace.runtime(for: loaded, output: outputURL, flag: flag)
                let plan = try GeneratorWorkspace.plan(
                    loaded,
                    output: outputURL,
                    templates: overrides,
                    force: force,
                    runtime: choice.dependency
                )
                print(PlanReport.describe(plan, output: outputURL.path, diff: dryRun))
                print(choice.line)
                for warning in GeneratorWorkspace.staleImportWarnings(plan, spec: loaded.spec) {
                    terminal.write("warning: \(warning)\n")
                }
                if !plan.refusals.isEmpty {
                    refused = true
                    terminal.write(
                        "refused: \(plan.refusals.map(\.path).joined(separator: ", ")) (edited by hand); nothing was "
                            + "written for \(specPath). Use --force to overwrite.\n"
                    )
                    continue
                }
                if !dryRun { try GeneratorWorkspace.apply(plan, to: outputURL) }
            }
        } catch {
            terminal.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
        if refused { throw ScaffoldExitCode.problems }
    }
}

/// Human-readable plans.
enum PlanReport {
    static func describe(_ plan: GenerationPlan, output: String, diff: Bool) -> String {
        var lines = ["\(output):"]
        for change in plan.changes {
            lines.append(
                "  \(change.action.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(change.path)  (\(change.reason))"
            )
        }
        var text = lines.joined(separator: "\n")
        if diff {
            for change in plan.changes where change.action != .unchanged {
                let new: String? = change.action == .delete ? nil : (change.proposed ?? change.current)
                let patch = LineDiff.unified(path: change.path, old: change.current, new: new)
                if !patch.isEmpty { text += "\n" + patch }
            }
        }
        return text
    }
}

import ArgumentParser
import ExporterDiagnostics
import ExporterRuntime
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
            a checkout of exporter-scaffold, or an unreadable spec. --format json prints the plans as one JSON object \
            (docs/cli.md).
            """
    )

    @Argument(help: "The spec files (exporter.yaml).", completion: .file(extensions: ["yaml", "yml"]))
    var specs: [String]

    @Option(help: "The package directory (default: the spec's directory).", completion: .directory)
    var output: String?

    @Flag(help: "Print the plan and a diff; write nothing.")
    var dryRun = false

    @Flag(help: "Overwrite or delete generated files even when edited by hand.")
    var force = false

    @Option(
        help: "A directory of .mustache templates replacing the built-in ones file by file.",
        completion: .directory
    )
    var templates: String?

    @Option(help: "text, or json: the plans (with diffs under --dry-run) as one JSON object on standard output.")
    var format: OutputFormat = .text

    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        let terminal = Terminal.standardError
        var refused = false
        var packages: [JSONValue] = []
        do {
            let overrides = try GeneratorWorkspace.templates(in: templates)
            let flag = try runtime.flag()
            for specPath in specs {
                let loaded = try GeneratorWorkspace.load(specPath: specPath)
                let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? loaded.directory
                var notes: [String] = []
                if dryRun {
                    if GeneratorWorkspace.hasPendingJournal(outputURL) {
                        notes.append(
                            "an interrupted run left '\(GeneratorWorkspace.journal)' in \(outputURL.path); the "
                                + "next 'scaffold generate' finishes or undoes it first"
                        )
                    }
                } else if let recovered = try GeneratorWorkspace.recover(outputURL) {
                    notes.append(recovered)
                }
                let choice = GeneratorWorkspace.runtime(for: loaded, output: outputURL, flag: flag)
                let plan = try GeneratorWorkspace.plan(
                    loaded,
                    output: outputURL,
                    templates: overrides,
                    force: force,
                    runtime: choice.dependency
                )
                let warnings = GeneratorWorkspace.staleImportWarnings(plan, spec: loaded.spec)
                let written = plan.refusals.isEmpty && !dryRun
                if format == .json {
                    packages.append(
                        PlanReport.json(
                            plan,
                            spec: specPath,
                            output: outputURL.path,
                            runtime: choice,
                            diff: dryRun,
                            written: written,
                            notes: notes,
                            warnings: warnings
                        )
                    )
                } else {
                    for note in notes { terminal.write("note: \(note)\n") }
                    print(PlanReport.describe(plan, output: outputURL.path, diff: dryRun))
                    print(choice.line)
                    for warning in warnings { terminal.write("warning: \(warning)\n") }
                }
                if !plan.refusals.isEmpty {
                    refused = true
                    if format == .text {
                        terminal.write(
                            "refused: \(plan.refusals.map(\.path).joined(separator: ", ")) (edited by hand); nothing "
                                + "was written for \(specPath). Use --force to overwrite.\n"
                        )
                    }
                    continue
                }
                if written { try GeneratorWorkspace.apply(plan, to: outputURL) }
            }
        } catch {
            if format == .json {
                JSONReport.print(
                    ["dry_run": .bool(dryRun), "refused": .bool(refused), "packages": .array(packages)],
                    diagnostics: error.diagnostics
                )
            } else {
                terminal.print(error.diagnostics)
            }
            throw ScaffoldExitCode.invalidInput
        }
        if format == .json {
            JSONReport.print(
                ["dry_run": .bool(dryRun), "refused": .bool(refused), "packages": .array(packages)],
                diagnostics: []
            )
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

    /// One package's plan as JSON: where, which runtime and why, and per file the action, its reason and (under
    /// `--dry-run`) the unified diff.
    static func json(
        _ plan: GenerationPlan,
        spec: String,
        output: String,
        runtime: RuntimeChoice,
        diff: Bool,
        written: Bool,
        notes: [String],
        warnings: [String]
    ) -> JSONValue {
        let changes: [JSONValue] = plan.changes.map { change in
            var object: JSONObject = [
                "action": .string(change.action.rawValue), "path": .string(change.path),
                "reason": .string(change.reason),
            ]
            if diff, change.action != .unchanged {
                let new: String? = change.action == .delete ? nil : (change.proposed ?? change.current)
                object["diff"] = .string(LineDiff.unified(path: change.path, old: change.current, new: new))
            }
            return .object(object)
        }
        var runtimeObject: JSONObject
        switch runtime.dependency {
        case .path(let path): runtimeObject = ["path": .string(path)]
        case .url(let url, let version): runtimeObject = ["url": .string(url), "from": .string(version)]
        }
        runtimeObject["reason"] = .string(runtime.reason)
        return [
            "spec": .string(spec), "output": .string(output), "written": .bool(written),
            "runtime": .object(runtimeObject), "changes": .array(changes),
            "notes": .array(notes.map(JSONValue.string)), "warnings": .array(warnings.map(JSONValue.string)),
        ]
    }
}

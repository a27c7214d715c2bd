import ArgumentParser
import ExporterDiagnostics
import ExporterRuntime
import Foundation
import ScaffoldGenerator

/// `scaffold check SPEC...|DIR`: regenerates in memory and reports drift.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report generated packages that are out of date with their spec.",
        discussion: """
            Regenerates each spec in memory (a directory is searched recursively for exporter.yaml) and reports, \
            per file: changed (outdated), missing, orphaned (no longer generated), hand-edited, or a stale import \
            in a file of yours; --format json prints one JSON object instead (docs/cli.md). Exits 0 when \
            everything is up to date, 1 on drift, 2 for an invalid or unreadable spec. No git needed.
            """
    )

    @Argument(help: "Spec files or directories to search for exporter.yaml.", completion: .file())
    var paths: [String]

    @Option(help: "text, or json: one JSON object on standard output (docs/cli.md).")
    var format: OutputFormat = .text

    /// One file out of date, as `check` reports it.
    struct Drift {
        /// missing, changed, orphaned, hand-edited, interrupted or stale-import.
        var kind: String
        var path: String
        var reason: String?

        var line: String {
            kind.padding(toLength: 12, withPad: " ", startingAt: 0) + " \(path)" + (reason.map { "  (\($0))" } ?? "")
        }

        var json: JSONValue {
            ["kind": .string(kind), "path": .string(path), "reason": reason.map(JSONValue.string) ?? .null]
        }
    }

    func run() throws {
        var packages: [JSONValue] = []
        var drift = false
        do {
            for specPath in Self.specs(in: paths) {
                let problems = try Self.drift(of: try GeneratorWorkspace.load(specPath: specPath))
                drift = drift || !problems.isEmpty
                packages.append(
                    [
                        "spec": .string(specPath), "up_to_date": .bool(problems.isEmpty),
                        "problems": .array(problems.map(\.json)),
                    ]
                )
                guard format == .text else { continue }
                if problems.isEmpty {
                    print("\(specPath): up to date")
                } else {
                    print(
                        "\(specPath): \(problems.count) file(s) drifted\n  "
                            + problems.map(\.line).joined(separator: "\n  ")
                    )
                }
            }
        } catch {
            if format == .json {
                JSONReport.print(["up_to_date": false, "packages": .array(packages)], diagnostics: error.diagnostics)
            } else {
                Terminal.standardError.print(error.diagnostics)
            }
            throw ScaffoldExitCode.invalidInput
        }
        if format == .json {
            JSONReport.print(["up_to_date": .bool(!drift), "packages": .array(packages)], diagnostics: [])
        }
        if drift { throw ScaffoldExitCode.problems }
    }

    /// What is out of date in the package of `loaded`, regenerated in memory.
    static func drift(of loaded: GeneratorWorkspace.LoadedSpec) throws(DiagnosticError) -> [Drift] {
        let plan = try GeneratorWorkspace.plan(loaded, output: loaded.directory, templates: [:], force: false)
        var problems: [Drift] = []
        if GeneratorWorkspace.hasPendingJournal(loaded.directory) {
            problems.append(
                Drift(
                    kind: "interrupted",
                    path: GeneratorWorkspace.journal,
                    reason: "a generate was interrupted; the next 'scaffold generate' finishes or undoes it"
                )
            )
        }
        for change in plan.changes {
            switch change.action {
            case .unchanged: continue
            case .create: problems.append(Drift(kind: "missing", path: change.path))
            case .update: problems.append(Drift(kind: "changed", path: change.path))
            case .delete: problems.append(Drift(kind: "orphaned", path: change.path))
            case .refuse: problems.append(Drift(kind: "hand-edited", path: change.path, reason: change.reason))
            }
        }
        problems += GeneratorWorkspace.staleImports(plan, spec: loaded.spec).map {
            Drift(kind: "stale-import", path: $0.path, reason: $0.warning)
        }
        return problems
    }

    /// The specs named, directories expanded to every `exporter.yaml` below them (build and hidden directories
    /// skipped), sorted.
    static func specs(in paths: [String]) -> [String] {
        var specs: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                specs.append(path)
                continue
            }
            let root = URL(fileURLWithPath: path)
            guard
                let enumerator = FileManager.default.enumerator(
                    at: root,
                    includingPropertiesForKeys: [.isDirectoryKey],
                    options: [.skipsHiddenFiles]
                )
            else { continue }
            var found: [String] = []
            for case let url as URL in enumerator {
                if url.hasDirectoryPath, url.lastPathComponent.hasPrefix(".build") { enumerator.skipDescendants() }
                if url.lastPathComponent == "exporter.yaml" { found.append(url.path) }
            }
            specs += found.sorted()
        }
        return specs
    }
}

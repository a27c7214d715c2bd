import ArgumentParser
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// `scaffold check SPEC...|DIR`: regenerates in memory and reports drift.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report generated packages that are out of date with their spec.",
        discussion: """
            Regenerates each spec in memory (a directory is searched recursively for exporter.yaml) and reports, \
            per file: changed (outdated), missing, orphaned (no longer generated) or hand-edited. Exits 0 when \
            everything is up to date, 1 on drift, 2 for an invalid spec. No git needed.
            """
    )

    @Argument(help: "Spec files or directories to search for exporter.yaml.")
    var paths: [String]

    func run() throws {
        let terminal = Terminal.standardError
        var drift = false
        do {
            for specPath in Self.specs(in: paths) {
                let loaded = try GeneratorWorkspace.load(specPath: specPath)
                let plan = try GeneratorWorkspace.plan(loaded, output: loaded.directory, templates: [:], force: false)
                var problems: [String] = []
                if GeneratorWorkspace.hasPendingJournal(loaded.directory) {
                    problems.append(
                        "interrupted  \(GeneratorWorkspace.journal)  (a generate was interrupted; the next "
                            + "'scaffold generate' finishes or undoes it)"
                    )
                }
                for change in plan.changes {
                    switch change.action {
                    case .unchanged: continue
                    case .create: problems.append("missing      \(change.path)")
                    case .update: problems.append("changed      \(change.path)")
                    case .delete: problems.append("orphaned     \(change.path)")
                    case .refuse: problems.append("hand-edited  \(change.path)  (\(change.reason))")
                    }
                }
                problems += GeneratorWorkspace.staleImportWarnings(plan, spec: loaded.spec).map {
                    "stale import  \($0)"
                }
                if problems.isEmpty {
                    print("\(specPath): up to date")
                } else {
                    drift = true
                    print("\(specPath): \(problems.count) file(s) drifted\n  " + problems.joined(separator: "\n  "))
                }
            }
        } catch {
            terminal.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
        if drift { throw ScaffoldExitCode.problems }
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

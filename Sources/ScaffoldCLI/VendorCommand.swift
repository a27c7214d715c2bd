import ArgumentParser
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// `scaffold vendor SPEC|PACKAGE --into PROJECT [--with-runtime] [--runtime-path DIR] [--force]`.
struct VendorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendor",
        abstract: "Copy a generated exporter package (and optionally the runtime) into a project's Vendor/.",
        discussion: """
            Copies the package to PROJECT/Vendor/NAME (NAME is the spec's name) with its spec and lock rewritten \
            for the new place, so 'scaffold check' works on the copy; with --with-runtime also copies the runtime's \
            library targets as the standalone package PROJECT/Vendor/exporter-scaffold, which the copy depends on \
            by a relative path, so it builds without fetching the runtime. Prints the lines to add to the \
            project's Package.swift. The runtime comes from --runtime-path, else from the sources built into \
            scaffold (no checkout needed). The package must be up to date with its spec (run 'scaffold generate' \
            first). Vendoring again replaces the copies atomically and refuses (naming the files) when one was \
            edited by hand, unless --force. Exits 0 on success, 1 when the package has drift or a vendored copy \
            was edited by hand, 2 for an invalid spec, a missing project or runtime checkout, or an unsafe path.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The spec (exporter.yaml) or the package directory holding it.",
            valueName: "spec-or-package"
        ),
        completion: .file()
    )
    var source: String

    @Option(
        help: ArgumentHelp("The project directory; the package goes to PROJECT/Vendor/NAME.", valueName: "project"),
        completion: .directory
    )
    var into: String

    @Flag(help: "Also vendor the runtime as PROJECT/Vendor/exporter-scaffold.")
    var withRuntime = false

    @Option(
        help: ArgumentHelp(
            "A checkout of exporter-scaffold to vendor the runtime from (default: the one built into scaffold).",
            valueName: "dir"
        ),
        completion: .directory
    )
    var runtimePath: String?

    @Flag(help: "Replace vendored copies even when edited by hand.")
    var force = false

    @Option(
        help: "The templates directory the package was generated with (as for generate --templates).",
        completion: .directory
    )
    var templates: String?

    func validate() throws {
        if runtimePath != nil, !withRuntime {
            throw ValidationError("--runtime-path needs --with-runtime")
        }
    }

    func run() throws {
        let terminal = Terminal.standardError
        let job: VendorJob
        do {
            let request = VendorRequest(
                source: source,
                project: into,
                withRuntime: withRuntime,
                runtimePath: runtimePath,
                force: force,
                templates: try GeneratorWorkspace.templates(in: templates)
            )
            job = try VendorWorkspace.prepare(request)
        } catch {
            terminal.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
        for note in job.notes { terminal.write("note: \(note)\n") }
        guard job.sourceDrift.isEmpty else {
            terminal.write(
                "\(source) is not up to date with its spec; nothing was vendored:\n  "
                    + job.sourceDrift.joined(separator: "\n  ")
                    + "\nRun 'scaffold generate' on it first ('scaffold check' shows why).\n"
            )
            throw ScaffoldExitCode.problems
        }
        let refusals = job.refusals
        guard refusals.isEmpty else {
            for copy in refusals {
                guard case .refused(let edits) = copy.state else { continue }
                terminal.write(
                    "refused: \(copy.destination.path) was changed since it was vendored:\n"
                        + edits.map { "  \($0.reason.padding(toLength: 24, withPad: " ", startingAt: 0)) \($0.path)\n" }
                        .joined()
                )
            }
            terminal.write("Nothing was written. Use --force to replace the vendored copy anyway.\n")
            throw ScaffoldExitCode.problems
        }
        do {
            try VendorWorkspace.install(job)
        } catch {
            terminal.print(error.diagnostics)
            throw ScaffoldExitCode.invalidInput
        }
        for link in job.skippedLinks {
            terminal.write("note: left out the symbolic link '\(link)'\n")
        }
        for copy in job.copies {
            let place = VendorPaths.vendorDirectory + "/" + copy.name
            switch copy.state {
            case .create: print("created    \(place)  (\(copy.tree.files.count) files)")
            case .unchanged: print("unchanged  \(place)")
            case .replace(let edits):
                print("replaced   \(place)  (\(copy.tree.files.count) files)")
                for edit in edits {
                    terminal.write("note: overwrote \(place)/\(edit.path) (\(edit.reason)), --force\n")
                }
            case .refused: continue
            }
        }
        print(job.instructions.text)
    }
}

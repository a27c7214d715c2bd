import ExporterCore
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// The I/O around the pure generator: reading specs and templates, finding the runtime, snapshotting an output
/// directory and applying a plan atomically.
struct GeneratorWorkspace {
    /// A spec read from disk.
    struct LoadedSpec {
        var path: String
        var text: String
        var spec: ExporterSpec
        /// The absolute directory the spec is in.
        var directory: URL
    }

    static func load(specPath: String) throws(DiagnosticError) -> LoadedSpec {
        try InputFile.check(specPath, role: .spec)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: specPath))
        } catch {
            throw InputFile.unreadable(specPath, role: .spec, error: error)
        }
        let text = String(decoding: data, as: UTF8.self)
        let spec = try SpecLoader.load(text: text, file: specPath)
        let directory = URL(fileURLWithPath: specPath).standardizedFileURL.deletingLastPathComponent()
        return LoadedSpec(path: specPath, text: text, spec: spec, directory: directory)
    }

    /// Every `*.mustache` of `directory`, by name without the extension.
    static func templates(in directory: String?) throws(DiagnosticError) -> [String: String] {
        guard let directory else { return [:] }
        try InputFile.check(directory, role: .templates)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputFile.unreadable(directory, role: .templates, error: error)
        }
        var templates: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            templates[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        return templates
    }

    /// The options for generating `loaded` into `output` with the runtime `runtime` (see
    /// ``runtime(for:output:flag:environment:)``).
    static func options(
        for loaded: LoadedSpec,
        output: URL,
        templates: [String: String],
        runtime: RuntimeDependency
    ) -> GeneratorOptions {
        GeneratorOptions(
            runtime: runtime,
            generatorVersion: ScaffoldVersion.current,
            specFileName: relativePath(from: output, to: URL(fileURLWithPath: loaded.path).standardizedFileURL),
            templateOverrides: templates
        )
    }

    /// The options for generating `loaded` into `output` with the runtime no flag asks for.
    static func options(for loaded: LoadedSpec, output: URL, templates: [String: String]) -> GeneratorOptions {
        options(
            for: loaded,
            output: output,
            templates: templates,
            runtime: runtime(for: loaded, output: output, flag: nil).dependency
        )
    }

    /// The runtime `loaded`'s package in `output` depends on, and why; the first of: the spec's `runtime:` (a path
    /// re-based on the output), `flag` (`--runtime-path`, `--runtime-url`), `SCAFFOLD_RUNTIME_URL`, the published
    /// URL. Each URL but the spec's is taken `from:` this scaffold's version. A checkout is never used unasked.
    static func runtime(
        for loaded: LoadedSpec,
        output: URL,
        flag: RuntimeFlag?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> RuntimeChoice {
        let specName = URL(fileURLWithPath: loaded.path).lastPathComponent
        let change = "pass --runtime-path or --runtime-url, or set runtime: in \(specName), to change it"
        switch loaded.spec.runtime {
        case .path(let path)?:
            let absolute =
                path.hasPrefix("/") ? URL(fileURLWithPath: path) : loaded.directory.appendingPathComponent(path)
            return RuntimeChoice(
                dependency: .path(
                    path.hasPrefix("/") ? path : relativePath(from: output, to: absolute.standardizedFileURL)
                ),
                reason: RuntimeChoice.fromSpec(specName, ignoring: flag)
            )
        case .url(let url, let version)?:
            return RuntimeChoice(
                dependency: .url(url, from: version),
                reason: RuntimeChoice.fromSpec(specName, ignoring: flag)
            )
        case nil:
            break
        }
        let keep = "for this run only: set runtime: in \(specName) to keep it"
        switch flag {
        case .path(let path)?:
            return RuntimeChoice(dependency: .path(rebased(path, onto: output)), reason: "--runtime-path, \(keep)")
        case .url(let url)?:
            return RuntimeChoice(dependency: .url(url, from: ScaffoldVersion.current), reason: "--runtime-url, \(keep)")
        case nil:
            let url = ScaffoldVersion.runtimeURL(environment: environment)
            let reason =
                url == ScaffoldVersion.repositoryURL
                ? "the published runtime; \(change)"
                : "\(ScaffoldVersion.repositoryURLVariable) is set; \(change)"
            return RuntimeChoice(dependency: .url(url, from: ScaffoldVersion.current), reason: reason)
        }
    }

    /// `path` as given on the command line (absolute, or relative to the working directory), as seen from
    /// `directory`: an absolute path stays absolute, a relative one is made relative to `directory`.
    static func rebased(_ path: String, onto directory: URL) -> String {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return relativePath(from: directory, to: URL(fileURLWithPath: path).standardizedFileURL)
    }

    /// `target` relative to the directory `base` (both absolute).
    static func relativePath(from base: URL, to target: URL) -> String {
        let from = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let path = (ups + to[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }

    /// The current contents of every path the plan may touch; a path that leaves `output` or goes through a
    /// symbolic link is not read (the lock may name anything), so the plan never deletes it.
    static func snapshot(of output: URL, paths: [String]) -> [String: String] {
        var contents: [String: String] = [:]
        for path in Set(paths) where OutputPath.isSafe(path) {
            let throughLink = (OutputPath.parents(of: path) + [path]).contains { part in
                var status = stat()
                return lstat(output.appendingPathComponent(part).path, &status) == 0
                    && (status.st_mode & S_IFMT) == S_IFLNK
            }
            if throughLink { continue }
            if let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) {
                contents[path] = String(decoding: data, as: UTF8.self)
            }
        }
        return contents
    }

    /// The lock in `output`, if any.
    static func previousLock(in output: URL) throws(DiagnosticError) -> ScaffoldLock? {
        let url = output.appendingPathComponent(ScaffoldLock.path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try ScaffoldLock.decode(String(decoding: data, as: UTF8.self), file: url.path)
    }

    /// The user's Swift files under `Sources` and `Tests` of `output`: those `lock` does not list.
    static func userSources(in output: URL, lock: ScaffoldLock?) -> UserSources {
        let generated = Set(lock?.files.keys.map { $0 } ?? [])
        var files: [String: String] = [:]
        for top in ["Sources", "Tests"] {
            let root = output.appendingPathComponent(top)
            guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: root.path) else { continue }
            for path in paths where path.hasSuffix(".swift") {
                let relative = top + "/" + path
                guard !generated.contains(relative),
                    let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
                else { continue }
                files[relative] = String(decoding: data, as: UTF8.self)
            }
        }
        return UserSources(files: files)
    }

    /// Renders `loaded` into a plan for `output`.
    static func plan(
        _ loaded: LoadedSpec,
        output: URL,
        templates: [String: String],
        force: Bool,
        runtime: RuntimeDependency? = nil
    ) throws(DiagnosticError) -> GenerationPlan {
        let options = options(
            for: loaded,
            output: output,
            templates: templates,
            runtime: runtime ?? self.runtime(for: loaded, output: output, flag: nil).dependency
        )
        let previous = try previousLock(in: output)
        let files = try ExporterRenderer(options: options).render(
            loaded.spec,
            userSources: userSources(in: output, lock: previous)
        )
        let lock = ScaffoldLock(generatorVersion: ScaffoldVersion.current, specText: loaded.text, files: files)
        let paths = files.map(\.path) + Array(previous?.files.keys ?? [:].keys) + [ScaffoldLock.path]
        return GenerationPlanner(force: force).plan(
            files: files,
            lock: lock,
            existing: snapshot(of: output, paths: paths),
            previousLock: previous
        )
    }

    /// One line per file of the user's that imports a runtime module the package no longer depends on, saying what
    /// to import instead.
    static func staleImportWarnings(_ plan: GenerationPlan, spec: ExporterSpec) -> [String] {
        staleImports(plan, spec: spec).map { "\($0.path) \($0.warning)" }
    }

    /// The user's files that import a runtime module the package does not depend on, each with what to do.
    static func staleImports(_ plan: GenerationPlan, spec: ExporterSpec) -> [(path: String, warning: String)] {
        let modules = RuntimeModules(spec: spec)
        return StaleImport.find(in: plan, importable: modules.importable).map { stale in
            (
                stale.path,
                "imports \(stale.modules.joined(separator: ", ")), which this package does not depend on: "
                    + "import \(modules.library.joined(separator: ", ")) instead (the modules of its base and "
                    + "transport)"
            )
        }
    }

    /// The journal of an interrupted `generate` (see ``FileTransaction``), relative to the package.
    static let journal = ".scaffold/journal.json"

    /// Finishes or undoes a `generate` (or `new`) that was interrupted in `output`; a line saying what was done,
    /// nil when nothing was pending. Every command that writes into a package calls it first.
    static func recover(_ output: URL) throws(DiagnosticError) -> String? {
        try FileTransaction.recover(root: output, journal: journal, mayDelete: GeneratedLayout.isGeneratorNamed)
    }

    /// True when an interrupted run left a journal in `output`.
    static func hasPendingJournal(_ output: URL) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(journal).path)
    }

    /// Writes and deletes what `plan` says, all or nothing (``FileTransaction``): every file staged beside its
    /// target and flushed, the journal committed, then the renames and deletions, the lock last. Every path is
    /// checked first (relative, no `..`, no symlinked parent), so nothing is written when one is unsafe.
    static func apply(_ plan: GenerationPlan, to output: URL) throws(DiagnosticError) {
        let manager = FileManager.default
        let touched = plan.writes.map(\.path) + plan.deletions
        for path in touched {
            guard OutputPath.isSafe(path) else {
                throw DiagnosticError(
                    .error(.generatorUnsafePath, "refusing to write '\(path)': it leaves the output directory")
                )
            }
            for parent in OutputPath.parents(of: path) + [path] {
                let url = output.appendingPathComponent(parent)
                if let type = try? manager.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType,
                    type == .typeSymbolicLink
                {
                    throw DiagnosticError(
                        .error(.generatorUnsafePath, "refusing to write '\(path)': '\(parent)' is a symbolic link")
                    )
                }
            }
        }
        let writes = plan.writes.filter { $0.path != ScaffoldLock.path }
        let lock = plan.writes.filter { $0.path == ScaffoldLock.path }
        var steps = writes.map { FileTransaction.Step.write($0.path, Array($0.contents.utf8)) }
        steps += plan.deletions.map { FileTransaction.Step.delete($0) }
        steps += lock.map { FileTransaction.Step.write($0.path, Array($0.contents.utf8)) }
        guard !steps.isEmpty else { return }
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(
                .error(
                    .generatorIO,
                    "cannot create '\(output.path)': \(FileErrorReason.describe(error, path: output.path))"
                )
            )
        }
        try FileTransaction(root: output, journal: journal, steps: steps).commit()
    }
}

/// A checkout of exporter-scaffold, as `--runtime-path` names one (`new`, `generate`, `vendor`). `scaffold` never
/// looks for one by itself: the runtime `vendor --with-runtime` copies by default is built into the binary
/// (``EmbeddedRuntimeSources``), so an installed `scaffold` works the same with or without a checkout nearby.
enum RuntimeCheckout {
    static func isRuntimeCheckout(_ directory: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("Package.swift").path)
        else { return false }
        return String(decoding: data, as: UTF8.self).contains("name: \"exporter-scaffold\"")
    }
}

/// The runtime asked for on the command line, checked (``RuntimeOptions/flag()``).
enum RuntimeFlag: Equatable {
    /// `--runtime-path`: a checkout of exporter-scaffold, as given (absolute or relative to the working directory).
    case path(String)
    /// `--runtime-url`: a Git URL, taken `from:` this scaffold's version.
    case url(String)
}

/// The runtime a generated package depends on and why, printed as one line by `generate` and `new`.
struct RuntimeChoice: Equatable {
    var dependency: RuntimeDependency
    var reason: String

    /// `runtime: https://... from 0.1.0 (the published runtime; ...)` or `runtime: path ../x (--runtime-path)`.
    var line: String {
        switch dependency {
        case .path(let path): "runtime: path \(path) (\(reason))"
        case .url(let url, let version): "runtime: \(url) from \(version) (\(reason))"
        }
    }

    /// Why the spec's `runtime:` was used, naming the flag it won over.
    static func fromSpec(_ specName: String, ignoring flag: RuntimeFlag?) -> String {
        switch flag {
        case nil: "runtime: in \(specName)"
        case .path?: "runtime: in \(specName), which comes before --runtime-path; --runtime-path was not used"
        case .url?: "runtime: in \(specName), which comes before --runtime-url; --runtime-url was not used"
        }
    }
}

import ExporterCore
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator

/// What `scaffold vendor` was asked to do.
struct VendorRequest {
    /// The spec file, or the package directory holding `exporter.yaml`.
    var source: String
    /// The project directory that receives `Vendor/`.
    var project: String
    /// Also copy the runtime as a standalone package.
    var withRuntime = false
    /// A checkout to copy the runtime's sources from instead of those built into `scaffold`.
    var runtimePath: String?
    /// Replace vendored copies even when edited by hand.
    var force = false
    /// Template overrides (`--templates DIR`), as the package was generated with.
    var templates: [String: String] = [:]
}

/// One directory `scaffold vendor` writes under `PROJECT/Vendor/`.
struct VendorCopy {
    /// What happens to it.
    enum State: Equatable {
        case create
        case replace(overwriting: [VendorHandEdit])
        case unchanged
        case refused([VendorHandEdit])
    }

    /// Its name under `Vendor/`.
    var name: String
    var destination: URL
    /// Everything it will hold, `.scaffold/vendor.json` included.
    var tree: FileTree
    var state: State
}

/// Everything `scaffold vendor` decided before writing anything.
struct VendorJob {
    var vendorDirectory: URL
    var copies: [VendorCopy]
    var instructions: VendorInstructions
    /// The source package's drift (`check` lines); when not empty nothing may be vendored.
    var sourceDrift: [String] = []
    /// Symbolic links of the source package that were left out.
    var skippedLinks: [String] = []
    /// What recovering an interrupted vendor did, if anything.
    var notes: [String] = []

    var refusals: [VendorCopy] {
        copies.filter { if case .refused = $0.state { true } else { false } }
    }
}

/// The I/O of `scaffold vendor`: reads the package (and runtime) to copy, decides, then swaps the copies in.
enum VendorWorkspace {
    static func prepare(_ request: VendorRequest) throws(DiagnosticError) -> VendorJob {
        let loaded = try GeneratorWorkspace.load(specPath: specPath(for: request.source))
        let project = try projectDirectory(request.project)
        let vendorDirectory = project.appendingPathComponent(VendorPaths.vendorDirectory)
        try requireRealDirectoryOrAbsent(vendorDirectory)
        let recovered = try recover(vendorDirectory)
        let destination = vendorDirectory.appendingPathComponent(loaded.spec.name)
        try requireDisjoint(loaded.directory, destination)

        let sourcePlan = try GeneratorWorkspace.plan(
            loaded,
            output: loaded.directory,
            templates: request.templates,
            force: false
        )
        var drift = sourcePlan.changes.filter { $0.action != .unchanged }.map { "\($0.action.rawValue) \($0.path)" }
        if GeneratorWorkspace.hasPendingJournal(loaded.directory) {
            drift.insert("interrupted \(GeneratorWorkspace.journal)", at: 0)
        }
        // A checkout named by --runtime-path, else (nil) the runtime built into this binary.
        let runtimeCheckout = try request.runtimePath.map { path throws(DiagnosticError) in
            try Self.runtimeCheckout(path)
        }

        // The copy's spec names its runtime as seen from the copy, so `scaffold check` on it agrees.
        let vendoredRuntime: RuntimeDependency? =
            if request.withRuntime {
                .path("../" + VendoredRuntime.packageName)
            } else if case .path(let path)? = loaded.spec.runtime, !path.hasPrefix("/") {
                .path(
                    GeneratorWorkspace.relativePath(
                        from: destination,
                        to: loaded.directory.appendingPathComponent(path).standardizedFileURL
                    )
                )
            } else {
                loaded.spec.runtime
            }
        let specName = URL(fileURLWithPath: loaded.path).lastPathComponent
        let specPath = destination.appendingPathComponent(specName).path
        let specText = try SpecRuntimeRewriter.rewrite(loaded.text, runtime: vendoredRuntime, file: specPath)
        let vendored = GeneratorWorkspace.LoadedSpec(
            path: specPath,
            text: specText,
            spec: try SpecLoader.load(text: specText, file: specPath),
            directory: destination
        )
        let options = GeneratorWorkspace.options(for: vendored, output: destination, templates: request.templates)
        // The copy holds the source's files of the user's, so it is rendered against them.
        let files = try ExporterRenderer(options: options).render(
            vendored.spec,
            userSources: GeneratorWorkspace.userSources(
                in: loaded.directory,
                lock: try GeneratorWorkspace.previousLock(in: loaded.directory)
            )
        )

        var tree = try FileTree.read(loaded.directory, include: VendorPaths.isCopiedFromSource)
        for file in files where file.ownership == .generated {
            tree.files[file.path] = FileTree.Entry(bytes: Array(file.contents.utf8))
        }
        tree.files[specName] = FileTree.Entry(bytes: Array(specText.utf8))
        let lock = ScaffoldLock(generatorVersion: ScaffoldVersion.current, specText: specText, files: files)
        tree.files[ScaffoldLock.path] = FileTree.Entry(bytes: Array(lock.encoded().utf8))
        let skippedLinks = tree.skippedLinks
        tree.skippedLinks = []
        var copies = [try copy(named: loaded.spec.name, at: destination, tree: tree, force: request.force)]

        let instructions: VendorInstructions
        let packagePath = VendorPaths.vendorDirectory + "/" + loaded.spec.name
        if request.withRuntime {
            let manifest = files.first { $0.path == "Package.swift" }?.contents ?? ""
            let runtimeDestination = vendorDirectory.appendingPathComponent(VendoredRuntime.packageName)
            if let runtimeCheckout {
                try requireDisjoint(runtimeCheckout.appendingPathComponent("Sources"), runtimeDestination)
            }
            let runtimeTree = try runtimeTree(
                from: runtimeCheckout,
                includingOTLP: VendoredRuntime.usesOTLP(generatedManifest: manifest)
            )
            copies.append(
                try copy(
                    named: VendoredRuntime.packageName,
                    at: runtimeDestination,
                    tree: runtimeTree,
                    force: request.force
                )
            )
            instructions = VendorInstructions(
                packagePath: packagePath,
                module: loaded.spec.module,
                runtime: .path(VendorPaths.vendorDirectory + "/" + VendoredRuntime.packageName),
                runtimePackage: VendoredRuntime.packageName
            )
        } else {
            var runtime = options.runtime
            if case .path(let path) = runtime, !path.hasPrefix("/") {
                let absolute = destination.appendingPathComponent(path).standardizedFileURL
                runtime = .path(GeneratorWorkspace.relativePath(from: project, to: absolute))
            }
            instructions = VendorInstructions(
                packagePath: packagePath,
                module: loaded.spec.module,
                runtime: runtime,
                runtimePackage: options.runtimePackage
            )
        }
        return VendorJob(
            vendorDirectory: vendorDirectory,
            copies: copies,
            instructions: instructions,
            sourceDrift: drift,
            skippedLinks: skippedLinks,
            notes: recovered.map { [$0] } ?? []
        )
    }

    /// The spec named, or the `exporter.yaml` of the package directory named.
    static func specPath(for source: String) throws(DiagnosticError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw InputFile.unreadable(source, role: .spec, reason: FileErrorReason.describe(errno: ENOENT))
        }
        guard isDirectory.boolValue else { return source }
        let spec = URL(fileURLWithPath: source).appendingPathComponent("exporter.yaml").path
        guard FileManager.default.fileExists(atPath: spec) else {
            throw DiagnosticError(
                .error(
                    .generatorIO,
                    "'\(source)' has no exporter.yaml",
                    hint: "name the spec file, or the directory of a package made by 'scaffold new' or 'generate'"
                )
            )
        }
        return spec
    }

    static func projectDirectory(_ path: String) throws(DiagnosticError) -> URL {
        try InputFile.check(path, role: .project, hint: "--into names an existing project directory")
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Refuses a path that is a symbolic link or not a directory: writing through it could leave the project.
    static func requireRealDirectoryOrAbsent(_ url: URL) throws(DiagnosticError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return }
        guard attributes[.type] as? FileAttributeType == .typeDirectory else {
            throw DiagnosticError(
                .error(
                    .generatorUnsafePath,
                    "refusing to write into '\(url.path)': it is a symbolic link or not a directory"
                )
            )
        }
    }

    /// Refuses to copy a directory into itself or over the directory it is copied from.
    static func requireDisjoint(_ source: URL, _ destination: URL) throws(DiagnosticError) {
        let from = source.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let to = destination.standardizedFileURL.path + "/"
        guard !from.hasPrefix(to), !to.hasPrefix(from) else {
            throw DiagnosticError(
                .error(
                    .generatorUnsafePath,
                    "refusing to vendor '\(source.path)' into '\(destination.path)': one contains the other",
                    hint: "--into names the project that uses the exporter, outside the exporter's package"
                )
            )
        }
    }

    /// The checkout `--runtime-path` names, checked.
    static func runtimeCheckout(_ explicit: String) throws(DiagnosticError) -> URL {
        let url = URL(fileURLWithPath: explicit).standardizedFileURL
        let runtime = url.appendingPathComponent("Sources/ExporterRuntime").path
        guard RuntimeCheckout.isRuntimeCheckout(url), FileManager.default.fileExists(atPath: runtime) else {
            throw DiagnosticError(
                .error(
                    .generatorIO,
                    "--runtime-path '\(explicit)' is not a checkout of exporter-scaffold",
                    hint: "it needs the Package.swift of exporter-scaffold and Sources/ExporterRuntime"
                )
            )
        }
        return url
    }

    /// The vendored runtime: the needed `Sources/` directories (from `checkout`, else from this binary), a
    /// manifest and a README.
    static func runtimeTree(from checkout: URL?, includingOTLP: Bool) throws(DiagnosticError) -> FileTree {
        var tree = FileTree()
        for directory in VendoredRuntime.sourceDirectories(includingOTLP: includingOTLP) {
            var sources = FileTree()
            if let checkout {
                sources = try FileTree.read(checkout.appendingPathComponent(directory)) {
                    !VendorPaths.isLocalState($0)
                }
            } else {
                sources.files = EmbeddedRuntimeSources.files(in: directory).mapValues { FileTree.Entry(bytes: $0) }
            }
            guard !sources.files.isEmpty else {
                let origin = checkout.map { "the runtime checkout '\($0.path)'" } ?? "this scaffold binary"
                throw DiagnosticError(.error(.generatorIO, "\(origin) has no \(directory)"))
            }
            for (path, entry) in sources.files { tree.files[directory + "/" + path] = entry }
        }
        let version = ScaffoldVersion.current
        tree.files["Package.swift"] = FileTree.Entry(
            bytes: Array(VendoredRuntime.manifest(includingOTLP: includingOTLP, generatorVersion: version).utf8)
        )
        tree.files["README.md"] = FileTree.Entry(
            bytes: Array(VendoredRuntime.readme(generatorVersion: version, includingOTLP: includingOTLP).utf8)
        )
        return tree
    }

    /// Decides what happens to `destination`, adding the vendor record to `tree`.
    static func copy(
        named name: String,
        at destination: URL,
        tree: FileTree,
        force: Bool
    ) throws(DiagnosticError)
        -> VendorCopy
    {
        var tree = tree
        let record = VendorRecord(generatorVersion: ScaffoldVersion.current, files: tree.files.mapValues(\.bytes))
        let proposed = tree.files
        tree.files[VendorRecord.path] = FileTree.Entry(bytes: Array(record.encoded().utf8))
        try requireRealDirectoryOrAbsent(destination)
        guard FileManager.default.fileExists(atPath: destination.path) else {
            return VendorCopy(name: name, destination: destination, tree: tree, state: .create)
        }
        let current = try FileTree.read(destination, include: VendorPaths.isRecorded)
        var edits: [VendorHandEdit]
        let recordURL = destination.appendingPathComponent(VendorRecord.path)
        if let data = FileManager.default.contents(atPath: recordURL.path) {
            do throws(DiagnosticError) {
                edits = try VendorRecord.decode(String(decoding: data, as: UTF8.self), file: recordURL.path)
                    .handEdits(current: current.hashes)
            } catch {
                guard force else { throw error }
                edits = []
            }
        } else {
            edits = current.files.keys.sorted().map { VendorHandEdit(path: $0, reason: "not vendored by scaffold") }
        }
        edits += current.skippedLinks.map { VendorHandEdit(path: $0, reason: "a symbolic link added by hand") }
        let state: VendorCopy.State
        if edits.isEmpty, current.files == proposed,
            FileManager.default.contents(atPath: recordURL.path).map({ [UInt8]($0) })
                == tree.files[VendorRecord.path]?.bytes
        {
            state = .unchanged
        } else if edits.isEmpty || force {
            state = .replace(overwriting: edits)
        } else {
            state = .refused(edits)
        }
        return VendorCopy(name: name, destination: destination, tree: tree, state: state)
    }

    /// The journal of an interrupted `vendor`, relative to `Vendor/`.
    static let journal = ".scaffold-journal.json"

    /// Writes every copy next to its destination, then swaps them all in with renames, all or nothing across the
    /// copies (``FileTransaction``): a reader of `Vendor/` sees the old copies or the new ones, never a mix, and
    /// nothing outside the copies is touched.
    static func install(_ job: VendorJob) throws(DiagnosticError) {
        let manager = FileManager.default
        let pending = job.copies.filter { $0.state != .unchanged }
        guard !pending.isEmpty else { return }
        if !manager.fileExists(atPath: job.vendorDirectory.path) {
            do {
                try manager.createDirectory(at: job.vendorDirectory, withIntermediateDirectories: false)
            } catch {
                let path = job.vendorDirectory.path
                throw DiagnosticError(
                    .error(.generatorIO, "cannot create '\(path)': \(FileErrorReason.describe(error, path: path))")
                )
            }
        }
        try FileTransaction(
            root: job.vendorDirectory,
            journal: journal,
            steps: pending.map { .replaceDirectory($0.name, $0.tree) }
        )
        .commit()
    }

    /// Finishes or undoes a `vendor` that was interrupted in `vendorDirectory` (no deletions are ever journaled).
    static func recover(_ vendorDirectory: URL) throws(DiagnosticError) -> String? {
        guard FileManager.default.fileExists(atPath: vendorDirectory.path) else { return nil }
        return try FileTransaction.recover(root: vendorDirectory, journal: journal, mayDelete: { _ in false })
    }
}

import ExporterRuntimeTesting
import Foundation
import ScaffoldGenerator
import Testing

/// Writes are all or nothing: `generate` and `vendor` killed at every step of their writes
/// (`SCAFFOLD_FAULT_EXIT_AFTER=N`), run into a directory that cannot be written (`chattr +i`, which binds root too)
/// or onto a full file system (a small tmpfs), leave the old package or the new one, and the next run recovers
/// without `--force`, leaving no temporary file.
@Suite("Write faults", .serialized)
struct WriteFaultTests {
    typealias Tree = [String: Data]

    static func run(
        _ arguments: [String],
        in directory: URL,
        environment: [String: String] = [:]
    ) async throws -> (status: Int32, output: String) {
        let outcome = try await ChildProcess.run(
            GenerateCommandTests.binary.path,
            arguments,
            in: directory,
            environment: environment
        )
        return (outcome.status, outcome.output)
    }

    /// Every file below `root` (links as their target's path), by relative path.
    static func tree(_ root: URL) -> Tree {
        var tree: Tree = [:]
        let base = root.resolvingSymlinksInPath().path + "/"
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return tree }
        while let relative = walker.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            switch attributes?[.type] as? FileAttributeType {
            case .typeRegular?: tree[relative] = FileManager.default.contents(atPath: url.path) ?? Data()
            case .typeSymbolicLink?: tree[relative] = Data("link".utf8)
            default: continue
            }
        }
        _ = base
        return tree
    }

    /// Paths an interrupted or failed run must not leave behind once recovered.
    static func strays(_ tree: Tree) -> [String] {
        tree.keys.filter(isStray).sorted()
    }

    static func isStray(_ path: String) -> Bool {
        path.contains(".scaffold-tmp") || path.contains("scaffold-staging") || path.contains("scaffold-old")
            || path.hasSuffix("journal.json")
    }

    static func copy(_ source: URL, to destination: URL) throws {
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: source, to: destination)
    }

    /// The package `acme_fault` made by `new` (the old package) and the spec that renames it, adds a field and so
    /// creates, updates and deletes generated files (the new one).
    static func makeOldPackage(in root: URL) async throws -> (package: URL, newSpec: String) {
        let created = try await run(
            [
                "new", "exporter", "acme_fault", "--runtime-path", GenerateCommandTests.repository.path, "--base",
                "span", "--transport", "file", "--yes",
            ],
            in: root
        )
        #expect(created.status == 0, "\(created.output)")
        let package = root.appendingPathComponent("acme_fault")
        let spec = try String(contentsOf: package.appendingPathComponent("exporter.yaml"), encoding: .utf8)
        let newSpec = spec.replacingOccurrences(of: "name: \"acme_fault\"", with: "name: \"acme_renamed\"")
            .replacingOccurrences(
                of: "transport:",
                with:
                    "config:\n  fields:\n    - name: \"batch_size\"\n      type: \"int\"\n      default: 50\ntransport:"
            )
        #expect(newSpec != spec)
        return (package, newSpec)
    }

    @Test("generate killed at each of its steps leaves the old package or a journal the next run recovers")
    func generateKilledAtEveryStep() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, newSpec) = try await Self.makeOldPackage(in: root)
        try Data(newSpec.utf8).write(to: package.appendingPathComponent("exporter.yaml"))
        let old = Self.tree(package)

        let expected = root.appendingPathComponent("expected")
        try Self.copy(package, to: expected)
        let generated = try await Self.run(["generate", "exporter.yaml"], in: expected)
        #expect(generated.status == 0, "\(generated.output)")
        let new = Self.tree(expected)
        #expect(new != old)
        #expect(new.keys.contains { $0.hasPrefix("Sources/AcmeRenamed/Generated/") })
        #expect(!new.keys.contains("Sources/AcmeFault/Generated/AcmeFaultExporter.swift"), "the orphan is deleted")
        #expect(new.keys.contains("Sources/AcmeFault/AcmeFaultHooks.swift"), "the user's hooks stay")
        #expect(Self.strays(new).isEmpty)

        let trial = root.appendingPathComponent("trial")
        var crashes = 0
        for step in 1...200 {
            try Self.copy(package, to: trial)
            let killed = try await Self.run(
                ["generate", "exporter.yaml"],
                in: trial,
                environment: ["SCAFFOLD_FAULT_EXIT_AFTER": "\(step)"]
            )
            let after = Self.tree(trial)
            guard killed.status == 86 else {
                // Past the last step: the run finished.
                #expect(killed.status == 0, "\(killed.output)")
                #expect(after == new, "step \(step)")
                break
            }
            crashes += 1
            let journal = after[".scaffold/journal.json"].map { String(decoding: $0, as: UTF8.self) }
            if journal == nil || journal?.contains("\"staging\"") == true {
                // Nothing decided yet: apart from what was staged, the package is the old one.
                let settled = after.filter { !Self.isStray($0.key) }
                #expect(settled == old, "step \(step): not the old package")
            } else {
                #expect(journal?.contains("\"committed\"") == true, "step \(step)")
            }
            // A crash while recovering is recovered by the next run too.
            let interrupted = try await Self.run(
                ["generate", "exporter.yaml"],
                in: trial,
                environment: ["SCAFFOLD_FAULT_EXIT_AFTER": "1"]
            )
            #expect(interrupted.status == 86 || interrupted.status == 0, "\(interrupted.output)")
            let recovered = try await Self.run(["generate", "exporter.yaml"], in: trial)
            #expect(recovered.status == 0, "step \(step): \(recovered.output)")
            #expect(Self.tree(trial) == new, "step \(step): not the new package after recovery")
            #expect(Self.strays(Self.tree(trial)).isEmpty, "step \(step)")
        }
        #expect(crashes > 10, "the fault hook stopped the run at every step")
    }

    @Test(
        "a committed journal is rolled forward by the next run, a staging one rolled back, by any command that writes"
    )
    func recoveryDirection() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, newSpec) = try await Self.makeOldPackage(in: root)
        try Data(newSpec.utf8).write(to: package.appendingPathComponent("exporter.yaml"))
        let old = Self.tree(package)
        let trial = root.appendingPathComponent("trial")
        var sawStaging = false
        var sawCommitted = false
        for step in 1...200 {
            try Self.copy(package, to: trial)
            let killed = try await Self.run(
                ["generate", "exporter.yaml"],
                in: trial,
                environment: ["SCAFFOLD_FAULT_EXIT_AFTER": "\(step)"]
            )
            guard killed.status == 86 else { break }
            let journal = Self.tree(trial)[".scaffold/journal.json"].map { String(decoding: $0, as: UTF8.self) }
            guard let journal else { continue }
            // check names the interrupted run and exits 1.
            let check = try await Self.run(["check", "exporter.yaml"], in: trial)
            #expect(check.status == 1)
            #expect(check.output.contains("interrupted"), "\(check.output)")
            // generate --dry-run writes nothing, recovery included.
            let before = Self.tree(trial)
            _ = try await Self.run(["generate", "exporter.yaml", "--dry-run"], in: trial)
            #expect(Self.tree(trial) == before)
            // The next generate says which way it recovered.
            let recoveryOnly = try await Self.run(
                ["generate", "exporter.yaml"],
                in: trial,
                environment: ["SCAFFOLD_FAULT_EXIT_AFTER": "1000"]
            )
            #expect(recoveryOnly.status == 0, "\(recoveryOnly.output)")
            if journal.contains("\"staging\"") {
                sawStaging = true
                #expect(recoveryOnly.output.contains("rolled back"), "\(recoveryOnly.output)")
            } else {
                sawCommitted = true
                #expect(recoveryOnly.output.contains("finished an interrupted run"), "\(recoveryOnly.output)")
            }
            #expect(Self.strays(Self.tree(trial)).isEmpty)
            _ = old
        }
        #expect(sawStaging && sawCommitted)
    }

    @Test("vendor killed at each of its steps leaves the old copy or the new one after the next vendor")
    func vendorKilledAtEveryStep() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, newSpec) = try await Self.makeOldPackage(in: root)
        let app = root.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        // The old copy: `acme_fault` vendored; the new: the package with a field added, vendored again.
        let first = try await Self.run(["vendor", package.path, "--into", app.path], in: root)
        #expect(first.status == 0, "\(first.output)")
        let old = Self.tree(app)
        let fieldOnly = newSpec.replacingOccurrences(of: "name: \"acme_renamed\"", with: "name: \"acme_fault\"")
        try Data(fieldOnly.utf8).write(to: package.appendingPathComponent("exporter.yaml"))
        #expect(try await Self.run(["generate", "exporter.yaml"], in: package).status == 0)
        let expected = root.appendingPathComponent("expected-app")
        try Self.copy(app, to: expected)
        #expect(try await Self.run(["vendor", package.path, "--into", expected.path], in: root).status == 0)
        let new = Self.tree(expected)
        #expect(new != old)

        let trial = root.appendingPathComponent("trial-app")
        var crashes = 0
        for step in 1...200 {
            try Self.copy(app, to: trial)
            let killed = try await Self.run(
                ["vendor", package.path, "--into", trial.path],
                in: root,
                environment: ["SCAFFOLD_FAULT_EXIT_AFTER": "\(step)"]
            )
            guard killed.status == 86 else {
                #expect(killed.status == 0, "\(killed.output)")
                #expect(Self.tree(trial) == new, "step \(step)")
                break
            }
            crashes += 1
            let after = Self.tree(trial)
            if after["Vendor/.scaffold-journal.json"].map({ String(decoding: $0, as: UTF8.self) })?
                .contains("\"committed\"") != true
            {
                #expect(after.filter { !Self.isStray($0.key) } == old, "step \(step)")
            }
            let recovered = try await Self.run(["vendor", package.path, "--into", trial.path], in: root)
            #expect(recovered.status == 0, "step \(step): \(recovered.output)")
            #expect(Self.tree(trial) == new, "step \(step)")
            #expect(Self.strays(Self.tree(trial)).isEmpty, "step \(step)")
        }
        #expect(crashes > 5)
    }

    /// Runs `command` with `arguments`; true when it exits 0.
    static func shell(_ command: String, _ arguments: [String]) async -> Bool {
        (try? await ChildProcess.run(command, arguments))?.status == 0
    }

    @Test("a directory that cannot be written (chattr +i) fails naming the file, writes nothing, and leaves no trace")
    func immutableTestsDirectory() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, newSpec) = try await Self.makeOldPackage(in: root)
        let fieldOnly = newSpec.replacingOccurrences(of: "name: \"acme_renamed\"", with: "name: \"acme_fault\"")
        try Data(fieldOnly.utf8).write(to: package.appendingPathComponent("exporter.yaml"))
        let old = Self.tree(package)
        let tests = package.appendingPathComponent("Tests/AcmeFaultTests")
        try #require(Process.chattr("+i", tests), "chattr +i is not available here")
        // Before the removal of `root` (defers run in reverse order).
        defer { _ = Process.chattr("-i", tests) }
        // Root ignores permissions, not the immutable attribute: check that it binds.
        #expect(!FileManager.default.createFile(atPath: tests.appendingPathComponent("probe").path, contents: nil))
        let refused = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(Process.chattr("-i", tests))
        #expect(refused.status == 2, "\(refused.output)")
        #expect(refused.output.contains("Tests/AcmeFaultTests/AcmeFaultTests.swift"), "\(refused.output)")
        #expect(refused.output.contains("operation not permitted"), "\(refused.output)")
        #expect(!refused.output.contains("NSCocoaErrorDomain"))
        #expect(Self.tree(package) == old, "a failed write leaves the old package, without temporary files")
        let retried = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(retried.status == 0, "\(retried.output)")
        #expect(Self.strays(Self.tree(package)).isEmpty)
        let check = try await Self.run(["check", "exporter.yaml"], in: package)
        #expect(check.status == 0, "\(check.output)")
    }

    /// Whether a tmpfs can be mounted here (root in a namespace that allows it).
    static let canMount: Bool = {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: point) }
        let mounted = Process()
        mounted.executableURL = URL(fileURLWithPath: "/bin/mount")
        mounted.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", point.path]
        mounted.standardOutput = FileHandle.nullDevice
        mounted.standardError = FileHandle.nullDevice
        guard (try? mounted.run()) != nil else { return false }
        mounted.waitUntilExit()
        guard mounted.terminationStatus == 0 else { return false }
        let unmounted = Process()
        unmounted.executableURL = URL(fileURLWithPath: "/bin/umount")
        unmounted.arguments = [point.path]
        try? unmounted.run()
        unmounted.waitUntilExit()
        return true
    }()

    @Test(
        "a full file system fails naming the file, leaves the old package, and the next run completes",
        .enabled(if: WriteFaultTests.canMount, "needs to mount a small tmpfs")
    )
    func fullFileSystem() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (source, newSpec) = try await Self.makeOldPackage(in: root)
        let disk = root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(await Self.shell("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.path]))
        defer { _ = Process.unmount(disk) }
        let package = disk.appendingPathComponent("acme_fault")
        try Self.copy(source, to: package)
        try Data(newSpec.utf8).write(to: package.appendingPathComponent("exporter.yaml"))
        let old = Self.tree(package)
        // Fill the disk, then free two pages: the journal fits, the staged files do not.
        let filler = disk.appendingPathComponent("filler")
        _ = await Self.shell("dd", ["if=/dev/zero", "of=\(filler.path)", "bs=4096"])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: filler.path)[.size] as? Int)
        let handle = try FileHandle(forWritingTo: filler)
        try handle.truncate(atOffset: UInt64(max(0, size - 8192)))
        try handle.close()

        let failed = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(failed.status == 2, "\(failed.output)")
        #expect(failed.output.contains("no space left on device"), "\(failed.output)")
        #expect(failed.output.contains("cannot write '\(package.path)/"), "\(failed.output)")
        #expect(Self.tree(package) == old, "the old package, without temporary files")

        try FileManager.default.removeItem(at: filler)
        let retried = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(retried.status == 0, "\(retried.output)")
        #expect(Self.strays(Self.tree(package)).isEmpty)
        #expect(try await Self.run(["check", "exporter.yaml"], in: package).status == 0)
    }

    @Test(
        "vendor onto a full file system fails naming the file, leaves the old copy, and the next vendor completes",
        .enabled(if: WriteFaultTests.canMount, "needs to mount a small tmpfs")
    )
    func vendorFullFileSystem() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, newSpec) = try await Self.makeOldPackage(in: root)
        let app = root.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        #expect(await Self.shell("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", app.path]))
        defer { _ = Process.unmount(app) }
        #expect(try await Self.run(["vendor", package.path, "--into", app.path], in: root).status == 0)
        let old = Self.tree(app)
        let fieldOnly = newSpec.replacingOccurrences(of: "name: \"acme_renamed\"", with: "name: \"acme_fault\"")
        try Data(fieldOnly.utf8).write(to: package.appendingPathComponent("exporter.yaml"))
        #expect(try await Self.run(["generate", "exporter.yaml"], in: package).status == 0)
        let filler = app.appendingPathComponent("filler")
        _ = await Self.shell("dd", ["if=/dev/zero", "of=\(filler.path)", "bs=4096"])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: filler.path)[.size] as? Int)
        let handle = try FileHandle(forWritingTo: filler)
        try handle.truncate(atOffset: UInt64(max(0, size - 8192)))
        try handle.close()
        let oldWithFiller = Self.tree(app)

        let failed = try await Self.run(["vendor", package.path, "--into", app.path], in: root)
        #expect(failed.status == 2, "\(failed.output)")
        #expect(failed.output.contains("no space left on device"), "\(failed.output)")
        #expect(failed.output.contains("cannot write '\(app.path)/Vendor/acme_fault/"), "\(failed.output)")
        #expect(Self.tree(app) == oldWithFiller, "the old copy, without staged files")

        try FileManager.default.removeItem(at: filler)
        let retried = try await Self.run(["vendor", package.path, "--into", app.path], in: root)
        #expect(retried.status == 0, "\(retried.output)")
        let after = Self.tree(app)
        #expect(after != old)
        #expect(Self.strays(after).isEmpty)
        #expect(try await Self.run(["check", "Vendor/acme_fault"], in: app).status == 0)
    }

    @Test("a hostile lock deletes nothing outside the generated layout: not the spec, the hooks, or outside files")
    func hostileLock() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, _) = try await Self.makeOldPackage(in: root)
        let outsideText = Data("outside\n".utf8)
        try outsideText.write(to: root.appendingPathComponent("outside.txt"))
        let outsideDirectory = root.appendingPathComponent("elsewhere/Generated")
        try FileManager.default.createDirectory(at: outsideDirectory, withIntermediateDirectories: true)
        try outsideText.write(to: outsideDirectory.appendingPathComponent("Victim.swift"))
        let generatedDirectory = package.appendingPathComponent("Sources/AcmeFault/Generated")
        try FileManager.default.createSymbolicLink(
            atPath: generatedDirectory.appendingPathComponent("Link.swift").path,
            withDestinationPath: root.appendingPathComponent("outside.txt").path
        )
        try FileManager.default.createSymbolicLink(
            atPath: package.appendingPathComponent("Sources/Evil").path,
            withDestinationPath: root.appendingPathComponent("elsewhere").path
        )
        let orphan = Data("// Generated by scaffold; old\n".utf8)
        try orphan.write(to: generatedDirectory.appendingPathComponent("Old.swift"))

        let lockURL = package.appendingPathComponent(".scaffold/lock.json")
        var lock = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: lockURL)) as? [String: Any]
        )
        var files = try #require(lock["files"] as? [String: String])
        func hash(_ url: URL) throws -> String { try Self.sha256(Data(contentsOf: url)) }
        let hooks = "Sources/AcmeFault/AcmeFaultHooks.swift"
        files["exporter.yaml"] = try hash(package.appendingPathComponent("exporter.yaml"))
        files[hooks] = try hash(package.appendingPathComponent(hooks))
        files["../outside.txt"] = Self.sha256(outsideText)
        files["/etc/passwd"] = try hash(URL(fileURLWithPath: "/etc/passwd"))
        files["Sources/AcmeFault/Generated/Link.swift"] = Self.sha256(outsideText)
        files["Sources/Evil/Generated/Victim.swift"] = Self.sha256(outsideText)
        files["Sources/AcmeFault/Generated/Old.swift"] = Self.sha256(orphan)
        lock["files"] = files
        try JSONSerialization.data(withJSONObject: lock, options: [.sortedKeys]).write(to: lockURL)

        let generated = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(generated.status == 0, "\(generated.output)")
        let fileManager = FileManager.default
        #expect(fileManager.fileExists(atPath: package.appendingPathComponent("exporter.yaml").path))
        #expect(fileManager.fileExists(atPath: package.appendingPathComponent(hooks).path))
        #expect(fileManager.fileExists(atPath: root.appendingPathComponent("outside.txt").path))
        #expect(fileManager.fileExists(atPath: outsideDirectory.appendingPathComponent("Victim.swift").path))
        #expect(fileManager.fileExists(atPath: "/etc/passwd"))
        #expect(
            (try? fileManager.destinationOfSymbolicLink(
                atPath: generatedDirectory.appendingPathComponent("Link.swift").path
            ))
                != nil,
            "the link is left alone"
        )
        #expect(!fileManager.fileExists(atPath: generatedDirectory.appendingPathComponent("Old.swift").path))
        let rewritten = try String(contentsOf: lockURL, encoding: .utf8)
        #expect(!rewritten.contains("outside") && !rewritten.contains("passwd") && !rewritten.contains("Evil"))
    }

    @Test("a hand-made journal deletes nothing but generated files: not the spec, the hooks, or through a link")
    func hostileJournal() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, _) = try await Self.makeOldPackage(in: root)
        let before = Self.tree(package)
        let journal = package.appendingPathComponent(".scaffold/journal.json")
        func write(_ paths: [String]) throws {
            let steps = paths.map { "{\"kind\": \"delete\", \"path\": \"\($0)\"}" }.joined(separator: ", ")
            try Data("{\"state\": \"committed\", \"createdDirectories\": [], \"steps\": [\(steps)]}".utf8)
                .write(to: journal)
        }
        try write(["exporter.yaml", "Sources/AcmeFault/AcmeFaultHooks.swift", ".scaffold/lock.json"])
        let recovered = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(recovered.status == 0, "\(recovered.output)")
        #expect(Self.tree(package) == before, "nothing but generated files may be deleted")

        try write(["../outside.txt"])
        try Data("outside\n".utf8).write(to: root.appendingPathComponent("outside.txt"))
        let escaping = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(escaping.status == 2, "\(escaping.output)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("outside.txt").path))

        let elsewhere = root.appendingPathComponent("elsewhere/Generated")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("victim\n".utf8).write(to: elsewhere.appendingPathComponent("Victim.swift"))
        try FileManager.default.createSymbolicLink(
            atPath: package.appendingPathComponent("Sources/Evil").path,
            withDestinationPath: root.appendingPathComponent("elsewhere").path
        )
        try write(["Sources/Evil/Generated/Victim.swift"])
        let linked = try await Self.run(["generate", "exporter.yaml"], in: package)
        #expect(linked.status == 2, "\(linked.output)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("Victim.swift").path))
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hexDigest(of: String(decoding: data, as: UTF8.self))
    }
}

extension Process {
    /// `chattr FLAG PATH`; true when it succeeded.
    static func chattr(_ flag: String, _ url: URL) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, url.path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// `umount PATH`; true when it succeeded.
    static func unmount(_ url: URL) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [url.path]
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

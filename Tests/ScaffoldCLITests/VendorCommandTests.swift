import ExporterRuntimeTesting
import Foundation
import ScaffoldGenerator
import Testing

/// `scaffold vendor` through the built binary, in temporary directories.
@Suite("scaffold vendor", .serialized)
struct VendorCommandTests {
    static func run(_ arguments: [String], _ directory: URL) async throws -> (status: Int32, output: String) {
        try await GenerateCommandTests.run(arguments, in: directory)
    }

    /// A fresh exporter package `acme_vendor` in `root/src` depending on this checkout by a relative path, and an
    /// empty project in `root/app`.
    static func makePackage(in root: URL, name: String = "acme_vendor") async throws -> (package: URL, app: URL) {
        let package = root.appendingPathComponent("src/\(name)")
        let created = try await run(
            [
                "new", "exporter", name, "--runtime-path", GenerateCommandTests.repository(relativeTo: root), "--base",
                "span", "--transport", "file", "--output", package.path, "--yes",
            ],
            root
        )
        #expect(created.status == 0, "\(created.output)")
        let app = root.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        return (package, app)
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    /// The directory the runtime's `.package(name: "exporter-scaffold", path: "...")` line of `manifest` (in
    /// `directory`) points at.
    static func dependencyPath(in manifest: String, relativeTo directory: URL) throws -> String {
        let prefix = ".package(name: \"exporter-scaffold\", path: \""
        let start = try #require(manifest.range(of: prefix)).upperBound
        let end = try #require(manifest[start...].firstIndex(of: "\""))
        return directory.appendingPathComponent(String(manifest[start..<end])).standardizedFileURL
            .resolvingSymlinksInPath().path
    }

    @Test("copies the package without local state, rewrites it for its new place and prints the lines to add")
    func vendorPackage() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, app) = try await Self.makePackage(in: root)
        for junk in [".build/debug/junk.o", ".swiftpm/state.json", "Package.resolved"] {
            let url = package.appendingPathComponent(junk)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data("junk".utf8).write(to: url)
        }
        let extra = "import ExporterRuntime\n\nenum Extra {}\n"
        try Data(extra.utf8).write(to: package.appendingPathComponent("Sources/AcmeVendor/Extra.swift"))
        let mine = app.appendingPathComponent("Package.swift")
        try Data("// the user's manifest\n".utf8).write(to: mine)

        // The package directory and its spec are both accepted.
        let result = try await Self.run(["vendor", package.path, "--into", app.path], root)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("    .package(path: \"Vendor/acme_vendor\"),"), "\(result.output)")
        #expect(result.output.contains("    .product(name: \"AcmeVendor\", package: \"acme_vendor\"),"))
        #expect(result.output.contains(".product(name: \"ExporterRuntime\", package: "))

        let copy = app.appendingPathComponent("Vendor/acme_vendor")
        #expect(try Self.text(copy.appendingPathComponent("Sources/AcmeVendor/Extra.swift")) == extra)
        #expect(Self.exists(copy.appendingPathComponent("Sources/AcmeVendor/AcmeVendorHooks.swift")))
        #expect(Self.exists(copy.appendingPathComponent(VendorRecord.path)))
        #expect(Self.exists(copy.appendingPathComponent(ScaffoldLock.path)))
        for junk in [".build", ".swiftpm", "Package.resolved"] {
            #expect(!Self.exists(copy.appendingPathComponent(junk)), "\(junk) was copied")
        }
        #expect(try Self.text(mine) == "// the user's manifest\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: app.appendingPathComponent("Vendor").path)
        #expect(leftovers == ["acme_vendor"], "staging directories left behind: \(leftovers)")

        // The copy depends on the same runtime as the original, through a path relative to its new place.
        let original = try Self.dependencyPath(
            in: Self.text(package.appendingPathComponent("Package.swift")),
            relativeTo: package
        )
        let vendored = try Self.dependencyPath(
            in: Self.text(copy.appendingPathComponent("Package.swift")),
            relativeTo: copy
        )
        #expect(original == vendored)
        let check = try await Self.run(["check", copy.path], root)
        #expect(check.status == 0, "\(check.output)")

        let again = try await Self.run(
            ["vendor", package.appendingPathComponent("exporter.yaml").path, "--into", app.path],
            root
        )
        #expect(again.status == 0, "\(again.output)")
        #expect(again.output.contains("unchanged  Vendor/acme_vendor"), "\(again.output)")
    }

    @Test("vendoring again refuses hand edits in the copy unless --force, and replaces the whole copy")
    func revendorRefusesHandEdits() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, app) = try await Self.makePackage(in: root)
        #expect(try await Self.run(["vendor", package.path, "--into", app.path], root).status == 0)
        let copy = app.appendingPathComponent("Vendor/acme_vendor")
        let hooks = copy.appendingPathComponent("Sources/AcmeVendor/AcmeVendorHooks.swift")
        let originalHooks = try Self.text(hooks)
        try Data("// tuned in the vendored copy\n".utf8).write(to: hooks)
        let added = copy.appendingPathComponent("NOTES.md")
        try Data("mine\n".utf8).write(to: added)
        let sibling = app.appendingPathComponent("Vendor/other/keep.txt")
        try FileManager.default.createDirectory(
            at: sibling.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try Data("keep\n".utf8).write(to: sibling)

        let refused = try await Self.run(["vendor", package.path, "--into", app.path], root)
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("Sources/AcmeVendor/AcmeVendorHooks.swift"), "\(refused.output)")
        #expect(refused.output.contains("NOTES.md"), "\(refused.output)")
        #expect(refused.output.contains("--force"))
        #expect(try Self.text(hooks) == "// tuned in the vendored copy\n")
        #expect(Self.exists(added))

        let forced = try await Self.run(["vendor", package.path, "--into", app.path, "--force"], root)
        #expect(forced.status == 0, "\(forced.output)")
        #expect(forced.output.contains("replaced   Vendor/acme_vendor"), "\(forced.output)")
        #expect(try Self.text(hooks) == originalHooks)
        #expect(!Self.exists(added))
        #expect(try Self.text(sibling) == "keep\n")
    }

    @Test("a package with drift is not vendored, and a directory not made by vendor is not replaced")
    func refusals() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, app) = try await Self.makePackage(in: root)
        let generated = package.appendingPathComponent("Sources/AcmeVendor/Generated/AcmeVendorSpanExporter.swift")
        let pristine = try Self.text(generated)
        try Data("// edited\n".utf8).write(to: generated)
        let drift = try await Self.run(["vendor", package.path, "--into", app.path], root)
        #expect(drift.status == 1, "\(drift.output)")
        #expect(drift.output.contains("not up to date"), "\(drift.output)")
        #expect(drift.output.contains("AcmeVendorSpanExporter.swift"))
        #expect(!Self.exists(app.appendingPathComponent("Vendor")))
        try Data(pristine.utf8).write(to: generated)

        let foreign = app.appendingPathComponent("Vendor/acme_vendor/Package.swift")
        try FileManager.default.createDirectory(
            at: foreign.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try Data("// someone else's\n".utf8).write(to: foreign)
        let notOurs = try await Self.run(["vendor", package.path, "--into", app.path], root)
        #expect(notOurs.status == 1, "\(notOurs.output)")
        #expect(notOurs.output.contains("not vendored by scaffold"), "\(notOurs.output)")
        #expect(try Self.text(foreign) == "// someone else's\n")
    }

    @Test("no path leaves the project: a symlinked Vendor and a project inside the package are refused")
    func unsafePaths() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, app) = try await Self.makePackage(in: root)
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: app.appendingPathComponent("Vendor"),
            withDestinationURL: elsewhere
        )
        let linked = try await Self.run(["vendor", package.path, "--into", app.path], root)
        #expect(linked.status == 2, "\(linked.output)")
        #expect(linked.output.contains("symbolic link"), "\(linked.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)

        let inner = package.appendingPathComponent("Examples/App")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let nested = try await Self.run(["vendor", package.path, "--into", package.path], root)
        #expect(nested.status == 2, "\(nested.output)")
        #expect(nested.output.contains("one contains the other"), "\(nested.output)")
        #expect(!Self.exists(package.appendingPathComponent("Vendor")))
    }

    @Test("--with-runtime copies only the runtime's library targets, and the copy depends on them by path")
    func withRuntime() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, app) = try await Self.makePackage(in: root)
        let result = try await Self.run(["vendor", package.path, "--into", app.path, "--with-runtime"], root)
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output.contains("    .package(name: \"exporter-scaffold\", path: \"Vendor/exporter-scaffold\"),"),
            "\(result.output)"
        )
        #expect(result.output.contains("    .product(name: \"ExporterRuntime\", package: \"exporter-scaffold\"),"))

        let runtime = app.appendingPathComponent("Vendor/exporter-scaffold")
        let top = try FileManager.default.contentsOfDirectory(atPath: runtime.path).sorted()
        #expect(top == [".scaffold", "Package.swift", "README.md", "Sources"])
        let targets = try FileManager.default.contentsOfDirectory(
            atPath: runtime.appendingPathComponent("Sources").path
        )
        #expect(
            Set(targets) == Set(VendoredRuntime.sourceDirectories(includingOTLP: false).map { String($0.dropFirst(8)) })
        )
        #expect(!targets.contains("ExporterOTLP"), "a span exporter with a file transport does not need OTLP")
        let manifest = try Self.text(runtime.appendingPathComponent("Package.swift"))
        #expect(manifest == VendoredRuntime.manifest(includingOTLP: false, generatorVersion: "0.1.0"))

        let copy = app.appendingPathComponent("Vendor/acme_vendor")
        let spec = try Self.text(copy.appendingPathComponent("exporter.yaml"))
        #expect(spec.hasSuffix("runtime:\n  path: \"../exporter-scaffold\"\n"), "\(spec)")
        #expect(
            try Self.text(copy.appendingPathComponent("Package.swift")).contains(
                ".package(name: \"exporter-scaffold\", path: \"../exporter-scaffold\")"
            )
        )
        #expect(try await Self.run(["check", copy.path], root).status == 0)
        // The original is untouched: its spec still names the checkout.
        let path = GenerateCommandTests.repository(relativeTo: package)
        #expect(
            try Self.text(package.appendingPathComponent("exporter.yaml")).hasSuffix("runtime:\n  path: \"\(path)\"\n")
        )
    }

    @Test("without --runtime-path the runtime built into scaffold is copied: this checkout's sources, file for file")
    func embeddedRuntime() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let package = root.appendingPathComponent("src/acme_otel")
        let created = try await Self.run(
            [
                "new", "exporter", "acme_otel", "--base", "otel", "--transport", "otlp", "--output", package.path,
                "--yes",
            ],
            root
        )
        #expect(created.status == 0, "\(created.output)")
        let app = root.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        let result = try await Self.run(["vendor", package.path, "--into", app.path, "--with-runtime"], root)
        #expect(result.status == 0, "\(result.output)")

        let vendored = app.appendingPathComponent("Vendor/exporter-scaffold")
        let directories = VendoredRuntime.sourceDirectories(includingOTLP: true)
        let copied = try FileManager.default.contentsOfDirectory(
            atPath: vendored.appendingPathComponent("Sources").path
        )
        #expect(Set(copied.map { "Sources/" + $0 }) == Set(directories))
        for directory in directories {
            let expected = try Self.files(under: GenerateCommandTests.repository.appendingPathComponent(directory))
            let actual = try Self.files(under: vendored.appendingPathComponent(directory))
            #expect(actual.keys.sorted() == expected.keys.sorted(), "\(directory)")
            let differing = expected.keys.filter { actual[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "\(directory): \(differing)")
        }
    }

    /// Every regular file below `directory` but hidden ones, by relative path.
    static func files(under directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(
            at: directory,
            includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles]
        )
        let prefix = directory.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[String(path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test("the runtime's sources: a bad --runtime-path fails clearly; --runtime-path alone is a usage error")
    func runtimePath() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, app) = try await Self.makePackage(in: root)
        let bad = try await Self.run(
            ["vendor", package.path, "--into", app.path, "--with-runtime", "--runtime-path", root.path],
            root
        )
        #expect(bad.status == 2, "\(bad.output)")
        #expect(bad.output.contains("is not a checkout of exporter-scaffold"), "\(bad.output)")
        #expect(!Self.exists(app.appendingPathComponent("Vendor")))
        let usage = try await Self.run(["vendor", package.path, "--into", app.path, "--runtime-path", root.path], root)
        #expect(usage.status == 64, "\(usage.output)")
    }
}

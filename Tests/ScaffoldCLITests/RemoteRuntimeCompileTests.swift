import ExporterRuntimeTesting
import Foundation
import ScaffoldCLI
import Testing

/// The repository as a remote dependency: its committed HEAD cloned into a bare repository tagged with this version,
/// `scaffold new --runtime-url file://…` run outside the checkout, and the generated package built and tested
/// against it with a private scratch and cache path, so SwiftPM resolves the runtime (with its system libraries
/// CYAML and CZlib, found through pkg-config, and its plugins) as it would from its published URL. Slow (minutes,
/// the runtime and `scaffold` are built from scratch): only with `SCAFFOLD_COMPILE_TESTS=1`.
@Suite(
    "The runtime resolves and builds from a Git URL",
    .enabled(if: ProcessInfo.processInfo.environment["SCAFFOLD_COMPILE_TESTS"] == "1"),
    .serialized
)
struct RemoteRuntimeCompileTests {
    static func run(_ arguments: [String], in directory: URL) async throws -> (status: Int32, output: String) {
        let outcome = try await ChildProcess.run(arguments[0], Array(arguments.dropFirst()), in: directory)
        return (outcome.status, outcome.output)
    }

    /// Removes `root` and the lock files SwiftPM left for its scratch and cache paths in the temporary directory
    /// (named after the locked path, `/` as `_`).
    static func remove(_ root: URL) {
        try? FileManager.default.removeItem(at: root)
        let temporary = FileManager.default.temporaryDirectory
        let prefix = root.path.replacingOccurrences(of: "/", with: "_")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }

    @Test("a package generated with --runtime-url file://<bare clone> builds, passes its tests, runs the plugin")
    func buildAgainstURL() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-remote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { Self.remove(root) }
        let repository = GenerateCommandTests.repository
        let head = try await Self.run(["git", "rev-parse", "HEAD"], in: repository)
        #expect(head.status == 0, "\(head.output)")
        let commit = head.output.trimmingCharacters(in: .whitespacesAndNewlines)

        let bare = root.appendingPathComponent("exporter-scaffold.git")
        let clone = try await Self.run(["git", "clone", "--quiet", "--bare", repository.path, bare.path], in: root)
        #expect(clone.status == 0, "\(clone.output)")
        let tag = try await Self.run(
            ["git", "--git-dir", bare.path, "tag", ScaffoldVersion.current, commit],
            in: root
        )
        #expect(tag.status == 0, "\(tag.output)")

        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let url = "file://\(bare.path)"
        let created = try await GenerateCommandTests.run(
            ["new", "exporter", "acme_remote", "--base", "span", "--transport", "file", "--yes", "--runtime-url", url],
            in: work
        )
        #expect(created.status == 0, "\(created.output)")
        #expect(created.output.contains("runtime: \(url) from \(ScaffoldVersion.current) (--runtime-url"))
        let package = work.appendingPathComponent("acme_remote")

        let private_ =
            ["--scratch-path", root.appendingPathComponent(".build").path]
            + ["--cache-path", root.appendingPathComponent("cache").path]
        let build = try await Self.run(["swift", "build", "--build-tests"] + private_, in: package)
        #expect(build.status == 0, "\(build.output)")
        let resolved = try String(contentsOf: package.appendingPathComponent("Package.resolved"), encoding: .utf8)
        // SwiftPM records a file:// location as its path.
        #expect(
            resolved.contains("\"location\" : \"\(bare.path)\"") || resolved.contains("\"location\" : \"\(url)\""),
            "the runtime was not resolved from \(url): \(resolved)"
        )
        #expect(resolved.contains("\"version\" : \"\(ScaffoldVersion.current)\""), "\(resolved)")
        let test = try await Self.run(["swift", "test", "--skip-build"] + private_, in: package)
        #expect(test.status == 0, "\(test.output)")
        // The command plugin of the dependency: builds `scaffold` from the clone (the EmbedTemplates build plugin,
        // CZlib and the OTLP module with it) and finds the package up to date with its spec.
        let plugin = try await Self.run(
            ["swift", "package"] + private_
                + ["--allow-writing-to-package-directory", "scaffold-generate", "--dry-run"],
            in: package
        )
        #expect(plugin.status == 0, "\(plugin.output)")
        #expect(plugin.output.contains("runtime: \(url) from \(ScaffoldVersion.current) (runtime: in exporter.yaml)"))
        #expect(!plugin.output.contains("  update "), "\(plugin.output)")
    }
}

/// What SwiftPM refuses or cannot resolve in a package used by URL.
@Suite("The root manifest is consumable by URL")
struct RemoteManifestTests {
    @Test("no unsafeFlags and no dependency by path")
    func manifest() throws {
        let manifest = try String(
            contentsOf: GenerateCommandTests.repository.appendingPathComponent("Package.swift"),
            encoding: .utf8
        )
        #expect(!manifest.contains("unsafeFlags"))
        #expect(!manifest.contains(".package(path:"))
        #expect(!manifest.contains(".package(name:"))
    }
}

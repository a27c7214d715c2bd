import ExporterRuntimeTesting
import Foundation
import Testing

/// Regenerating a package that scaffold 0.1 generated with names derived from the module itself
/// (`PhoenixExporterConfiguration`, `PhoenixExporterBlueprint`, `Generated/PhoenixExporterExporter.swift`): the
/// fixture `Fixtures/LegacyPhoenix` is the phoenix example as that generation wrote it.
@Suite("Regenerating a package with the names of an earlier generation", .serialized)
struct RenamedNamesTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/LegacyPhoenix")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let hooksPath = "Sources/PhoenixExporter/PhoenixExporterHooks.swift"
    static let oldGenerated = [
        "Sources/PhoenixExporter/Generated/PhoenixExporterConfiguration.swift",
        "Sources/PhoenixExporter/Generated/PhoenixExporterExporter.swift",
        "Sources/PhoenixExporter/Generated/PhoenixExporterRegistration.swift",
    ]
    static let aliases = "Sources/PhoenixExporter/Generated/PhoenixDeprecatedNames.swift"
    /// A file of the user's using every old name of the generated code.
    static let userCode = """
        import ExporterCore

        /// Registers the phoenix exporter the way the README of scaffold 0.1 showed.
        func makeRegistry() -> ExporterRegistry {
            var registry = ExporterRegistry()
            registry.registerPhoenixExporter()
            precondition(registry.typeNames.contains(ExporterRegistry.phoenixExporterTypeName))
            _ = PhoenixExporterBlueprint.self
            return registry
        }

        """

    /// A copy of the fixture in `root` whose spec names this checkout as its runtime, with `userCode` added.
    static func legacyPackage(in root: URL) throws -> URL {
        let package = root.appendingPathComponent("phoenix")
        try FileManager.default.copyItem(at: fixture, to: package)
        let spec = package.appendingPathComponent("exporter.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
            .replacingOccurrences(of: "path: ../../..", with: "path: \(repository.path)")
        try Data(text.utf8).write(to: spec)
        let user = package.appendingPathComponent("Sources/PhoenixExporter/Registration+App.swift")
        try Data(userCode.utf8).write(to: user)
        return package
    }

    static func read(_ path: String, in package: URL) throws -> String {
        try String(contentsOf: package.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("old generated files go, the hooks stay byte for byte, old names the user's files use become aliases")
    func regenerate() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let package = try Self.legacyPackage(in: root)
        let hooksBefore = try Data(contentsOf: package.appendingPathComponent(Self.hooksPath))
        let lockBefore = try Self.read(".scaffold/lock.json", in: package)

        let generated = try await GenerateCommandTests.run(["generate", "exporter.yaml"], in: package)
        #expect(generated.status == 0, "\(generated.output)")

        for path in Self.oldGenerated {
            #expect(!FileManager.default.fileExists(atPath: package.appendingPathComponent(path).path), "\(path)")
        }
        #expect(try Data(contentsOf: package.appendingPathComponent(Self.hooksPath)) == hooksBefore)
        // No second hooks file: the generated code calls the hooks by the name they have.
        #expect(
            !FileManager.default.fileExists(
                atPath: package.appendingPathComponent("Sources/PhoenixExporter/PhoenixHooks.swift").path
            )
        )
        let exporter = try Self.read("Sources/PhoenixExporter/Generated/PhoenixSpanExporter.swift", in: package)
        #expect(exporter.contains("public struct PhoenixSpanExporter: ExporterBlueprint {"))
        #expect(exporter.contains("let hooks = PhoenixExporterHooks(configuration: configuration, context: context)"))

        let aliases = try Self.read(Self.aliases, in: package)
        for expected in [
            "@available(*, deprecated, renamed: \"PhoenixConfiguration\")\n"
                + "public typealias PhoenixExporterConfiguration = PhoenixConfiguration",
            "@available(*, deprecated, renamed: \"PhoenixSpanExporter\")\n"
                + "public typealias PhoenixExporterBlueprint = PhoenixSpanExporter",
            "public mutating func registerPhoenixExporter() {\n        registerPhoenixSpanExporter()",
            "public static var phoenixExporterTypeName: String { PhoenixSpanExporter.typeName }",
        ] {
            #expect(aliases.contains(expected), "\(aliases)")
        }

        let lock = try Self.read(".scaffold/lock.json", in: package)
        #expect(lock != lockBefore)
        #expect(lock.contains("Generated/PhoenixSpanExporter.swift") && lock.contains(Self.aliases))
        #expect(!Self.oldGenerated.contains { lock.contains($0) }, "\(lock)")

        let check = try await GenerateCommandTests.run(["check", "exporter.yaml"], in: package)
        #expect(check.status == 0 && check.output.contains("up to date"), "\(check.output)")
    }

    @Test("once the user's files use the new names, the aliases go")
    func aliasesGo() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let package = try Self.legacyPackage(in: root)
        #expect(try await GenerateCommandTests.run(["generate", "exporter.yaml"], in: package).status == 0)
        try FileManager.default.removeItem(
            at: package.appendingPathComponent("Sources/PhoenixExporter/Registration+App.swift")
        )
        let hooks = package.appendingPathComponent(Self.hooksPath)
        let renamed = try String(contentsOf: hooks, encoding: .utf8)
            .replacingOccurrences(of: "PhoenixExporterConfiguration", with: "PhoenixConfiguration")
        try Data(renamed.utf8).write(to: hooks)

        let again = try await GenerateCommandTests.run(["generate", "exporter.yaml"], in: package)
        #expect(again.status == 0, "\(again.output)")
        #expect(!FileManager.default.fileExists(atPath: package.appendingPathComponent(Self.aliases).path))
    }
}

/// Builds a migrated package: the user's files with old names compile against the deprecated aliases. Slow (only
/// with `SCAFFOLD_COMPILE_TESTS=1`); shares the scratch path of `CompileTests`.
@Suite(
    "A package migrated to the new names compiles",
    .enabled(if: ProcessInfo.processInfo.environment["SCAFFOLD_COMPILE_TESTS"] == "1")
)
struct RenamedNamesCompileTests {
    @Test("the migrated package builds, warns only of the deprecated names, and passes its tests")
    func migratedPackageCompiles() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let package = try RenamedNamesTests.legacyPackage(in: root)
        #expect(try await GenerateCommandTests.run(["generate", "exporter.yaml"], in: package).status == 0)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-compile-tests/.build")
        let build = try await ChildProcess.run(
            "swift",
            ["build", "--build-tests", "--scratch-path", scratch.path],
            in: package
        )
        #expect(build.status == 0, "\(build.output)")
        // The only warnings are the deprecations that tell the user what to rename.
        let warnings = build.output.split(separator: "\n").filter {
            $0.contains("warning:") && $0.contains(package.path) && !$0.contains("is deprecated: renamed to")
        }
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
        #expect(build.output.contains("'PhoenixExporterConfiguration' is deprecated"), "\(build.output)")
        let test = try await ChildProcess.run(
            "swift",
            ["test", "--skip-build", "--scratch-path", scratch.path],
            in: package
        )
        #expect(test.status == 0, "\(test.output)")
    }
}

import ExporterRuntimeTesting
import Foundation
import Testing

/// Vendors an exporter with the runtime into a fresh project, deletes the original package, and builds and runs
/// the project: everything it needs is under its `Vendor/` (the runtime is never fetched from a URL; swift-log and
/// the other third-party packages come from their usual place). Slow (minutes): only with `SCAFFOLD_COMPILE_TESTS=1`.
@Suite(
    "A vendored exporter builds on its own",
    .enabled(if: ProcessInfo.processInfo.environment["SCAFFOLD_COMPILE_TESTS"] == "1"),
    .serialized
)
struct VendorCompileTests {
    static let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-vendor-compile")

    @Test("the printed lines make a project that builds and registers the exporter")
    func buildVendoredProject() async throws {
        let root = Self.workspace.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let (package, app) = try await VendorCommandTests.makePackage(in: root, name: "acme_offline")
        let vendored = try await VendorCommandTests.run(
            ["vendor", package.path, "--into", app.path, "--with-runtime"],
            root
        )
        #expect(vendored.status == 0, "\(vendored.output)")
        let printed = vendored.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let packageLines = printed.filter { $0.hasPrefix(".package(") }
        let productLines = printed.filter { $0.hasPrefix(".product(") }
        #expect(packageLines.count == 2 && productLines.count == 2, "\(vendored.output)")

        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "App",
                platforms: [.macOS(.v15)],
                dependencies: [
                    \(packageLines.joined(separator: "\n        "))
                ],
                targets: [
                    .executableTarget(
                        name: "App",
                        dependencies: [
                            \(productLines.joined(separator: "\n                "))
                        ]
                    )
                ]
            )

            """
        try Data(manifest.utf8).write(to: app.appendingPathComponent("Package.swift"))
        let main = app.appendingPathComponent("Sources/App/main.swift")
        try FileManager.default.createDirectory(at: main.deletingLastPathComponent(), withIntermediateDirectories: true)
        let program = """
            import AcmeOffline
            import ExporterRuntime

            var registry = ExporterRegistry()
            registry.registerAcmeOfflineSpanExporter()
            print("registered \\(AcmeOfflineSpanExporter.typeName)")

            """
        try Data(program.utf8).write(to: main)
        // Nothing may still point at the original package or the checkout scaffold runs from.
        try FileManager.default.removeItem(at: root.appendingPathComponent("src"))

        let scratch = Self.workspace.appendingPathComponent(".build").path
        let build = try await ChildProcess.run("swift", ["build", "--scratch-path", scratch], in: app)
        #expect(build.status == 0, "\(build.output)")
        // The vendored runtime builds as cleanly as the repository (the generated code's own warnings are the
        // generator's compile tests' business).
        let warnings = build.output.split(separator: "\n").filter {
            $0.contains("warning:") && $0.contains("/Vendor/exporter-scaffold/")
        }
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
        let resolved = (try? String(contentsOf: app.appendingPathComponent("Package.resolved"), encoding: .utf8)) ?? ""
        #expect(!resolved.contains("exporter-scaffold"), "the runtime was resolved from a URL: \(resolved)")
        #expect(!build.output.contains("Fetching https://github.com/exporter-scaffold"), "\(build.output)")

        let binary = URL(fileURLWithPath: scratch).appendingPathComponent("debug/App").path
        let ran = try await ChildProcess.run(binary, [], in: app)
        #expect(ran.status == 0, "\(ran.output)")
        #expect(ran.output.contains("registered acme_offline"), "\(ran.output)")
    }
}

import ExporterRuntimeTesting
import Foundation
import Testing

/// An installed `scaffold` with no checkout on the machine: the built binary is copied into an empty directory and
/// every command runs in a mount namespace where this checkout is an empty read-only directory (a tmpfs mounted
/// over it), so neither its own path, its working directory nor the source paths compiled into it lead to a
/// checkout. From there a new user's path: `new` → `validate` → `generate` → `check` → `vendor --with-runtime`
/// into a fresh host package → `swift build` + `swift test` of the host, whose test exports through the vendored
/// exporter. The runtime's third-party packages (swift-log, ...) resolve from their usual URLs. Slow (minutes: the
/// vendored runtime is compiled): only with `SCAFFOLD_COMPILE_TESTS=1`; it needs `unshare --mount` (root, as CI).
@Suite(
    "An installed scaffold works without a checkout",
    .enabled(if: ProcessInfo.processInfo.environment["SCAFFOLD_COMPILE_TESTS"] == "1"),
    .serialized
)
struct InstalledScaffoldCompileTests {
    /// Kept between runs for its scratch directory (`.build`); everything else in it is made anew.
    static let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-installed-compile")
    static let checkout = GenerateCommandTests.repository.standardizedFileURL.resolvingSymlinksInPath()

    /// What runs in the new mount namespace: an empty read-only tmpfs over the checkout (`$1`; exit 97 when that
    /// cannot be done), then the command from its directory (`$2`).
    static let hideCheckoutThenRun = [
        #"mount -t tmpfs -o ro none "$1" || exit 97"#,
        #"cd "$2" && shift 2 && exec "$@""#,
    ].joined(separator: "\n")

    /// Runs `arguments` in `directory` where the checkout cannot be seen: `unshare` gives the command a mount
    /// namespace of its own, in which the checkout is empty.
    static func runWithoutCheckout(_ arguments: [String], in directory: URL) async throws -> ChildProcess.Outcome {
        try await ChildProcess.run(
            "unshare",
            [
                "--mount", "--propagation", "private", "sh", "-c", hideCheckoutThenRun, "sh", checkout.path,
                directory.path,
            ]
                + arguments,
            in: directory
        )
    }

    @Test("a copied scaffold takes a new exporter from new to a host package that builds and passes its tests")
    func installedBinary() async throws {
        let manager = FileManager.default
        try manager.createDirectory(at: Self.workspace, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: Self.workspace.path) where name != ".build" {
            try manager.removeItem(at: Self.workspace.appendingPathComponent(name))
        }
        let bin = Self.workspace.appendingPathComponent("bin")
        let work = Self.workspace.appendingPathComponent("work")
        let host = work.appendingPathComponent("host")
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        try manager.createDirectory(at: host, withIntermediateDirectories: true)
        let scaffold = bin.appendingPathComponent("scaffold")
        try manager.copyItem(at: GenerateCommandTests.binary, to: scaffold)
        #expect(!scaffold.path.hasPrefix(Self.checkout.path + "/"))

        // The checkout really is out of reach in the namespace the commands run in.
        let probe = try await Self.runWithoutCheckout(["ls", "-A", Self.checkout.path], in: work)
        try #require(probe.status == 0, "cannot hide the checkout (needs unshare --mount): \(probe.output)")
        #expect(probe.output.isEmpty, "the checkout is still visible: \(probe.output)")

        let steps: [[String]] = [
            [
                "new", "exporter", "acme_installed", "--base", "span", "--transport", "file", "--output", "acme",
                "--yes",
            ],
            ["validate", "acme/exporter.yaml"],
            ["generate", "acme/exporter.yaml"],
            ["check", "acme"],
            ["vendor", "acme", "--into", "host", "--with-runtime"],
        ]
        var vendorOutput = ""
        for step in steps {
            let result = try await Self.runWithoutCheckout([scaffold.path] + step, in: work)
            try #require(result.status == 0, "scaffold \(step.joined(separator: " ")): \(result.output)")
            if step[0] == "vendor" { vendorOutput = result.output }
        }
        let printed = vendorOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let packageLines = printed.filter { $0.hasPrefix(".package(") }
        let productLines = printed.filter { $0.hasPrefix(".product(") }
        #expect(packageLines.count == 2 && productLines.count == 2, "\(vendorOutput)")
        let vendoredManifest = try String(
            contentsOf: host.appendingPathComponent("Vendor/exporter-scaffold/Package.swift"),
            encoding: .utf8
        )
        #expect(!vendoredManifest.contains(Self.checkout.path))

        try Self.writeHost(at: host, packageLines: packageLines, productLines: productLines)
        let scratch = Self.workspace.appendingPathComponent(".build").path
        let build = try await Self.runWithoutCheckout(
            ["swift", "build", "--build-tests", "--scratch-path", scratch],
            in: host
        )
        #expect(build.status == 0, "\(build.output)")
        let test = try await Self.runWithoutCheckout(
            ["swift", "test", "--skip-build", "--scratch-path", scratch],
            in: host
        )
        #expect(test.status == 0, "\(test.output)")
        #expect(test.output.contains("exports through the vendored exporter"), "\(test.output)")
        #expect(test.output.contains("passed"), "\(test.output)")
        let resolved = (try? String(contentsOf: host.appendingPathComponent("Package.resolved"), encoding: .utf8)) ?? ""
        #expect(!resolved.contains("exporter-scaffold"), "the runtime was resolved from a URL: \(resolved)")
    }

    /// A host package with a library that registers the vendored exporter and a test that exports through it.
    static func writeHost(at host: URL, packageLines: [String], productLines: [String]) throws {
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "Host",
                platforms: [.macOS(.v15)],
                dependencies: [
                    \(packageLines.joined(separator: "\n        "))
                ],
                targets: [
                    .target(
                        name: "HostKit",
                        dependencies: [
                            \(productLines.joined(separator: "\n                "))
                        ]
                    ),
                    .testTarget(name: "HostKitTests", dependencies: ["HostKit"]),
                ]
            )

            """
        let library = """
            import AcmeInstalled
            import ExporterRuntime

            public enum HostExporters {
                public static func registry() -> ExporterRegistry {
                    var registry = ExporterRegistry.builtIn
                    registry.registerAcmeInstalledSpanExporter()
                    return registry
                }
            }

            """
        let test = """
            import ExporterRuntime
            import Foundation
            import HostKit
            import Testing

            @Test("exports through the vendored exporter")
            func exportsThroughTheVendoredExporter() async throws {
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: directory) }
                let workflow = directory.appendingPathComponent("workflow.yml").path
                try "general:\\n  telemetry:\\n    tracing:\\n      acme: {_type: acme_installed}\\n"
                    .write(toFile: workflow, atomically: true, encoding: .utf8)
                let manager = try WorkflowConfiguration.load(contentsOf: workflow, registry: HostExporters.registry())
                    .makeManager()
                let (_, reports) = try await manager.withRun { _ in
                    await Instrument.agent("support-bot", input: "hi") { _ in
                        await Instrument.tool("lookup", arguments: ["id": "A-17"]) { _ in JSONValue.string("found") }
                    }
                }
                await manager.close()
                #expect(reports.count == 1 && reports[0].completed && reports[0].statistics.exported == 2)
                let lines = try String(contentsOf: directory.appendingPathComponent("acme_installed.jsonl"), encoding: .utf8)
                    .split(separator: "\\n")
                #expect(lines.count == 2)
                #expect(lines.first?.contains("\\"lookup\\"") == true && lines.last?.contains("\\"support-bot\\"") == true)
            }

            """
        let files = [
            "Package.swift": manifest,
            "Sources/HostKit/HostExporters.swift": library,
            "Tests/HostKitTests/HostKitTests.swift": test,
        ]
        for (path, text) in files {
            let url = host.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(text.utf8).write(to: url)
        }
    }
}

import ExporterRuntimeTesting
import Foundation
import Testing

extension CompileTests {
    /// The packages under `Examples/Exporters`: `scaffold check` finds every one up to date with its spec, and each
    /// builds without warnings in its own files and passes its tests. They share the scratch path of the fixture
    /// packages, so the runtime is compiled once per run; nested in ``CompileTests`` (serialized), so no other build
    /// uses the scratch path meanwhile (the fixtures' check that only OTLP packages compile swift-protobuf needs
    /// that). Slow (minutes): only with `SCAFFOLD_COMPILE_TESTS=1`.
    @Suite(
        "The example exporters are up to date, build and pass their tests",
        .enabled(if: ProcessInfo.processInfo.environment["SCAFFOLD_COMPILE_TESTS"] == "1"),
        .serialized
    )
    struct ExampleExportersCompileTests {
        static let examples = CompileTests.repository.appendingPathComponent("Examples/Exporters")
        static let scratch = CompileTests.workspace.appendingPathComponent(".build")

        /// The example directories: each holds an `exporter.yaml`.
        static let directories: [String] = {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
            return names.filter {
                FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/exporter.yaml").path)
            }
            .sorted()
        }()

        /// The `scaffold` executable, built next to the test bundle by `swift build --build-tests`.
        static var scaffold: URL {
            var directory = Bundle.main.bundleURL
            for _ in 0..<4
            where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("scaffold").path) {
                directory = directory.deletingLastPathComponent()
            }
            return directory.appendingPathComponent("scaffold")
        }

        @Test("scaffold check finds every example up to date")
        func upToDate() async throws {
            #expect(Self.directories.count >= 11, "\(Self.directories)")
            let check = try await ChildProcess.run(
                Self.scaffold.path,
                ["check", "Examples/Exporters"],
                in: CompileTests.repository
            )
            #expect(check.status == 0, "\(check.output)")
        }

        /// Every example's library and tests, built and run as one package: one build plan and one test bundle
        /// instead of eleven keeps CI within its budget (each package alone re-plans and re-links everything). The
        /// package's directories are symbolic links to the examples' own `Sources/<Module>` and `Tests/<Module>Tests`,
        /// so exactly the committed sources are compiled; `scaffold check` above proves they are the generator's
        /// output, and the fixtures of ``CompileTests`` build generated manifests one by one.
        @Test("build and test every example's library and tests together")
        func buildAndTestTogether() async throws {
            let package = CompileTests.workspace.appendingPathComponent("example-exporters")
            let manager = FileManager.default
            try? manager.removeItem(at: package)
            for folder in ["Sources", "Tests"] {
                try manager.createDirectory(
                    at: package.appendingPathComponent(folder),
                    withIntermediateDirectories: true
                )
            }
            var targets: [String] = []
            for name in Self.directories {
                let example = Self.examples.appendingPathComponent(name)
                let manifest = try String(contentsOf: example.appendingPathComponent("Package.swift"), encoding: .utf8)
                // The runtime products the example's own manifest names, so that a module it forgot fails here too.
                let named = Set(
                    manifest.matches(of: /\.product\(name: "(\w+)", package: "exporter-scaffold"\)/).map {
                        String($0.1)
                    }
                )
                let runtime = named.filter { !$0.hasSuffix("Testing") }.sorted()
                let testing = named.filter { $0.hasSuffix("Testing") }.sorted()
                let modules = try manager.contentsOfDirectory(atPath: example.appendingPathComponent("Sources").path)
                    .filter { !$0.hasSuffix("-replay") && !$0.hasPrefix(".") }
                let module = try #require(modules.count == 1 ? modules.first : nil, "\(name): \(modules)")
                let tests = module + "Tests"
                try manager.createSymbolicLink(
                    at: package.appendingPathComponent("Sources/\(module)"),
                    withDestinationURL: example.appendingPathComponent("Sources/\(module)")
                )
                try manager.createSymbolicLink(
                    at: package.appendingPathComponent("Tests/\(tests)"),
                    withDestinationURL: example.appendingPathComponent("Tests/\(tests)")
                )
                let products = { (names: [String]) in
                    names.map { ".product(name: \"\($0)\", package: \"exporter-scaffold\")" }.joined(separator: ", ")
                }
                let golden = manager.fileExists(atPath: example.appendingPathComponent("Tests/\(tests)/Golden").path)
                targets.append(
                    ".target(name: \"\(module)\", dependencies: [\(products(runtime))], swiftSettings: settings),"
                )
                targets.append(
                    ".testTarget(name: \"\(tests)\", dependencies: [\"\(module)\", "
                        + "\(products(runtime + testing))]"
                        + (golden ? ", exclude: [\"Golden\"]" : "") + ", swiftSettings: settings),"
                )
            }
            let manifest = """
                // swift-tools-version:6.0
                import PackageDescription
                let settings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]
                let package = Package(
                    name: "ExampleExporters",
                    platforms: [.macOS(.v15)],
                    dependencies: [.package(name: "exporter-scaffold", path: \(String(reflecting: CompileTests.repository.path)))],
                    targets: [
                \(targets.map { "        " + $0 }.joined(separator: "\n"))
                    ]
                )

                """
            try manifest.write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)

            let build = try await ChildProcess.run(
                "swift",
                ["build", "--build-tests", "--scratch-path", Self.scratch.path],
                in: package
            )
            #expect(build.status == 0, "\(build.output)")
            let warnings = build.output.split(separator: "\n").filter {
                $0.contains("warning:") && ($0.contains(package.path + "/") || $0.contains(Self.examples.path + "/"))
            }
            #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
            let test = try await ChildProcess.run(
                "swift",
                ["test", "--skip-build", "--scratch-path", Self.scratch.path],
                in: package
            )
            #expect(test.status == 0, "\(test.output)")
            #expect(test.output.contains(" passed after "), "no test ran: \(test.output)")
        }
    }
}

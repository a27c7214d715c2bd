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

        @Test("build and test", arguments: directories)
        func buildAndTest(directory name: String) async throws {
            let directory = Self.examples.appendingPathComponent(name)
            let build = try await ChildProcess.run(
                "swift",
                ["build", "--build-tests", "--scratch-path", Self.scratch.path],
                in: directory
            )
            #expect(build.status == 0, "\(build.output)")
            let warnings = build.output.split(separator: "\n").filter {
                $0.contains("warning:") && $0.contains(directory.path + "/")
            }
            #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
            let test = try await ChildProcess.run(
                "swift",
                ["test", "--skip-build", "--scratch-path", Self.scratch.path],
                in: directory
            )
            #expect(test.status == 0, "\(test.output)")
        }
    }
}

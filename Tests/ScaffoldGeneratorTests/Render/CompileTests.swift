import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ScaffoldGenerator

/// Generates the fixture packages against this checkout and runs `swift build`, `swift test` and
/// `swift format lint --strict` on each, sharing one scratch path so the runtime is built once. Slow (minutes):
/// only with `SCAFFOLD_COMPILE_TESTS=1`.
@Suite(
    "Generated packages compile and pass their tests",
    .enabled(if: ProcessInfo.processInfo.environment["SCAFFOLD_COMPILE_TESTS"] == "1"),
    .serialized
)
struct CompileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-compile-tests")

    @Test("build, test and lint", arguments: RenderFixtures.all.map(\.name))
    func compile(name: String) async throws {
        let spec = try #require(RenderFixtures.all.first { $0.name == name }?.spec)
        let directory = Self.workspace.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: directory)
        let options = GeneratorOptions(
            runtime: .path(Self.repository.path),
            generatorVersion: "0.1.0"
        )
        for file in try ExporterRenderer(options: options).render(spec) {
            let url = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(file.contents.utf8).write(to: url)
        }
        let scratch = Self.workspace.appendingPathComponent(".build").path
        let build = try await Self.run(["swift", "build", "--build-tests", "--scratch-path", scratch], in: directory)
        #expect(build.status == 0, "\(build.output)")
        let warnings = build.output.split(separator: "\n").filter {
            $0.contains("warning:") && $0.contains(directory.path)
        }
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
        // Only OTLP packages may compile swift-protobuf. This build's own output says which modules it compiled
        // (other builds may share the scratch path at the same time, so file dates would not tell).
        if spec.base != .otel {
            let protobuf = build.output.split(separator: "\n").filter { $0.contains("Compiling SwiftProtobuf") }
            #expect(protobuf.isEmpty, "the \(name) package compiled swift-protobuf: \(protobuf.prefix(3))")
        }
        let test = try await Self.run(["swift", "test", "--skip-build", "--scratch-path", scratch], in: directory)
        #expect(test.status == 0, "\(test.output)")
        let lint = try await Self.run(
            ["swift", "format", "lint", "--strict", "-r", "Sources", "Tests", "Package.swift"],
            in: directory
        )
        #expect(lint.status == 0 && lint.output.isEmpty, "\(lint.output)")
    }

    static func run(_ arguments: [String], in directory: URL) async throws -> (status: Int32, output: String) {
        let outcome = try await ChildProcess.run(arguments[0], Array(arguments.dropFirst()), in: directory)
        return (outcome.status, outcome.output)
    }
}

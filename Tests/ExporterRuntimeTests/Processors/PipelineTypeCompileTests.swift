import ExporterRuntimeTesting
import Foundation
import Testing

/// Proves with the compiler that a pipeline whose stage types do not line up does not compile: a tiny package that
/// depends on this checkout builds with a matching chain and fails with the mismatched one. It shares the scratch
/// path of the generated-package tests (`CompileTests`), where the runtime is already built, so it costs two small
/// incremental builds; only with `SCAFFOLD_COMPILE_TESTS=1`.
@Suite(
    "Pipeline types are checked at compile time",
    .enabled(if: ProcessInfo.processInfo.environment["SCAFFOLD_COMPILE_TESTS"] == "1")
)
struct PipelineTypeCompileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-compile-tests")

    static let manifest = """
        // swift-tools-version:6.0
        import PackageDescription

        let package = Package(
            name: "pipeline-types",
            platforms: [.macOS(.v15)],
            dependencies: [.package(name: "exporter-scaffold", path: \(String(reflecting: repository.path)))],
            targets: [
                .target(
                    name: "PipelineTypes",
                    dependencies: [.product(name: "ExporterRuntime", package: "exporter-scaffold")]
                )
            ]
        )

        """

    /// Events → filter → spans → span JSON: every stage's output is the next stage's input.
    static let matching = """
        import ExporterRuntime

        public func matchingChain() -> some Processor<AgentEvent, [UInt8]> {
            FilterProcessor(categories: [.llm]).then(SpanBuilder()).then(SpanJSONSerializer())
        }

        public func matchingBuilder() -> some Processor<AgentEvent, [UInt8]> {
            Pipeline.build {
                FilterProcessor(categories: [.llm])
                SpanBuilder()
                SpanJSONSerializer()
            }
        }

        """

    /// The filter's events fed straight to a serializer of spans.
    static let mismatched = """
        import ExporterRuntime

        public func mismatchedChain() -> some Processor {
            FilterProcessor(categories: [.llm]).then(SpanJSONSerializer())
        }

        """

    @Test("a filter of events chained into a serializer of spans is a compile-time error; the matching chain builds")
    func typeMismatchDoesNotCompile() async throws {
        let directory = Self.workspace.appendingPathComponent("pipeline-types")
        try? FileManager.default.removeItem(at: directory)
        let sources = directory.appendingPathComponent("Sources/PipelineTypes")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Self.manifest.write(
            to: directory.appendingPathComponent("Package.swift"),
            atomically: true,
            encoding: .utf8
        )
        try Self.matching.write(to: sources.appendingPathComponent("Matching.swift"), atomically: true, encoding: .utf8)
        let scratch = Self.workspace.appendingPathComponent(".build").path
        let arguments = ["build", "--scratch-path", scratch, "--target", "PipelineTypes"]

        let clock = ContinuousClock()
        let start = clock.now
        let good = try await ChildProcess.run("swift", arguments, in: directory)
        #expect(good.status == 0, "\(good.output)")

        let badFile = sources.appendingPathComponent("Mismatched.swift")
        try Self.mismatched.write(to: badFile, atomically: true, encoding: .utf8)
        let bad = try await ChildProcess.run("swift", arguments, in: directory)
        print("PipelineTypeCompileTests: two builds in \(clock.now - start)")
        #expect(bad.status != 0)
        let errors = bad.output.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(bad.output)")
        let error = try #require(errors.first.map(String.init))
        #expect(error.contains("Mismatched.swift:4:"), "the error is on the chaining line: \(error)")
        // "instance method 'then' requires the types 'FilterProcessor.Output' (aka 'AgentEvent') and
        // 'SpanJSONSerializer.Input' (aka 'Span') be equivalent"
        #expect(error.contains("requires the types"), "\(error)")
        #expect(
            error.contains("(aka 'AgentEvent') and 'SpanJSONSerializer.Input' (aka 'Span') be equivalent"),
            "\(error)"
        )
    }
}

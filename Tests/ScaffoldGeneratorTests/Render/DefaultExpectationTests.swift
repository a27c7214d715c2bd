import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ScaffoldGenerator

/// The generated `#expect(configuration.x == default)` lines pass `swift format lint --strict` with the generated
/// packages' `.swift-format` however long the default is.
@Suite("Generated default expectations")
struct DefaultExpectationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("short, long and very long defaults are wrapped as swift format wraps them")
    func wrapping() async throws {
        let short = TestRenderModel.expectation("configuration.batchSize", equals: "100")
        #expect(short == "#expect(configuration.batchSize == 100)")
        let url = "ConfigurationReader.literalURL(\"https://app.galileo.ai/api/galileo/otel/traces\")"
        let long = TestRenderModel.expectation("configuration.endpoint", equals: url)
        #expect(long.split(separator: "\n").count == 3, "\(long)")
        let veryLong = TestRenderModel.expectation(
            "configuration.endpoint",
            equals: "\"" + String(repeating: "a", count: 95) + "\""
        )
        #expect(veryLong.split(separator: "\n").count == 4, "\(veryLong)")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("expect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent(".swift-format"),
            to: directory.appendingPathComponent(".swift-format")
        )
        let body = [short, long, veryLong].map { "        " + $0 }.joined(separator: "\n")
        let source = "import Testing\n\nstruct Checks {\n    func defaults() {\n\(body)\n    }\n}\n"
        try Data(source.utf8).write(to: directory.appendingPathComponent("Checks.swift"))
        let lint = try await ChildProcess.run("swift", ["format", "lint", "--strict", "Checks.swift"], in: directory)
        #expect(lint.status == 0 && lint.output.isEmpty, "\(lint.output)\n\(source)")
    }
}

import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ScaffoldGenerator

/// Compiles the rendered literals with `swiftc` and checks the program prints back exactly the original bytes.
@Suite("SwiftLiteralCompileTests")
struct SwiftLiteralCompileTests {
    static func swiftc() -> String? {
        let candidates =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/swiftc" }
            + ["/opt/swift/usr/bin/swiftc", "/usr/bin/swiftc"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.timeLimit(.minutes(2)))
    func renderedLiteralsRoundTripThroughTheCompiler() async throws {
        let compiler = try #require(Self.swiftc(), "swiftc not found")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("literal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // Each string is printed as hex of its UTF-8 bytes so that the comparison sees every byte.
        let program = """
            let strings: [String] = [
            \(nastyStrings.map { "    " + SwiftLiteral.string($0) + "," }.joined(separator: "\n"))
            ]
            \(SwiftLiteral.comment("a comment */ with\nnewlines\u{2028}and \"\"\" quotes"))
            let dictionary: [String: String] = \(SwiftLiteral.dictionary(["\"k\"": "\\(v)", "\n": "#"]))
            for string in strings + dictionary.keys.sorted() + dictionary.keys.sorted().map({ dictionary[$0]! }) {
                print(string.utf8.map { String($0, radix: 16) }.joined(separator: " "))
            }

            """
        let source = directory.appendingPathComponent("main.swift")
        try program.write(to: source, atomically: true, encoding: .utf8)
        let binary = directory.appendingPathComponent("literals")
        try await run(compiler, ["-swift-version", "6", source.path, "-o", binary.path])
        let output = try await run(binary.path, [])

        let dictionary = ["\"k\"": "\\(v)", "\n": "#"]
        let expected = nastyStrings + dictionary.keys.sorted() + dictionary.keys.sorted().map { dictionary[$0] ?? "" }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == expected.count)
        for (line, text) in zip(lines, expected) {
            #expect(
                String(line) == text.utf8.map { String($0, radix: 16) }.joined(separator: " "),
                "\(text.debugDescription)"
            )
        }
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) async throws -> String {
        let outcome = try await ChildProcess.run(executable, arguments)
        try #require(outcome.status == 0, "\(executable) failed: \(outcome.output)")
        return outcome.output
    }
}

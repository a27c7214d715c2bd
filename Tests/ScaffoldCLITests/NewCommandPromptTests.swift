import ExporterRuntimeTesting
import Foundation
import Testing

/// `scaffold new` asks for what is missing only in a terminal: driven here through a real pseudo-terminal, and
/// with standard input closed (no terminal), where it must never ask.
@Suite("scaffold new prompts", .serialized)
struct NewCommandPromptTests {
    @Test("without a terminal it never asks and takes the defaults")
    func noTerminalNoQuestions() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // ChildProcess gives the child /dev/null as standard input and a file as output.
        let result = try await GenerateCommandTests.run(
            ["new", "exporter", "acme_quiet", "--runtime-path", GenerateCommandTests.repository.path],
            in: root
        )
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("base ("), "asked without a terminal: \(result.output)")
        #expect(!result.output.contains("config field"), "asked without a terminal: \(result.output)")
        let spec = try String(contentsOf: root.appendingPathComponent("acme_quiet/exporter.yaml"), encoding: .utf8)
        #expect(spec.contains("base: \"raw\""))
        #expect(spec.contains("kind: \"console\""))
        #expect(!spec.contains("config:"))
    }

    @Test("without a terminal an invalid choice fails clearly instead of asking again")
    func noTerminalInvalidChoice() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await GenerateCommandTests.run(
            ["new", "exporter", "acme_bad", "--runtime-path", GenerateCommandTests.repository.path, "--base", "spam"],
            in: root
        )
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("spam"), "\(result.output)")
        #expect(!result.output.contains("base ("))
    }

    @Test("in a terminal it asks for base, transport and fields, and asks again after a wrong answer")
    func terminalQuestions() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let session = try PseudoTerminalProcess(
            GenerateCommandTests.binary.path,
            ["new", "exporter", "acme_asked", "--runtime-path", GenerateCommandTests.repository.path],
            in: root
        )
        try await session.expect("base (raw, span, otel) [raw]: ")
        session.send("span")
        try await session.expect("transport (console, file, http, otlp, custom) [console]: ")
        session.send("carrier-pigeon")
        try await session.expect("'carrier-pigeon' is not one of")
        try await session.expect("transport (")
        session.send("file")
        try await session.expect("config field, name:type[=default] (empty to finish): ")
        session.send("batch_size")
        try await session.expect("is not name:type[=default]")
        try await session.expect("config field")
        session.send("batch_size:int=50")
        try await session.expect("config field")
        session.send("output_path:string=./acme.jsonl")
        try await session.expect("config field")
        session.send("")
        let status = try await session.finish()
        #expect(status == 0, "\(session.output)")
        let spec = try String(contentsOf: root.appendingPathComponent("acme_asked/exporter.yaml"), encoding: .utf8)
        #expect(spec.contains("base: \"span\""), "\(spec)")
        #expect(spec.contains("kind: \"file\""), "\(spec)")
        #expect(spec.contains("name: \"batch_size\"\n      type: \"int\"\n      default: 50"), "\(spec)")
        #expect(spec.contains("name: \"output_path\""), "\(spec)")
        #expect(!spec.contains("carrier-pigeon"))
    }

    @Test("in a terminal, options given on the command line and --yes are not asked for")
    func terminalWithAnswersGiven() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let given = try PseudoTerminalProcess(
            GenerateCommandTests.binary.path,
            [
                "new", "exporter", "acme_given", "--runtime-path", GenerateCommandTests.repository.path, "--base",
                "span", "--field", "limit:int=3",
            ],
            in: root
        )
        try await given.expect("transport (")
        given.send("")
        #expect(try await given.finish() == 0, "\(given.output)")
        #expect(!given.output.contains("base ("))
        #expect(!given.output.contains("config field"))

        let yes = try PseudoTerminalProcess(
            GenerateCommandTests.binary.path,
            ["new", "exporter", "acme_yes", "--runtime-path", GenerateCommandTests.repository.path, "--yes"],
            in: root
        )
        #expect(try await yes.finish() == 0, "\(yes.output)")
        #expect(!yes.output.contains("base ("), "\(yes.output)")
        #expect(!yes.output.contains("transport ("), "\(yes.output)")
        let spec = try String(contentsOf: root.appendingPathComponent("acme_yes/exporter.yaml"), encoding: .utf8)
        #expect(spec.contains("base: \"raw\""))
    }
}

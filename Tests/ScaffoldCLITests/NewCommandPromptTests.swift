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
        // otlp goes with base otel only, so it is not offered for span.
        try await session.expect("transport (console, file, http, custom) [console]: ")
        session.send("carrier-pigeon")
        try await session.expect("'carrier-pigeon' is not one of")
        try await session.expect("transport (")
        session.send("file")
        try await session.expect("config field, name:type[=default] (empty to finish): ")
        session.send("batch_size")
        try await session.expect("must be name:type[=default]")
        try await session.expect("config field")
        // Each answer is checked by the spec's own rules when it is given: a bad name, type or default is asked
        // again with the reason, and never reaches the spec.
        session.send("BatchSize:int")
        try await session.expect("'BatchSize:int': ")
        try await session.expect("config field")
        session.send("batch_size:colour")
        try await session.expect("'batch_size:colour': ")
        try await session.expect("config field")
        session.send("batch_size:int=many")
        try await session.expect("'batch_size:int=many': ")
        try await session.expect("config field")
        session.send("batch_size:int=50")
        try await session.expect("config field")
        session.send("output_path:string=./acme.jsonl")
        try await session.expect("config field")
        session.send("batch_size:int=5")
        try await session.expect("'batch_size:int=5': ")
        try await session.expect("config field")
        session.send("")
        // The spec is shown, with what was wired, before anything is written.
        try await session.expect("spec_version: 1")
        try await session.expect("path: \"${output_path}\"")
        try await session.expect("wired: transport.path: ${output_path}")
        try await session.expect("declared, not used by the transport: batch_size")
        try await session.expect("write it and generate the package? [Y/n]: ")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("acme_asked").path))
        session.send("")
        let status = try await session.finish()
        #expect(status == 0, "\(session.output)")
        let spec = try String(contentsOf: root.appendingPathComponent("acme_asked/exporter.yaml"), encoding: .utf8)
        #expect(spec.contains("base: \"span\""), "\(spec)")
        #expect(spec.contains("kind: \"file\""), "\(spec)")
        #expect(spec.contains("name: \"batch_size\"\n      type: \"int\"\n      default: 50"), "\(spec)")
        #expect(spec.contains("name: \"output_path\""), "\(spec)")
        #expect(!spec.contains("carrier-pigeon"))
        #expect(!spec.contains("BatchSize") && !spec.contains("colour") && !spec.contains("many"), "\(spec)")
        #expect(spec.components(separatedBy: "name: \"batch_size\"").count == 2, "declared once: \(spec)")
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
        try await given.expect("[Y/n]: ")
        given.send("y")
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

    @Test("in a terminal, base otel gets otlp without a question; declining the spec shown writes nothing (exit 1)")
    func terminalOtelAndDecline() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let session = try PseudoTerminalProcess(
            GenerateCommandTests.binary.path,
            ["new", "exporter", "acme_otel", "--runtime-path", GenerateCommandTests.repository.path],
            in: root
        )
        try await session.expect("base (raw, span, otel) [raw]: ")
        session.send("otel")
        try await session.expect("transport: otlp (the only one for base otel)")
        try await session.expect("config field")
        session.send("endpoint:url=https://collector.example/v1/traces")
        try await session.expect("config field")
        session.send("api_key:secret")
        try await session.expect("config field")
        session.send("")
        try await session.expect("endpoint: \"${endpoint}\"")
        try await session.expect("token_field: \"api_key\"")
        try await session.expect("[Y/n]: ")
        session.send("maybe")
        try await session.expect("answer y or n")
        try await session.expect("[Y/n]: ")
        session.send("n")
        #expect(try await session.finish() == 1, "\(session.output)")
        #expect(session.output.contains("nothing was written"))
        #expect(!session.output.contains("transport ("), "otel offers one transport: \(session.output)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("acme_otel").path))
    }

    @Test("in a terminal, a transport the base does not take is reported at once, without asking for fields")
    func terminalInvalidCombination() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let session = try PseudoTerminalProcess(
            GenerateCommandTests.binary.path,
            [
                "new", "exporter", "acme_mixed", "--runtime-path", GenerateCommandTests.repository.path, "--base",
                "raw", "--transport", "otlp",
            ],
            in: root
        )
        #expect(try await session.finish() == 2, "\(session.output)")
        #expect(!session.output.contains("config field"), "\(session.output)")
        #expect(session.output.contains("nothing was written"), "\(session.output)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("acme_mixed").path))
    }
}

import ExporterRuntimeTesting
import Foundation
import Testing

/// One grammar across commands: a mistyped command is answered with the nearest one, and a file that cannot be
/// read gets the same sentence and exit code whichever command was given it.
@Suite("scaffold command grammar", .serialized)
struct CommandGrammarTests {
    @Test(
        "a mistyped subcommand suggests the nearest and exits 64",
        arguments: [("genrate", "generate"), ("valdate", "validate"), ("replya", "replay"), ("lsit", "list")]
    )
    func didYouMean(typed: String, meant: String) async throws {
        let result = try await GenerateCommandTests.run([typed, "x"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 64, "\(result.output)")
        #expect(
            result.output.hasPrefix("error: unknown command '\(typed)'; did you mean '\(meant)'?\n"),
            "\(result.output)"
        )
    }

    @Test("a word near no command lists the commands, exit 64; a real command and --help still run")
    func noSuggestion() async throws {
        let directory = FileManager.default.temporaryDirectory
        let result = try await GenerateCommandTests.run(["xyzzy"], in: directory)
        #expect(result.status == 64, "\(result.output)")
        #expect(!result.output.contains("did you mean"), "\(result.output)")
        #expect(result.output.contains("commands: new, generate, check, validate"), "\(result.output)")
        #expect(try await GenerateCommandTests.run(["--help"], in: directory).status == 0)
        #expect(try await GenerateCommandTests.run(["help", "list"], in: directory).status == 0)
        #expect(try await GenerateCommandTests.run(["list"], in: directory).status == 0)
    }

    /// Every command that reads a file, with the file missing: the role it plays and the arguments that name it.
    static let missingFileCases: [(role: String, arguments: [String])] = [
        ("spec", ["validate", "missing.yaml"]),
        ("spec", ["validate", "--format", "json", "missing.yaml"]),
        ("spec", ["generate", "missing.yaml"]),
        ("spec", ["generate", "--dry-run", "--format", "json", "missing.yaml"]),
        ("spec", ["check", "missing.yaml"]),
        ("spec", ["check", "--format", "json", "missing.yaml"]),
        ("spec", ["vendor", "missing.yaml", "--into", "."]),
        ("project", ["vendor", "exporter.yaml", "--into", "missing.yaml"]),
        ("trace", ["replay", "missing.yaml", "--config", "workflow.yml"]),
        ("trace", ["replay", "missing.yaml", "--config", "workflow.yml", "--format", "json"]),
        ("config", ["replay", "trace.jsonl", "--config", "missing.yaml"]),
        ("templates", ["generate", "exporter.yaml", "--templates", "missing.yaml"]),
        ("runtime", ["new", "exporter", "acme", "--yes", "--runtime-path", "missing.yaml"]),
        ("runtime", ["generate", "exporter.yaml", "--runtime-path", "missing.yaml"]),
    ]

    @Test("a missing file: the same sentence naming its role, exit 2, in every command", arguments: missingFileCases)
    func missingFile(role: String, arguments: [String]) async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.inputs(in: root)
        let result = try await GenerateCommandTests.run(arguments, in: root)
        #expect(result.status == 2, "\(arguments): \(result.output)")
        let sentence = "cannot read \(role) 'missing.yaml': no such file or directory"
        if arguments.contains("json") {
            let document = try #require(JSONDocument.object(result.output), "\(result.output)")
            let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.map { $0["message"] as? String } == [sentence], "\(result.output)")
            #expect(diagnostics.first?["code"] as? String == "CLI003")
        } else {
            #expect(result.output.contains("error[CLI003]: \(sentence)\n"), "\(arguments): \(result.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("acme").path))
    }

    @Test(
        "a file of the wrong kind: the OS reason, exit 2",
        arguments: [
            ("spec", "is a directory", ["validate", "adir"]),
            ("spec", "is a directory", ["generate", "adir"]),
            ("trace", "is a directory", ["replay", "adir", "--config", "workflow.yml"]),
            ("config", "is a directory", ["replay", "trace.jsonl", "--config", "adir"]),
            ("project", "not a directory", ["vendor", "exporter.yaml", "--into", "trace.jsonl"]),
            ("templates", "not a directory", ["generate", "exporter.yaml", "--templates", "trace.jsonl"]),
        ]
    )
    func wrongKind(role: String, reason: String, arguments: [String]) async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.inputs(in: root)
        let result = try await GenerateCommandTests.run(arguments, in: root)
        #expect(result.status == 2, "\(arguments): \(result.output)")
        let named = arguments.contains("adir") ? "adir" : "trace.jsonl"
        #expect(result.output.contains("error[CLI003]: cannot read \(role) '\(named)': \(reason)"), "\(result.output)")
    }

    /// A valid spec, a trace, a workflow file and a directory, so only the file under test is at fault.
    static func inputs(in root: URL) throws {
        try Data("spec_version: 1\nname: acme_in\nbase: raw\ntransport: {kind: console}\n".utf8)
            .write(to: root.appendingPathComponent("exporter.yaml"))
        try FileManager.default.copyItem(
            at: ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl"),
            to: root.appendingPathComponent("trace.jsonl")
        )
        try Data("general:\n  telemetry:\n    tracing:\n      c:\n        _type: console\n".utf8)
            .write(to: root.appendingPathComponent("workflow.yml"))
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("adir"),
            withIntermediateDirectories: true
        )
    }
}

/// Reads a command's output as the one JSON document `--format json` promises: nil unless the whole output is one
/// JSON object.
enum JSONDocument {
    static func object(_ output: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any]
    }
}

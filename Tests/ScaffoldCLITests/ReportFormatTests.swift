import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ScaffoldCLI

/// `--format json` of every reporting command: one JSON document and nothing else (the output holds standard error
/// too), with its diagnostics, in the shapes docs/cli.md documents.
@Suite("scaffold --format json", .serialized)
struct ReportFormatTests {
    /// A package made by `new`, its spec path, in a fresh directory.
    static func package(_ name: String, in root: URL) async throws -> String {
        let made = try await GenerateCommandTests.run(
            ["new", "exporter", name, "--yes", "--runtime-path", GenerateCommandTests.repository.path],
            in: root
        )
        #expect(made.status == 0, "\(made.output)")
        return root.appendingPathComponent("\(name)/exporter.yaml").path
    }

    @Test("validate: valid, the specs and their diagnostics with positions")
    func validate() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let good = try await Self.package("acme_good", in: root)
        let bad = root.appendingPathComponent("bad.yaml").path
        try Data("spec_version: 1\nname: acme\nbase: rawr\ntransport: {kind: console}\n".utf8)
            .write(to: URL(fileURLWithPath: bad))
        let result = try await GenerateCommandTests.run(["validate", "--format", "json", good, bad], in: root)
        #expect(result.status == 1, "\(result.output)")
        let document = try #require(JSONDocument.object(result.output), "\(result.output)")
        #expect(document["valid"] as? Bool == false)
        let specs = try #require(document["specs"] as? [[String: Any]])
        #expect(specs.map { $0["path"] as? String } == [good, bad])
        #expect(specs.map { $0["valid"] as? Bool } == [true, false])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["file"] as? String == bad)
        #expect(diagnostics.first?["line"] as? Int == 3)
        #expect((diagnostics.first?["hint"] as? String)?.contains("raw") == true, "\(diagnostics)")
    }

    @Test("check: each package with its problems; generate --dry-run: the plan with diffs, nothing written")
    func checkAndDryRun() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let spec = try await Self.package("acme_drift", in: root)
        let readme = root.appendingPathComponent("acme_drift/README.md")
        try FileManager.default.removeItem(at: readme)

        let check = try await GenerateCommandTests.run(["check", "--format", "json", root.path], in: root)
        #expect(check.status == 1, "\(check.output)")
        let report = try #require(JSONDocument.object(check.output), "\(check.output)")
        #expect(report["up_to_date"] as? Bool == false)
        let packages = try #require(report["packages"] as? [[String: Any]])
        #expect(packages.count == 1)
        let problems = try #require(packages.first?["problems"] as? [[String: Any]])
        #expect(problems.map { $0["kind"] as? String } == ["missing"])
        #expect(problems.map { $0["path"] as? String } == ["README.md"])

        let plan = try await GenerateCommandTests.run(["generate", "--dry-run", "--format", "json", spec], in: root)
        #expect(plan.status == 0, "\(plan.output)")
        let document = try #require(JSONDocument.object(plan.output), "\(plan.output)")
        #expect(document["dry_run"] as? Bool == true)
        let planned = try #require((document["packages"] as? [[String: Any]])?.first)
        #expect(planned["written"] as? Bool == false)
        let runtime = try #require(planned["runtime"] as? [String: Any])
        #expect(runtime["path"] != nil && (runtime["reason"] as? String)?.contains("runtime:") == true)
        let changes = try #require(planned["changes"] as? [[String: Any]])
        let created = changes.filter { $0["action"] as? String == "create" }
        #expect(created.map { $0["path"] as? String } == ["README.md"])
        #expect((created.first?["diff"] as? String)?.contains("+++ b/README.md") == true, "\(created)")
        #expect(!FileManager.default.fileExists(atPath: readme.path), "--dry-run wrote")
    }

    @Test("list: the spec's vocabularies and every registered exporter type with the keys it reads")
    func list() async throws {
        let result = try await GenerateCommandTests.run(
            ["list", "--format", "json"],
            in: FileManager.default.temporaryDirectory
        )
        #expect(result.status == 0, "\(result.output)")
        let document = try #require(JSONDocument.object(result.output), "\(result.output)")
        let bases = try #require(document["bases"] as? [[String: Any]])
        #expect(bases.map { $0["name"] as? String } == ["raw", "span", "otel"])
        let types = try #require(document["exporter_types"] as? [[String: Any]])
        let registry = ExporterRegistry.withOTLP
        #expect(types.map { $0["type"] as? String } == registry.typeNames)
        for type in types {
            let name = try #require(type["type"] as? String)
            #expect(type["keys"] as? [String] == registry.entry(for: name)?.keys, "\(name)")
        }
        let text = try await GenerateCommandTests.run(["list"], in: FileManager.default.temporaryDirectory)
        #expect(text.output.contains("exporter types (workflow file: general.telemetry.tracing.<name>._type:)"))
        for name in registry.typeNames { #expect(text.output.contains("\n  \(name) "), "\(name)") }
    }

    @Test("replay: the statistics and the diagnostics of a refused replay, as one object")
    func replayRefused() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("workflow.yml")
        try Data("general:\n  telemetry:\n    tracing:\n      c:\n        _type: consol\n".utf8).write(to: config)
        let trace = ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl").path
        let result = try await GenerateCommandTests.run(
            ["replay", trace, "--config", config.path, "--format", "json"],
            in: root
        )
        #expect(result.status == 2, "\(result.output)")
        let document = try #require(JSONDocument.object(result.output), "\(result.output)")
        #expect(document["clean"] as? Bool == false)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(
            diagnostics.first?["hint"] as? String
                == "did you mean 'console'? registered types: atif, console, file, otelcollector"
        )
    }
}

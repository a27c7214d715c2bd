import ExporterDiagnostics
import ExporterRuntime
import Foundation
import Testing

@Suite struct ATIFConfigurationTests {
    private func parse(_ section: String) throws(DiagnosticError) -> WorkflowConfiguration {
        try WorkflowConfiguration.parse(
            "general:\n  telemetry:\n    tracing:\n      trajectories:\n" + section,
            file: "workflow.yml",
            environment: [:],
            baseDirectory: FileManager.default.temporaryDirectory.path
        )
    }

    private func diagnostic(_ section: String) -> Diagnostic? {
        do {
            _ = try parse(section)
            Issue.record("expected a configuration error")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test func bothPathsAreRefusedAtOutputDir() {
        let found = diagnostic("        _type: atif\n        output_path: a.json\n        output_dir: out\n")
        #expect(found?.code == "CFG004")
        #expect(found?.message == "set either 'output_path' or 'output_dir', not both")
        #expect(found?.location == SourceLocation(file: "workflow.yml", line: 7, column: 21))
    }

    @Test func neitherPathIsRefusedAtTheSection() {
        let found = diagnostic("        _type: atif\n        agent_name: bot\n")
        #expect(found?.code == "CFG004")
        #expect(found?.message == "the atif exporter needs 'output_path' or 'output_dir'")
        #expect(found?.location?.line == 5)
        #expect(found?.location?.file == "workflow.yml")
    }

    @Test func unknownKeysAndBadValuesAreRefused() {
        #expect(diagnostic("        _type: atif\n        output_dir: out\n        agent_nam: x\n")?.location?.line == 7)
        #expect(
            diagnostic("        _type: atif\n        output_path: dir/\n")?.message == "'output_path' must name a file"
        )
        #expect(
            diagnostic("        _type: atif\n        output_dir: out\n        buffer_capacity: 0\n")?.code == "CFG004"
        )
    }

    @Test func validConfigurationIsRegisteredAsAtif() throws {
        #expect(ExporterRegistry.builtIn.typeNames.contains("atif"))
        let directory = try ATIFScenario.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = try parse(
            "        _type: atif\n        output_dir: \(directory.path)\n        agent_name: bot\n        agent_version: 3.1\n"
        )
        let blueprint = try #require(configuration.exporters.first?.blueprint as? ATIFExporterBlueprint)
        #expect(blueprint.agent == ATIFAgentInfo(name: "bot", version: "3.1"))
        #expect(blueprint.sink.destination == .directory(directory.path))
    }

    @Test func sessionIDsCannotEscapeTheOutputDirectory() {
        #expect(ATIFFileSink.fileName(forSessionID: "../x") == "_.._x.json")
        #expect(ATIFFileSink.fileName(forSessionID: "/abs/path") == "_abs_path.json")
        #expect(ATIFFileSink.fileName(forSessionID: "a\u{0}b") == "a_b.json")
        #expect(ATIFFileSink.fileName(forSessionID: "..") == "_...json")
        #expect(ATIFFileSink.fileName(forSessionID: "") == "_.json")
        #expect(ATIFFileSink.fileName(forSessionID: "sess-1_ok.v2") == "sess-1_ok.v2.json")
        #expect(ATIFFileSink.fileName(forSessionID: String(repeating: "x", count: 500)).count == 205)
        for hostile in ["../x", "/abs", "a\u{0}b", "..", ".", "x/../../y", "é/ü"] {
            let name = ATIFFileSink.fileName(forSessionID: hostile)
            #expect(!name.contains("/") && !name.contains("\u{0}") && !name.hasPrefix("."))
        }
    }

    @Test func exporterWritesOneFilePerTrajectoryAtomically() async throws {
        let directory = try ATIFScenario.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blueprint = try ATIFExporterBlueprint(
            configuration: ATIFExporterConfiguration(destination: .directory(directory.path + "/nested")),
            context: ExporterBuildContext(name: "trajectories")
        )
        let exporter = try blueprint.makeExporter(name: "trajectories")
        let hub = EventHub()
        try hub.register("atif", exporter)
        try await exporter.start()
        try await ATIFScenario.runAgent(on: hub, sessionID: "../escape")
        try await ATIFScenario.runAgent(on: hub, sessionID: "../escape")
        let report = await exporter.shutdown(timeout: .seconds(30))
        #expect(report.completed)
        #expect(report.statistics.exported == 2)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/nested").sorted()
        #expect(names == ["_.._escape-2.json", "_.._escape.json"])
        let text = try String(contentsOfFile: directory.path + "/nested/_.._escape.json", encoding: .utf8)
        #expect(text.hasSuffix("}\n"))
        #expect(try JSONParser().parse(text)["session_id"] == "../escape")
    }

    @Test func outputPathNumbersLaterTrajectories() async throws {
        let directory = try ATIFScenario.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sink = try ATIFFileSink(destination: .file(directory.path + "/run.json"))
        let trajectory = try #require(try await ATIFScenario.agentTrajectories().first)
        try await sink.export(trajectory)
        try await sink.export(trajectory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["run-2.json", "run.json"])
    }
}

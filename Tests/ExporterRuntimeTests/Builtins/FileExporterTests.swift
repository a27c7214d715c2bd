import ExporterDiagnostics
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterCodecs
@testable import ExporterCore
@testable import ExporterEvents

@Suite("FileExporter")
struct FileExporterTests {
    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("events written through a run come back as the same events, one line each, after shutdown")
    func writesEveryEvent() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try WorkflowConfiguration.parse(
            """
            general:
              telemetry:
                tracing:
                  steps: {_type: file, output_path: steps.jsonl}
                  relay: {_type: file, output_path: nested/relay.jsonl, format: atof}
            """,
            environment: [:],
            baseDirectory: directory.path
        )
        let manager = configuration.makeManager()
        let events = TestEvents.run(root: "4bf92f35-77b3-4da6-a3ce-929d0e0e4736", turns: 3)
        let (_, reports) = try await manager.withRun { run in
            for event in events { EventHub.current.emit(event) }
        }
        await manager.close()
        #expect(reports.allSatisfy { $0.completed && $0.statistics.exported == events.count })

        let steps = try lines(directory.file("steps.jsonl"))
        #expect(steps.count == events.count)
        let decodedSteps = try steps.map { try IntermediateStepCodec.decode(line: Array($0.utf8)) }
        #expect(decodedSteps.map(\.uuid) == events.map(\.uuid))
        #expect(decodedSteps.map(\.phase) == events.map(\.phase))
        let relay = try lines(directory.file("nested/relay.jsonl"))
        let decodedRelay = try relay.map { try ATOFCodec.decode(line: Array($0.utf8)) }
        #expect(decodedRelay.map(\.uuid) == events.map(\.uuid))
        #expect(decodedRelay.map(\.timestamp) == events.map(\.timestamp))
    }

    @Test("the spans format writes one line per finished span with derived ids")
    func spansFormat() async throws {
        let directory = try TemporaryDirectory()
        let blueprint = try FileExporterBlueprint(
            configuration: {
                var configuration = FileExporterConfiguration(outputPath: directory.file("spans.jsonl"))
                configuration.format = .spans
                return configuration
            }(),
            context: ExporterBuildContext(name: "spans")
        )
        let exporter = try blueprint.makeExporter(name: "spans")
        try await exporter.start()
        let events = TestEvents.run(root: "4bf92f35-77b3-4da6-a3ce-929d0e0e4736", turns: 2)
        for event in events { exporter.receive(event) }
        _ = await exporter.shutdown(timeout: .seconds(5))
        await blueprint.close()
        let spans = try lines(directory.file("spans.jsonl")).map { try JSONValue(parsing: $0) }
        // workflow + function + 2 × (llm + tool)
        #expect(spans.count == 6)
        #expect(Set(spans.compactMap { $0["trace_id"]?.stringValue }) == ["4bf92f3577b34da6a3ce929d0e0e4736"])
        let root = try #require(spans.last)
        #expect(root["parent_span_id"] == .null)
        #expect(root["category"]?.stringValue == "agent")
        #expect(
            spans.filter { $0["category"]?.stringValue == "llm" }.allSatisfy { $0["token_usage"]?.objectValue != nil }
        )
    }

    @Test("overwrite truncates, append keeps what was there")
    func modes() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("t.jsonl")
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        let appending = try FileSink(path: path, mode: .append)
        try await appending.export(Array("new\n".utf8))
        await appending.close()
        #expect(try lines(path) == ["old", "new"])
        let overwriting = try FileSink(path: path, mode: .overwrite)
        try await overwriting.export(Array("only\n".utf8))
        await overwriting.close()
        #expect(try lines(path) == ["only"])
    }

    @Test("rolling keeps whole lines per file, rolls before the record that follows a full file, keeps max_files")
    func rolling() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("t.jsonl")
        // The default write threshold (64 KiB) is far above the file size: rolling must not wait for it.
        let sink = try FileSink(path: path, rolling: FileSink.Rolling(maxFileSize: 100, maxFiles: 2))
        for index in 0..<10 {
            // 40-byte lines: a file holds three (80 bytes < 100, then 120 ≥ 100), the fourth starts the next.
            let line = String(format: "%038d\n", index)
            try await sink.export(Array(line.utf8))
        }
        await sink.close()
        let rolled = try FileTestSupport.names(in: directory.path).filter { $0 != "t.jsonl" }
        try #require(rolled.count == 2)
        #expect(rolled.allSatisfy { FileTestSupport.isRolledName($0, stem: "t", suffix: ".jsonl") })
        let number = { (index: Int) in String(format: "%038d", index) }
        #expect(try lines(directory.file(rolled[0])) == [3, 4, 5].map(number))
        #expect(try lines(directory.file(rolled[1])) == [6, 7, 8].map(number))
        #expect(try lines(path) == [number(9)])
    }

    @Test("an unusable output path is a configuration error naming the exporter and the reason")
    func unusablePath() throws {
        let directory = try TemporaryDirectory()
        try "x".write(toFile: directory.file("blocker"), atomically: true, encoding: .utf8)
        do {
            _ = try WorkflowConfiguration.parse(
                "general:\n  telemetry:\n    tracing:\n      out: {_type: file, output_path: blocker/t.jsonl}\n",
                file: "w.yml",
                environment: [:],
                baseDirectory: directory.path
            )
            Issue.record("expected a configuration error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.code == .configurationUnusablePath)
            #expect(diagnostic.message.contains("exporter 'out'"))
            #expect(diagnostic.location?.line == 4)
        }
    }
}

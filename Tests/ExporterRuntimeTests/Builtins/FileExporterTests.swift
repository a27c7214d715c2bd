import ExporterDiagnostics
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterRuntime

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

    @Test("rolling keeps whole lines per file and at most max_files rolled files")
    func rolling() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("t.jsonl")
        let sink = try FileSink(
            path: path,
            rolling: FileSink.Rolling(maxFileSize: 100, maxFiles: 2),
            writeThreshold: 1
        )
        for index in 0..<10 {
            // 40-byte lines: two fit in a 100-byte file, the third rolls.
            let line = String(format: "%038d\n", index)
            try await sink.export(Array(line.utf8))
        }
        await sink.close()
        #expect(try lines(path) == [String(format: "%038d", 8), String(format: "%038d", 9)])
        #expect(try lines(directory.file("t.1.jsonl")) == [String(format: "%038d", 6), String(format: "%038d", 7)])
        #expect(try lines(directory.file("t.2.jsonl")) == [String(format: "%038d", 4), String(format: "%038d", 5)])
        #expect(!FileManager.default.fileExists(atPath: directory.file("t.3.jsonl")))

        // cleanup_on_init removes the rolled files of earlier runs.
        _ = try FileSink(path: path, rolling: FileSink.Rolling(maxFileSize: 100, maxFiles: 2), cleanupOnInit: true)
        #expect(!FileManager.default.fileExists(atPath: directory.file("t.1.jsonl")))
        #expect(!FileManager.default.fileExists(atPath: directory.file("t.2.jsonl")))
    }

    @Test("a write error is reported on export and again on flush, never swallowed")
    func writeErrorsAreReported() async throws {
        // /dev/full accepts opening and fails every write with ENOSPC.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let sink = try FileSink(path: "/dev/full", writeThreshold: 1)
        await #expect(throws: FileSinkError.self) {
            try await sink.export(Array("line\n".utf8))
        }
        await #expect(throws: FileSinkError.self) {
            try await sink.flush()
        }
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
            #expect(diagnostic.code == ConfigurationCode.unusablePath)
            #expect(diagnostic.message.contains("exporter 'out'"))
            #expect(diagnostic.location?.line == 4)
        }
    }
}

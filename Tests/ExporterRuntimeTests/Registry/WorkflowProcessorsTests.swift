import ExporterDiagnostics
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Synchronization
import Testing

@testable import ExporterATIF
@testable import ExporterCodecs
@testable import ExporterCore
@testable import ExporterEvents

/// `processors:` in an exporter section of a workflow file, through `WorkflowConfiguration` and a real `file`
/// exporter writing to a temporary directory.
@Suite("Workflow processors")
struct WorkflowProcessorsTests {
    private func decodedLines(_ path: String) throws -> [AgentEvent] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { try IntermediateStepCodec.decode(line: Array($0.utf8)) }
    }

    private func diagnostics(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try WorkflowConfiguration.parse(
                yaml,
                file: "workflow.yml",
                environment: [:],
                baseDirectory: "/nonexistent"
            )
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Runs of `turns` turns whose LLM inputs carry chat messages and whose tool outputs leak an API key.
    private func eventsWithSecrets(root: String) -> [AgentEvent] {
        TestEvents.run(root: root, turns: 2).map { event in
            var event = event
            if event.category == .llm, event.phase == .start {
                event.input = ["messages": [["role": "user", "content": "my key is sk-live42"]], "temperature": 0.5]
            }
            if event.category == .tool, event.phase == .end {
                event.output = "called with sk-ABCdef123 and got 3 rows"
            }
            return event
        }
    }

    @Test("filter, redact and enrich apply to a file exporter's events; their statistics are the exporter's")
    func filterRedactEnrich() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try WorkflowConfiguration.parse(
            """
            general:
              telemetry:
                tracing:
                  traces:
                    _type: file
                    output_path: t.jsonl
                    processors:
                      - {_type: filter, categories: [llm, tool]}
                      - _type: redact
                        key_paths: [input.messages]
                        value_patterns: ["sk-[A-Za-z0-9]+"]
                        replacement: "[HIDDEN]"
                      - {_type: enrich, tags: {env: prod}, environment_tags: {region: AWS_REGION}}
            """,
            environment: ["AWS_REGION": "eu-west-1"],
            baseDirectory: directory.path
        )
        let events = eventsWithSecrets(root: "4bf92f35-77b3-4da6-a3ce-929d0e0e4736")
        let manager = configuration.makeManager()
        let (_, reports) = try await manager.withRun { _ in
            for event in events { EventHub.current.emit(event) }
        }
        await manager.close()

        let kept = events.filter { $0.category == .llm || $0.category == .tool }
        let written = try decodedLines(directory.file("t.jsonl"))
        #expect(written.map(\.uuid) == kept.map(\.uuid))
        #expect(written.map(\.phase) == kept.map(\.phase))
        #expect(Set(written.map(\.category)) == [.llm, .tool])

        let llmStarts = written.filter { $0.category == .llm && $0.phase == .start }
        #expect(llmStarts.count == 2)
        for event in llmStarts {
            #expect(event.input?.objectValue?["messages"] == "[HIDDEN]")
            #expect(event.input?.objectValue?["temperature"] == 0.5)
        }
        let toolEnds = written.filter { $0.category == .tool && $0.phase == .end }
        #expect(toolEnds.map(\.output) == Array(repeating: "called with [HIDDEN] and got 3 rows", count: 2))
        for event in written {
            #expect(event.metadata["nat.env"] == "prod")
            #expect(event.metadata["nat.region"] == "eu-west-1")
        }

        let statistics = try #require(reports.first?.statistics)
        #expect(statistics.received == events.count)
        #expect(statistics.processed == events.count)
        #expect(statistics.exported == kept.count)
        #expect(statistics.stages["processors.filter.passed"] == Double(kept.count))
        #expect(statistics.stages["processors.filter.filtered_out"] == Double(events.count - kept.count))
        #expect(statistics.stages["processors.redact.events_redacted"] == 4)
        #expect(statistics.stages["processors.enrich.events_enriched"] == Double(kept.count))
        #expect(statistics.stages["processors.enrich.missing_environment_variables"] == 0)
    }

    @Test("sampling keeps the same whole traces in every run, and each run counts only its own events")
    func samplingIsDeterministicByTrace() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try WorkflowConfiguration.parse(
            """
            general:
              telemetry:
                tracing:
                  sampled:
                    _type: file
                    output_path: sampled.jsonl
                    processors: [{_type: sample, rate: 0.25}]
            """,
            environment: [:],
            baseDirectory: directory.path
        )
        let roots = (0..<80).map { "trace-\($0)" }
        let events = roots.flatMap { TestEvents.run(root: $0, turns: 1, chunksPerCall: 0) }
        let manager = configuration.makeManager()
        var runStatistics: [ExporterStatistics] = []
        for _ in 0..<2 {
            let (_, reports) = try await manager.withRun { _ in
                for event in events { EventHub.current.emit(event) }
            }
            runStatistics.append(try #require(reports.first?.statistics))
        }
        await manager.close()

        let written = try decodedLines(directory.file("sampled.jsonl"))
        #expect(written.count % 2 == 0)
        let firstRun = Array(written.prefix(written.count / 2))
        let secondRun = Array(written.suffix(written.count / 2))
        #expect(firstRun.map(\.uuid) == secondRun.map(\.uuid), "the same events in the same order in both runs")

        // TestEvents derive every uuid of a trace from its root: `root`, `root.fn`, `root.llm0`, ...
        let keptRoots = Set(firstRun.map { String($0.uuid.prefix { $0 != "." }) })
        #expect(!keptRoots.isEmpty && keptRoots.count < roots.count)
        let expectedRoots = Set(roots.filter { SamplingProcessor.position(of: $0) < 0.25 })
        #expect(keptRoots == expectedRoots)
        let eventsPerTrace = events.count / roots.count
        #expect(firstRun.count == keptRoots.count * eventsPerTrace, "traces are kept whole")

        for statistics in runStatistics {
            #expect(statistics.stages["processors.sample.sampled_in"] == Double(firstRun.count))
            #expect(statistics.stages["processors.sample.sampled_out"] == Double(events.count - firstRun.count))
        }
    }

    @Test("two stages of one type report under distinct names, in order")
    func repeatedTypes() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try WorkflowConfiguration.parse(
            """
            general:
              telemetry:
                tracing:
                  out:
                    _type: file
                    output_path: out.jsonl
                    processors:
                      - {_type: filter, categories: [llm, tool]}
                      - {_type: filter, mode: exclude, phases: [chunk]}
            """,
            environment: [:],
            baseDirectory: directory.path
        )
        let events = TestEvents.run(root: "r", turns: 1, chunksPerCall: 3)
        let manager = configuration.makeManager()
        let (_, reports) = try await manager.withRun { _ in
            for event in events { EventHub.current.emit(event) }
        }
        await manager.close()
        let written = try decodedLines(directory.file("out.jsonl"))
        let expected = events.filter { ($0.category == .llm || $0.category == .tool) && $0.phase != .chunk }
        #expect(written.map(\.uuid) == expected.map(\.uuid))
        let stages = try #require(reports.first?.statistics.stages)
        #expect(stages["processors.filter.passed"] == Double(expected.count + 3))
        #expect(stages["processors.filter_2.filtered_out"] == 3)
        #expect(stages["processors.filter_2.passed"] == Double(expected.count))
    }

    @Test("every built-in type takes processors; without them the blueprint is the type's own")
    func everyBuiltInType() throws {
        let directory = try TemporaryDirectory()
        let configuration = try WorkflowConfiguration.parse(
            """
            general:
              telemetry:
                tracing:
                  console: {_type: console, color: never, processors: [{_type: sample, rate: 0.5}]}
                  atif: {_type: atif, output_dir: atif, processors: [{_type: filter, names: ["search_*"]}]}
                  plain: {_type: file, output_path: plain.jsonl}
                  empty: {_type: file, output_path: empty.jsonl, processors: []}
                  none:
                    _type: file
                    output_path: none.jsonl
                    processors:
            """,
            environment: [:],
            baseDirectory: directory.path
        )
        let blueprints = configuration.exporters.map(\.blueprint)
        let console = try #require(blueprints[0] as? EventProcessingBlueprint)
        #expect(console.base is ConsoleExporterBlueprint)
        #expect(console.processors == [.sample(SamplingOptions(rate: 0.5))])
        let atif = try #require(blueprints[1] as? EventProcessingBlueprint)
        #expect(atif.base is ATIFExporterBlueprint)
        #expect(atif.processors == [.filter(FilterOptions(names: ["search_*"]))])
        #expect(blueprints[2] is FileExporterBlueprint)
        #expect(blueprints[3] is FileExporterBlueprint)
        #expect(blueprints[4] is FileExporterBlueprint)
    }

    @Test("processor errors are located, with did-you-mean, and reported with the exporter's own errors")
    func errorsAreLocated() {
        let found = diagnostics(
            """
            general:
              telemetry:
                tracing:
                  out:
                    _type: file
                    output_path: out.jsonl
                    max_files: many
                    processors:
                      - {_type: sampel, rate: 0.5}
                      - {_type: sample, rat: 0.5}
                      - {_type: filter, categories: [llm, toool], phases: [begin]}
                      - {_type: redact, value_patterns: ["sk-(", "ok"], key_paths: [secrets.x]}
                      - {_type: sample, rate: 1.5}
                      - {kind: filter}
                      - {_type: batch, batch_size: 10}
                      - just-a-string
            """
        )
        let summary = found.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(
            summary == [
                "YAML010 7:20",  // many
                "CFG003 9:21",  // sampel
                "YAML012 10:29",  // rat
                "PRC005 11:47",  // toool
                "CFG004 11:64",  // begin
                "PRC003 12:46",  // "sk-("
                "PRC004 12:73",  // secrets.x
                "PRC001 13:35",  // 1.5
                "CFG002 14:13",  // {kind: filter}
                "CFG003 15:21",  // batch
                "CFG001 16:13",  // just-a-string
            ]
        )
        guard found.count == 11 else { return }
        #expect(found[1].message == "unknown processor type 'sampel'")
        #expect(found[1].hint?.hasPrefix("did you mean 'sample'?") == true)
        #expect(found[1].hint?.contains("filter, redact, enrich, sample") == true)
        #expect(found[2].hint == "did you mean 'rate'?")
        #expect(found[3].message.contains("'toool'"))
        #expect(found[3].hint?.contains("did you mean 'tool'?") == true)
        #expect(found[4].message == "unknown event phase 'begin'")
        #expect(found[6].message.contains("'secrets.x'"))
        #expect(found[8].hint?.contains("'_type'") == true)
        #expect(found[9].hint?.contains("batching belongs to the exporter") == true)
    }

    @Test("a section with invalid processors builds nothing: the file is not created")
    func invalidProcessorsBuildNothing() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: DiagnosticError.self) {
            try WorkflowConfiguration.parse(
                """
                general:
                  telemetry:
                    tracing:
                      out: {_type: file, output_path: out.jsonl, processors: {_type: sample}}
                """,
                environment: [:],
                baseDirectory: directory.path
            )
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("out.jsonl")))
    }

    @Test("a type whose exporters cannot run event stages is refused at the processors key")
    func typeWithoutEventStages() {
        var registry = ExporterRegistry()
        registry.register("opaque", configuration: OpaqueConfiguration.self, summary: "a test exporter") { _, _ in
            BlueprintFromClosure { name in OpaqueExporter(name: name) }
        }
        do {
            _ = try WorkflowConfiguration.parse(
                """
                general:
                  telemetry:
                    tracing:
                      out:
                        _type: opaque
                        processors: [{_type: sample, rate: 0.5}]
                """,
                file: "workflow.yml",
                registry: registry,
                environment: [:]
            )
            Issue.record("the configuration was accepted")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.configurationInvalidValue])
            #expect(error.diagnostics.first?.location == SourceLocation(file: "workflow.yml", line: 6, column: 21))
            #expect(error.diagnostics.first?.message.contains("'opaque'") == true)
        }
    }

    @Test("event stages run on the exporter's consumer, never when an event is received")
    func stagesRunOnTheConsumer() async throws {
        let seen = Mutex(0)
        let counting = MapProcessor<AgentEvent, AgentEvent> { event in
            seen.withLock { $0 += 1 }
            return event
        }
        let sink = InMemorySink<AgentEvent>()
        let exporter = ProcessingExporter(name: "raw", sink: sink)
        #expect(exporter.installEventStages(EventStageChain([.init(name: "processors.count", processor: counting)])))
        let events = TestEvents.marks(count: 5)
        for event in events { exporter.receive(event) }
        #expect(seen.withLock { $0 } == 0)
        try await exporter.start()
        #expect(!exporter.installEventStages(EventStageChain()), "too late once started")
        try await exporter.flush()
        #expect(seen.withLock { $0 } == events.count)
        _ = await exporter.shutdown(timeout: .seconds(5))
        #expect(sink.items.map(\.uuid) == events.map(\.uuid))
    }
}

/// A configuration with no keys, for a test type.
private struct OpaqueConfiguration: Decodable, Sendable {}

/// An exporter that is not built on `ProcessingExporter` and so cannot run event stages.
private final class OpaqueExporter: Exporter {
    let name: String

    init(name: String) { self.name = name }

    func receive(_ event: AgentEvent) {}
    func start() async throws {}
    func flush() async throws {}
    func shutdown(timeout: Duration) async -> ShutdownReport {
        ShutdownReport(exporter: name, completed: true, abandoned: 0, statistics: statistics)
    }
    var statistics: ExporterStatistics { ExporterStatistics() }
    var bufferCapacity: Int? { nil }
}

@Suite("Workflow processors in docs/workflow.md")
struct WorkflowProcessorsReadmeTests {
    @Test("the processors example of docs/workflow.md is a valid section")
    func readmeExample() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/workflow.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n      traces:\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let section = "      traces:\n" + text[start.upperBound..<end.lowerBound]
        let directory = try TemporaryDirectory()
        let configuration = try WorkflowConfiguration.parse(
            "general:\n  telemetry:\n    tracing:\n" + section,
            environment: [:],
            baseDirectory: directory.path
        )
        let blueprint = try #require(configuration.exporters.first?.blueprint as? EventProcessingBlueprint)
        #expect(blueprint.processors.map(\.typeName) == ["filter", "redact", "enrich", "sample"])
    }
}

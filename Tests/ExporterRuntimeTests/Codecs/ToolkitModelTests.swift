import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterCodecs
@testable import ExporterEvents

/// What we write as IntermediateStep JSONL, read by the toolkit itself: `Scripts/nat-validate-steps.py` parses
/// every line with NAT 1.9's pydantic model and feeds the steps to its own `SpanExporter`.
@Suite(
    "IntermediateStep lines read by the toolkit",
    .enabled(if: NATPython.path != nil, "set NAT_PYTHON to the python of Scripts/nat-venv.sh")
)
struct ToolkitModelTests {
    /// One instrumented run with every kind of event, and frameworks set as an enrichment stage would set them:
    /// toolkit ones on the first LLM call and the tool, one the toolkit does not know on the second LLM call.
    static func instrumentedEvents() async throws -> [AgentEvent] {
        struct Refused: Error {}
        let (hub, collector) = try InstrumentEventCollector.hub()
        await hub.bind {
            await Instrument.agent("support-bot", input: "hi", sessionID: "s-1") { _ in
                Instrument.mark("received", data: ["chars": 2])
                await Instrument.scope("plan", input: ["step": 1]) { _ in
                    await Instrument.llm(
                        model: "meta/llama-3.1-8b-instruct",
                        name: "planner-call",
                        provider: "nim",
                        messages: [.user("hi")]
                    ) { call in
                        call.chunk("Hel")
                        call.chunk("lo")
                        call.finish(
                            output: "Hello",
                            usage: TokenUsage(prompt: 12, completion: 3, cached: 4, reasoning: 1)
                        )
                    }
                    await Instrument.tool("search", toolCallID: "call-1", arguments: ["q": "x"]) { tool in
                        tool.setOutput(["hits": 3])
                    }
                    await Instrument.scope(.retriever, "docs") { _ in Instrument.mark("fetched") }
                    _ = try? await Instrument.scope(.guardrail, "policy") { _ in throw Refused() }
                }
                await Instrument.llm(model: "gpt-4o", input: "again") { call in
                    call.setUsage(TokenUsage(prompt: 1, completion: 1))
                }
            }
        }
        return collector.events.map { event in
            var event = event
            if event.category == .tool { event.framework = "crewai" }
            if event.category == .llm {
                event.framework = event.modelName == "gpt-4o" ? "in-house-framework" : "langchain"
            }
            return event
        }
    }

    @Test func theToolkitParsesEveryLineAndReadsModelAndFramework() async throws {
        let events = try await Self.instrumentedEvents()
        #expect(events.count == 18)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nat-steps-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(TraceWriter(format: .intermediateStep).encode(events)).write(to: file)

        let python = try #require(NATPython.path)
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/nat-validate-steps.py").path
        let outcome = try await ChildProcess.run(python, [script, file.path])
        #expect(outcome.status == 0, "\(outcome.output)")
        let reports = try outcome.output.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
            try JSONParser().parse(String($0))
        }
        let steps = reports.filter { $0["line"] != nil }
        let spans = reports.filter { $0["span"] != nil }

        // Every line parsed, and the toolkit sees the model as the LLM steps' name and only frameworks it knows.
        #expect(steps.count == events.count)
        for (event, step) in zip(events, steps) {
            let expectedName = event.category == .llm ? event.modelName ?? event.name : event.name
            #expect(step["name"] == .string(expectedName), "\(step.jsonString)")
            let framework = event.framework.flatMap { IntermediateStepCodec.toolkitFrameworks.contains($0) ? $0 : nil }
            #expect(step["framework"] == (framework.map(JSONValue.string) ?? .null), "\(step.jsonString)")
        }
        // It reads the enclosing function as the function ancestry.
        let llmStep = try #require(zip(events, steps).first { $0.0.category == .llm }?.1)
        #expect(llmStep["function_name"] == "plan")
        #expect(steps.first?["function_name"] == "root")

        // Its span exporter sets llm.model_name from the step's name: the model, not the scope's own name.
        let llmSpans = spans.filter { $0["span.kind"] == "LLM" }
        #expect(llmSpans.map { $0["llm.model_name"] } == ["meta/llama-3.1-8b-instruct", "gpt-4o"])
        #expect(llmSpans.map { $0["nat.framework"] } == ["langchain", "unknown"])
        #expect(spans.first { $0["span.kind"] == "TOOL" }?["nat.framework"] == "crewai")
        #expect(spans.count == 7)

        // And what the toolkit accepted reads back into the events we wrote (times rounded to float seconds).
        let decoded = TraceReader(format: .intermediateStep).read(try [UInt8](Data(contentsOf: file)))
        #expect(decoded.diagnostics.isEmpty)
        func identity(_ event: AgentEvent) -> [String] {
            [
                event.uuid, event.parentUUID ?? "-", "\(event.phase)", event.category.name, event.name,
                event.modelName ?? "-", event.framework ?? "-", event.toolCallID ?? "-", "\(event.status)",
                event.input?.jsonString ?? "-", event.output?.jsonString ?? "-", event.chunk?.jsonString ?? "-",
                "\(String(describing: event.tokenUsage))",
            ]
        }
        #expect(decoded.events.map(identity) == events.map(identity))
    }
}

/// The python with nvidia-nat-core that `NAT_PYTHON` names, if any.
enum NATPython {
    static var path: String? {
        ProcessInfo.processInfo.environment["NAT_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

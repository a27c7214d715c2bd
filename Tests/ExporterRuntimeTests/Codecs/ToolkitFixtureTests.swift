import ExporterDiagnostics
import ExporterRuntime
import Testing

@testable import ExporterCodecs
@testable import ExporterEvents

/// The codec on a trace the toolkit itself wrote: `Fixtures/toolkit-file-exporter.jsonl` comes from
/// `Scripts/toolkit-trace-fixture.py`, which pushes steps through NAT 1.9's step manager into its `file` exporter.
@Suite("IntermediateStep codec on the toolkit's own file")
struct ToolkitFixtureTests {
    static let fixture = "toolkit-file-exporter"

    static func events() throws -> [AgentEvent] {
        try TraceFixtures.lines(fixture).map { line throws(DiagnosticError) in
            try IntermediateStepCodec.decode(line: line)
        }
    }

    @Test func everyLineRoundTripsToTheSameJSONValues() throws {
        let lines = try TraceFixtures.lines(Self.fixture)
        #expect(lines.count == 50)
        for (number, line) in lines.enumerated() {
            let original = try TraceFixtures.parse(line)
            let rewritten = try TraceFixtures.parse(
                IntermediateStepCodec.encode(IntermediateStepCodec.decode(line: line))
            )
            #expect(rewritten == original, "line \(number + 1):\n\(original.jsonString)\n\(rewritten.jsonString)")
        }
    }

    @Test func readerAndWriterRoundTripTheWholeFile() throws {
        let bytes = try TraceFixtures.bytes(Self.fixture)
        let result = TraceReader().read(bytes)
        #expect(result.format == .intermediateStep && result.diagnostics.isEmpty)
        let workflow = try #require(result.events.first)
        #expect(result.events.allSatisfy { $0.rootUUID == workflow.uuid })
        let rewritten = TraceWriter(format: .intermediateStep).encode(result.events)
        let originalLines = try TraceFixtures.lines(Self.fixture).map { try TraceFixtures.parse($0) }
        let rewrittenLines = try rewritten.split(separator: UInt8(ascii: "\n")).map {
            try TraceFixtures.parse(Array($0))
        }
        #expect(rewrittenLines == originalLines)
    }

    @Test func toolkitFieldsMapToCanonicalOnes() throws {
        let events = try Self.events()
        let workflow = events[0]
        #expect(workflow.phase == .start && workflow.category == .agent && workflow.parentUUID == nil)
        #expect(workflow.timestamp.secondsSinceEpoch == 1_760_000_000.0003333)
        #expect(workflow.metadata["provided_metadata"]?["display_name"] == "Library Q&A")
        let agent = events[1]
        #expect(agent.category == .function && agent.name == "react_agent" && agent.parentUUID == workflow.uuid)

        let llmStart = events[2]
        #expect(llmStart.category == .llm && llmStart.name == "meta/llama-3.1-8b-instruct")
        #expect(llmStart.modelName == "meta/llama-3.1-8b-instruct" && llmStart.framework == "langchain")
        #expect(llmStart.parentUUID == agent.uuid)
        #expect(events[3...6].allSatisfy { $0.phase == .chunk && $0.uuid == llmStart.uuid })
        #expect(events[3...6].map(\.chunk) == ["I ", "should ", "search ", "the wiki."])
        let llmEnd = events[7]
        #expect(llmEnd.phase == .end && llmEnd.startTimestamp == llmStart.timestamp)
        #expect(llmEnd.tokenUsage == TokenUsage(prompt: 412, completion: 38, cached: 256, reasoning: 12, total: 450))
        #expect(
            llmEnd.extensions["intermediate_step"]?["usage_extra"] == ["num_llm_calls": 1, "seconds_between_calls": 2]
        )
        #expect(llmEnd.extensions["intermediate_step"]?["data_extra"]?["payload"] == ["finish_reason": "stop"])

        // The toolkit's function ancestry is kept as it wrote it: the tool runs inside the wiki_search function.
        let toolStart = events[9]
        #expect(
            toolStart.category == .tool && toolStart.framework == "langchain"
                && toolStart.tags == ["tool", "wiki_search"]
        )
        let ancestry = toolStart.extensions["intermediate_step"]?["function_ancestry"]
        #expect(ancestry?["function_name"] == "wiki_search" && ancestry?["parent_name"] == "react_agent")
        #expect(toolStart.parentUUID == events[8].uuid)

        // Usage defaults, no usage, no framework.
        #expect(events[15].tokenUsage == TokenUsage())
        #expect(events[17].tokenUsage == nil && events[17].framework == nil && events[17].output == "")
        #expect(events[18].category == .task && events[18].input == [:] && events[18].output == [])
        #expect(events[21].category == .custom("ttc") && events[21].output == "best")
        #expect(events[21].extensions["intermediate_step"]?["data_extra"]?["score"] == 0.875)
        #expect(events[22].category == .custom("span") && events[22].framework == "semantic_kernel")
        let bigChunk = try #require(events[24].chunk)
        #expect(bigChunk["big"] == .largeInteger("99999999999999999999"))
        #expect(bigChunk["negative_big"] == .largeInteger("-18446744073709551617"))
        #expect(bigChunk["score"] == 1e-7)
        #expect(events[26].name == "guardrail: \"quotes\", \\ backslash, tab\t, newline\n, émoji 🦜, \u{1}")
        #expect(events[26].metadata["tiny"] == .double(.leastNonzeroMagnitude))
        #expect(events[26].metadata["threshold"] == 1e300)
        #expect(events[28].name.isEmpty && events[28].input == nil && events[28].metadata.isEmpty)

        // Branches that ran concurrently are each under the agent function and own their tool call.
        let branches = events.filter { $0.category == .function && $0.name.hasPrefix("branch_") && $0.phase == .start }
        #expect(branches.count == 3 && branches.allSatisfy { $0.parentUUID == agent.uuid })
        for branch in branches {
            let tools = events.filter { $0.category == .tool && $0.parentUUID == branch.uuid }
            #expect(tools.map(\.phase) == [.start, .end])
            #expect(tools.allSatisfy { $0.framework == "crewai" })
        }
        #expect(Set(events.compactMap(\.framework)) == IntermediateStepCodec.toolkitFrameworks)
    }

    @Test func aFixtureEventEditedByAProcessorIsWrittenFromTheEvent() throws {
        var llmStart = try Self.events()[2]
        llmStart.modelName = "meta/llama-3.3-70b-instruct"
        llmStart.framework = "in-house"
        let line = try TraceFixtures.parse(IntermediateStepCodec.encode(llmStart))
        #expect(line["payload"]?["name"] == "meta/llama-3.3-70b-instruct")
        #expect(line["payload"]?["framework"] == .null)
        #expect(line["payload"]?["canonical"] == ["name": "meta/llama-3.1-8b-instruct", "framework": "in-house"])
        let back = try IntermediateStepCodec.decode(line)
        #expect(back.name == "meta/llama-3.1-8b-instruct" && back.modelName == "meta/llama-3.3-70b-instruct")
        #expect(back.framework == "in-house")
    }
}

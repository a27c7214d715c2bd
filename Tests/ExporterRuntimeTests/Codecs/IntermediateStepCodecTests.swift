import ExporterDiagnostics
import ExporterRuntime
import Testing

@testable import ExporterCodecs
@testable import ExporterEvents

@Suite("IntermediateStepCodec")
struct IntermediateStepCodecTests {
    @Test func fixtureRoundTripsLineByLine() throws {
        let lines = try TraceFixtures.lines("toolkit-trace")
        #expect(lines.count >= 25)
        for (number, line) in lines.enumerated() {
            let original = try TraceFixtures.parse(line)
            let event = try IntermediateStepCodec.decode(line: line)
            let rewritten = try TraceFixtures.parse(IntermediateStepCodec.encode(event))
            #expect(
                rewritten == original,
                "line \(number + 1) differs:\n\(original.jsonString)\n\(rewritten.jsonString)"
            )
        }
    }

    @Test func fixtureMapsToCanonicalFields() throws {
        let events = try TraceFixtures.lines("toolkit-trace").map { line throws(DiagnosticError) in
            try IntermediateStepCodec.decode(line: line)
        }
        let workflow = try #require(events.first)
        #expect(workflow.phase == .start && workflow.category == .agent && workflow.parentUUID == nil)
        #expect(workflow.metadata["provided_metadata"]?["workflow_trace_id"] == "5f2d8c1e9a7b4c3d8e6f1a2b3c4d5e6f")
        #expect(workflow.timestamp == Timestamp(secondsSinceEpoch: 1_760_000_000.104127))
        let llmEnd = try #require(events.first { $0.phase == .end && $0.category == .llm })
        #expect(llmEnd.modelName == "meta/llama-3.1-8b-instruct")
        #expect(llmEnd.tokenUsage == TokenUsage(prompt: 412, completion: 38, cached: 256))
        #expect(llmEnd.framework == "langchain")
        #expect(llmEnd.startTimestamp != nil && llmEnd.startTimestamp! < llmEnd.timestamp)
        let usageExtra = llmEnd.extensions["intermediate_step"]?["usage_extra"]
        #expect(usageExtra == ["num_llm_calls": 1, "seconds_between_calls": 0])
        #expect(events.filter { $0.phase == .chunk && $0.category == .llm }.count == 5)
        #expect(events.filter { $0.phase == .chunk && $0.category == .custom("span") }.count == 2)
        #expect(events.contains { $0.category == .custom("ttc") } && events.contains { $0.category == .task })
        let tool = try #require(events.first { $0.category == .tool && $0.phase == .end })
        #expect(
            tool.extensions["intermediate_step"]?["data_extra"]?["payload"] == ["http_status": 200, "cached": false]
        )
        #expect(tool.output?.stringValue?.hasPrefix("The Left Hand") == true)
    }

    @Test func lossyValuesAreKeptAsRead() throws {
        let line = #"""
            {"parent_id":"root","payload":{"event_type":"CUSTOM_START","event_timestamp":1760000000,"name":null,"tags":[],"metadata":{},"data":{"input":1},"usage_info":{"token_usage":{"prompt_tokens":3}},"UUID":"u1","trace_extra":true},"top_extra":[1]}
            """#
        let original = try TraceFixtures.parse(line)
        let event = try IntermediateStepCodec.decode(original)
        #expect(event.timestamp == Timestamp(nanosecondsSinceEpoch: 1_760_000_000_000_000_000))
        #expect(event.input == 1 && event.tags.isEmpty && event.metadata.isEmpty && event.name.isEmpty)
        #expect(event.tokenUsage?.promptTokens == 3)
        #expect(try TraceFixtures.parse(IntermediateStepCodec.encode(event)) == original)

        // An edited field is written from the event, not from the stale original.
        var renamed = event
        renamed.tags = ["edited"]
        let rewritten = try TraceFixtures.parse(IntermediateStepCodec.encode(renamed))
        #expect(rewritten["payload"]?["tags"] == ["edited"])
        #expect(rewritten["payload"]?["event_timestamp"] == .int(1_760_000_000))
    }

    @Test func instrumentedEventsEncodeCompleteLinesAndDecodeBackEqual() throws {
        for event in CodecSamples.instrumented {
            let bytes = IntermediateStepCodec.encode(event)
            let line = try #require(try TraceFixtures.parse(bytes).objectValue)
            #expect(Set(line.keys) == ["parent_id", "function_ancestry", "payload"])
            let payload = try #require(line["payload"]?.objectValue)
            for key in [
                "event_type", "event_timestamp", "span_event_timestamp", "framework", "name", "tags", "metadata",
                "data", "usage_info", "UUID",
            ] {
                #expect(payload[key] != nil, "\(key) missing in \(String(decoding: bytes, as: UTF8.self))")
            }
            // Without a recorded ancestry, the event itself stands as the function.
            #expect(line["function_ancestry"]?["function_id"] == .string(event.uuid))
            #expect(line["function_ancestry"]?["parent_id"] == .string(event.parentUUID ?? "root"))
            let decoded = try IntermediateStepCodec.decode(line: bytes)
            #expect(Self.withoutExtensions(decoded) == event, "\(String(decoding: bytes, as: UTF8.self))")
            // The streaming writer and the field model used for overrides agree.
            let ext = IntermediateStepExtension(nil)
            for field in IntermediateStepField.allCases {
                let parts = field.rawValue.split(separator: ".").map(String.init)
                var actual: JSONValue? = .object(line)
                for part in parts { actual = actual?[part] }
                #expect(actual == field.encodedValue(of: event, extension: ext), "\(field)")
            }
        }
    }

    @Test func statusCategoriesAndMarksSurvive() throws {
        let failed = try #require(CodecSamples.instrumented.first { $0.status.isError })
        let line = try TraceFixtures.parse(IntermediateStepCodec.encode(failed))
        #expect(line["payload"]?["canonical"]?["error"]?["type"] == "TimeoutError")
        let retriever = try #require(CodecSamples.instrumented.first { $0.category == .retriever })
        let retrieverLine = try TraceFixtures.parse(IntermediateStepCodec.encode(retriever))
        #expect(retrieverLine["payload"]?["event_type"] == "CUSTOM_START")
        #expect(retrieverLine["payload"]?["canonical"]?["category"] == "retriever")
        let mark = try #require(CodecSamples.instrumented.first { $0.phase == .mark })
        #expect(try TraceFixtures.parse(IntermediateStepCodec.encode(mark))["payload"]?["event_type"] == "SPAN_CHUNK")
    }

    @Test func llmLinesNameTheModelAsTheToolkitReadsIt() throws {
        let llmStart = try #require(CodecSamples.instrumented.first { $0.uuid == "l1" && $0.phase == .start })
        #expect(llmStart.name == "chat" && llmStart.modelName == "meta/llama")
        let line = try TraceFixtures.parse(IntermediateStepCodec.encode(llmStart))
        #expect(line["payload"]?["name"] == "meta/llama")
        #expect(line["payload"]?["canonical"] == ["name": "chat"])
        let back = try IntermediateStepCodec.decode(line)
        #expect(back.name == "chat" && back.modelName == "meta/llama")

        // An LLM event named after its model needs no supplement; one without a model keeps its name.
        let chunk = try #require(CodecSamples.instrumented.first { $0.uuid == "l1" && $0.phase == .chunk })
        let chunkLine = try TraceFixtures.parse(IntermediateStepCodec.encode(chunk))
        #expect(chunkLine["payload"]?["name"] == "meta/llama" && chunkLine["payload"]?["canonical"] == nil)
        let unnamed = try #require(CodecSamples.instrumented.first { $0.uuid == "l2" })
        let unnamedLine = try TraceFixtures.parse(IntermediateStepCodec.encode(unnamed))
        #expect(unnamedLine["payload"]?["name"] == "unnamed-model-call")
        #expect(unnamedLine["payload"]?["canonical"] == ["model_name": .null])
        #expect(try IntermediateStepCodec.decode(unnamedLine).modelName == nil)

        // A model on an LLM event without a name: the model is written, the empty name kept.
        var anonymous = chunk
        anonymous.name = ""
        let anonymousLine = try TraceFixtures.parse(IntermediateStepCodec.encode(anonymous))
        #expect(
            anonymousLine["payload"]?["name"] == "meta/llama" && anonymousLine["payload"]?["canonical"] == ["name": ""]
        )
        #expect(Self.withoutExtensions(try IntermediateStepCodec.decode(anonymousLine)) == anonymous)
    }

    @Test func onlyTheToolkitsFrameworksAreWrittenAsFramework() throws {
        for framework in IntermediateStepCodec.toolkitFrameworks.sorted() + ["my-framework", "LangChain", ""] {
            var event = CodecSamples.instrumented[0]
            event.framework = framework
            let line = try TraceFixtures.parse(IntermediateStepCodec.encode(event))
            if IntermediateStepCodec.toolkitFrameworks.contains(framework) {
                #expect(line["payload"]?["framework"] == .string(framework))
                #expect(line["payload"]?["canonical"] == nil)
            } else {
                #expect(line["payload"]?["framework"] == .null)
                #expect(line["payload"]?["canonical"] == ["framework": .string(framework)])
            }
            #expect(try IntermediateStepCodec.decode(line).framework == framework)
        }

        // A hand-made line with a framework the toolkit lacks still reads back and writes back as it was.
        let handMade = #"""
            {"parent_id":"root","function_ancestry":{"function_id":"root","function_name":"root","parent_id":null,"parent_name":null},"payload":{"event_type":"TOOL_START","event_timestamp":1760000000.5,"span_event_timestamp":null,"framework":"homegrown","name":"t","tags":null,"metadata":null,"data":null,"usage_info":null,"UUID":"u1"}}
            """#
        let original = try TraceFixtures.parse(handMade)
        let event = try IntermediateStepCodec.decode(original)
        #expect(event.framework == "homegrown")
        #expect(try TraceFixtures.parse(IntermediateStepCodec.encode(event)) == original)
    }

    @Test func rejectsLinesThatAreNotSteps() throws {
        func code(_ text: String) -> Diagnostic? {
            TraceFixtures.diagnostic { () throws(DiagnosticError) in
                _ = try IntermediateStepCodec.decode(line: Array(text.utf8))
            }
        }
        #expect(code("[1]")?.code == "TRACE002")
        #expect(code("[1]")?.message == "an IntermediateStep line must be a JSON object, found an array")
        #expect(code(#"{"parent_id":"root"}"#)?.code == "TRACE003")
        #expect(code(#"{"payload":{"event_type":"LLM_START","event_timestamp":1}}"#)?.message.contains("UUID") == true)
        let unknown = code(#"{"payload":{"event_type":"TOOL_STRAT","event_timestamp":1,"UUID":"u"}}"#)
        #expect(unknown?.code == "TRACE005")
        #expect(unknown?.hint == "did you mean 'TOOL_START'?")
        #expect(
            code(#"{"payload":{"event_type":"TOOL_START","event_timestamp":"now","UUID":"u"}}"#)?.code == "TRACE004"
        )
        #expect(
            code(#"{"payload":{"event_type":"TOOL_START","event_timestamp":1e300,"UUID":"u"}}"#)?.code == "TRACE007"
        )
        #expect(code(#"{"payload":{"event_type":"TOOL_START","event_timestamp":NaN,"UUID":"u"}}"#)?.code == "TRACE007")
        #expect(
            code(#"{"parent_id":7,"payload":{"event_type":"TOOL_START","event_timestamp":1,"UUID":"u"}}"#)?.code
                == "TRACE004"
        )
        #expect(code("{\"payload\":")?.code == "JSON001")
    }

    static func withoutExtensions(_ event: AgentEvent) -> AgentEvent {
        var copy = event
        copy.extensions = [:]
        return copy
    }
}

/// Events as instrumentation makes them (not read from a file), covering every phase and category.
enum CodecSamples {
    /// Float epoch seconds hold multiples of 1/512 s exactly, so these times survive IntermediateStep unchanged.
    static let base = Timestamp(nanosecondsSinceEpoch: 1_760_000_000_125_000_000)

    static func at(_ step: Int64) -> Timestamp { base.advanced(byNanoseconds: step * 1_953_125) }

    static var instrumented: [AgentEvent] {
        [
            AgentEvent(
                uuid: "w1",
                phase: .start,
                category: .agent,
                name: "workflow",
                timestamp: base,
                input: "question",
                metadata: ["provided_metadata": ["workflow_run_id": "r1"]],
                tags: ["a", "b"]
            ),
            AgentEvent(
                uuid: "l1",
                parentUUID: "w1",
                phase: .start,
                category: .llm,
                name: "chat",
                timestamp: at(1),
                input: [["role": "user", "content": "hi"]],
                modelName: "meta/llama",
                framework: "langchain"
            ),
            AgentEvent(
                uuid: "l1",
                parentUUID: "w1",
                phase: .chunk,
                category: .llm,
                name: "meta/llama",
                timestamp: at(2),
                chunk: "he",
                modelName: "meta/llama"
            ),
            AgentEvent(
                uuid: "l1",
                parentUUID: "w1",
                phase: .end,
                category: .llm,
                name: "meta/llama",
                timestamp: at(6),
                startTimestamp: at(1),
                output: "hello",
                modelName: "meta/llama",
                tokenUsage: TokenUsage(prompt: 5, completion: 2, cached: 1, reasoning: 1)
            ),
            AgentEvent(
                uuid: "l2",
                parentUUID: "w1",
                phase: .start,
                category: .llm,
                name: "unnamed-model-call",
                timestamp: at(7)
            ),
            AgentEvent(
                uuid: "t1",
                parentUUID: "w1",
                phase: .end,
                category: .tool,
                name: "search",
                timestamp: at(8),
                output: ["hits": 3],
                toolCallID: "call_1",
                status: .error(type: "TimeoutError", message: "took \"too\" long")
            ),
            AgentEvent(
                uuid: "t2",
                parentUUID: "w1",
                phase: .start,
                category: .tool,
                name: "lookup",
                timestamp: at(9),
                input: ["q": "y"],
                framework: "my-framework"
            ),
            AgentEvent(
                uuid: "f1",
                parentUUID: "w1",
                phase: .start,
                category: .function,
                name: "helper",
                timestamp: at(9)
            ),
            AgentEvent(
                uuid: "r1",
                parentUUID: "w1",
                phase: .start,
                category: .retriever,
                name: "docs",
                timestamp: at(10),
                input: ["query": "x"]
            ),
            AgentEvent(
                uuid: "p1",
                parentUUID: "w1",
                phase: .end,
                category: .custom("planner"),
                name: "plan",
                timestamp: at(12),
                output: 1.5
            ),
            AgentEvent(
                uuid: "u1",
                parentUUID: "w1",
                phase: .start,
                category: .unknown,
                name: "mystery",
                timestamp: at(13)
            ),
            AgentEvent(
                uuid: "m1",
                parentUUID: "w1",
                phase: .mark,
                category: .tool,
                name: "checkpoint",
                timestamp: at(14),
                chunk: ["step": 2]
            ),
            AgentEvent(
                uuid: "s1",
                parentUUID: "w1",
                phase: .chunk,
                category: .function,
                name: "stream",
                timestamp: at(15),
                input: "displaced input",
                chunk: "piece"
            ),
            AgentEvent(
                uuid: "w1",
                phase: .end,
                category: .agent,
                name: "workflow",
                timestamp: at(18),
                startTimestamp: base,
                output: ["answer": "hello"]
            ),
        ]
    }
}

import ExporterRuntime
import Testing

@Suite struct InstrumentCallTests {
    @Test func llmCallEmitsStartChunksAndEndWithUsageAndModel() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        let messages: [ChatMessage] = [.system("be brief"), .user("weather in Paris?")]
        let lookup = ToolCall(id: "call-1", name: "weather", arguments: ["city": "Paris"])
        await hub.bind {
            await Instrument.llm(model: "gpt-4o", provider: "openai", messages: messages) { call in
                call.chunk("Let me ")
                call.chunk(["delta": "check"])
                call.finish(
                    output: "Checking.",
                    usage: TokenUsage(prompt: 20, completion: 5, cached: 8),
                    toolCalls: [lookup]
                )
            }
        }
        let events = collector.events
        #expect(events.map(\.phase) == [.start, .chunk, .chunk, .end])
        #expect(events.allSatisfy { $0.modelName == "gpt-4o" && $0.category == .llm && $0.name == "gpt-4o" })
        #expect(Set(events.map(\.uuid)).count == 1)
        let start = events[0]
        #expect(
            start.input == [
                ["role": "system", "content": "be brief"],
                ["role": "user", "content": "weather in Paris?"],
            ]
        )
        #expect(start.metadata["llm.provider"] == "openai")
        #expect(events[1].chunk == "Let me ")
        #expect(events[2].chunk == ["delta": "check"])
        let end = events[3]
        #expect(end.tokenUsage == TokenUsage(prompt: 20, completion: 5, cached: 8))
        #expect(
            end.output == [
                "role": "assistant", "content": "Checking.",
                "tool_calls": [
                    [
                        "id": "call-1", "type": "function",
                        "function": ["name": "weather", "arguments": ["city": "Paris"]],
                    ]
                ],
            ]
        )
        let answer = try #require(end.output.flatMap(ChatMessage.messages(from:))?.first)
        #expect(answer.toolCalls == [lookup])
        #expect(ChatMessage.messages(from: try #require(start.input)) == messages)
    }

    @Test func llmReturnValueBecomesTheOutputWhenFinishIsNotCalled() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        let reply = await hub.bind {
            await Instrument.llm(model: "llama", name: "planner", input: "plan a trip") { call in
                call.setUsage(TokenUsage(prompt: 3, completion: 2))
                return ChatMessage.assistant("Go to Lyon.")
            }
        }
        #expect(reply.text == "Go to Lyon.")
        let end = try #require(collector.events.last)
        #expect(collector.events.first?.name == "planner")
        #expect(collector.events.first?.input == "plan a trip")
        #expect(end.output == ["role": "assistant", "content": "Go to Lyon."])
        #expect(end.tokenUsage?.totalTokens == 5)
    }

    @Test func toolCallCarriesStructuredArgumentsAndResult() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        let arguments: JSONValue = ["city": "Paris", "days": 3, "units": ["metric", "kelvin"]]
        let result: JSONValue = ["forecast": [["day": 1, "high": 21.5]], "source": .null]
        let returned = await hub.bind {
            await Instrument.tool("weather", toolCallID: "call-1", arguments: arguments) { tool in
                tool.setOutput(result)
                return 42
            }
        }
        #expect(returned == 42)
        let events = collector.events
        #expect(events.map(\.phase) == [.start, .end])
        #expect(events.allSatisfy { $0.category == .tool && $0.toolCallID == "call-1" && $0.name == "weather" })
        #expect(events[0].input == arguments)
        #expect(events[1].output == result)
    }

    @Test func nonRepresentableResultsLeaveTheOutputEmpty() async throws {
        struct Opaque {}
        let (hub, collector) = try InstrumentEventCollector.hub()
        _ = await hub.bind { await Instrument.tool("noop", arguments: [:]) { _ in Opaque() } }
        #expect(collector.events.last?.output == nil)
    }
}

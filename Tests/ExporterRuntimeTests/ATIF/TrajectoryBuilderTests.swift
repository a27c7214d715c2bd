import ExporterRuntime
import Synchronization
import Testing

@Suite struct TrajectoryBuilderTests {
    @Test func instrumentedRunMapsToSystemUserAgentSteps() async throws {
        let trajectories = try await ATIFScenario.agentTrajectories()
        try #require(trajectories.count == 1)
        let trajectory = trajectories[0]
        #expect(trajectory.sessionID == "session-42")
        #expect(trajectory.agent == ATIFAgent(name: "librarian", version: "1.0.0", modelName: "gpt-4o"))
        #expect(trajectory.steps.map(\.source) == [.user, .system, .agent, .agent])
        #expect(trajectory.steps.map(\.stepID) == [1, 2, 3, 4])
        #expect(trajectory.steps[0].message == "Weather in Paris?")
        #expect(trajectory.steps[1].message == "You are a helpful librarian.")
        let calling = trajectory.steps[2]
        #expect(calling.message == "")
        #expect(calling.modelName == "gpt-4o")
        #expect(
            calling.toolCalls == [
                ATIFToolCall(toolCallID: "call_weather", functionName: "weather", arguments: ["city": "Paris"]),
                ATIFToolCall(toolCallID: "call_lookup", functionName: "lookup", arguments: ["isbn": "978-0441478125"]),
            ]
        )
        #expect(
            calling.metrics
                == ATIFMetrics(
                    promptTokens: 100,
                    completionTokens: 20,
                    cachedTokens: 40,
                    extra: ["reasoning_tokens": 5]
                )
        )
        let answer = trajectory.steps[3]
        #expect(answer.message == "It is 21.5 °C and sunny in Paris.")
        #expect(answer.modelName == "gpt-4o-mini")
        #expect(answer.toolCalls == nil && answer.observation == nil)
        #expect(trajectory.notes == nil)
    }

    @Test func observationsNameToolCallsOfTheirOwnStepAndKeepJSONVerbatim() async throws {
        let trajectory = try #require(try await ATIFScenario.agentTrajectories().first)
        let results = try #require(trajectory.steps[2].observation?.results)
        #expect(results.map(\.sourceCallID) == ["call_weather", "call_lookup"])
        #expect(results[0].content == #"{"city":"Paris","temperature_c":21.5,"tags":["sunny","dry"],"alerts":null}"#)
        let parsed = try JSONParser().parse(try #require(results[0].content))
        #expect(parsed == ATIFScenario.weatherResult)
        let failure = try #require(results[1].content)
        #expect(failure.hasPrefix("ERROR: tool 'lookup' failed: "))
        #expect(failure.contains("LookupFailure") && failure.contains("catalogue offline"))
        for step in trajectory.steps {
            let ids = Set((step.toolCalls ?? []).map(\.toolCallID))
            for result in step.observation?.results ?? [] {
                #expect(result.sourceCallID.map(ids.contains) == true)
            }
        }
    }

    @Test func everyStepCarriesAncestryOfItsEvent() async throws {
        let hub = EventHub()
        let collector = ATIFExporter(agent: ATIFScenario.agent)
        try hub.register("atif", collector)
        let events = ATIFEventLog()
        try hub.register("log", events)
        try await ATIFScenario.runAgent(on: hub)
        let trajectory = try #require(collector.export().first)
        let root = try #require(events.events.first { $0.category == .agent })
        let llms = events.events.filter { $0.category == .llm && $0.phase == .end }
        #expect(trajectory.steps[0].ancestry("function_id") == root.uuid)
        #expect(trajectory.steps[0].ancestry("function_name") == "librarian")
        #expect(trajectory.steps[0].ancestry("parent_id") == nil)
        #expect(trajectory.steps[1].ancestry("function_id") == llms[0].uuid)
        #expect(trajectory.steps[2].ancestry("function_id") == llms[0].uuid)
        #expect(trajectory.steps[3].ancestry("function_id") == llms[1].uuid)
        for step in trajectory.steps.dropFirst() {
            #expect(step.ancestry("parent_id") == root.uuid)
            #expect(step.ancestry("parent_name") == "librarian")
        }
        #expect(trajectory.steps.allSatisfy { $0.timestamp?.hasSuffix("+00:00") == true })
    }

    @Test func finalMetricsSumTheSteps() async throws {
        let trajectory = try #require(try await ATIFScenario.agentTrajectories().first)
        #expect(
            trajectory.finalMetrics
                == ATIFFinalMetrics(
                    totalPromptTokens: 400,
                    totalCompletionTokens: 32,
                    totalCachedTokens: 140,
                    totalSteps: 4
                )
        )
    }

    @Test func sessionIDFallsBackToTheRootUUID() async throws {
        let hub = EventHub()
        let exporter = ATIFExporter(agent: ATIFScenario.agent)
        try hub.register("atif", exporter)
        let log = ATIFEventLog()
        try hub.register("log", log)
        try await ATIFScenario.runAgent(on: hub, sessionID: nil)
        let root = try #require(log.events.first?.uuid)
        #expect(exporter.export().map(\.sessionID) == [root])
        #expect(ATIFExporter(sessionID: "fixed", agent: ATIFScenario.agent).export().isEmpty)
    }

    @Test func unknownToolCallsAreSynthesizedOnTheLatestAgentStep() {
        var builder = TrajectoryBuilder(agent: ATIFScenario.agent)
        let t = { (n: Int64) in Timestamp(nanosecondsSinceEpoch: 1_760_000_000_000_000_000 + n * 1_000_000) }
        let events = [
            AgentEvent(uuid: "r", phase: .start, category: .agent, name: "bot", timestamp: t(0), input: "go"),
            AgentEvent(
                uuid: "l",
                parentUUID: "r",
                phase: .start,
                category: .llm,
                name: "m",
                timestamp: t(1),
                input: "go",
                modelName: "m"
            ),
            AgentEvent(
                uuid: "l",
                parentUUID: "r",
                phase: .end,
                category: .llm,
                name: "m",
                timestamp: t(2),
                output: "thinking"
            ),
            AgentEvent(
                uuid: "x",
                parentUUID: "r",
                phase: .start,
                category: .tool,
                name: "calc",
                timestamp: t(3),
                input: ["a": 1],
                toolCallID: "call_9"
            ),
            AgentEvent(
                uuid: "x",
                parentUUID: "r",
                phase: .end,
                category: .tool,
                name: "calc",
                timestamp: t(4),
                output: [1, 2]
            ),
            AgentEvent(
                uuid: "y",
                parentUUID: "r",
                phase: .start,
                category: .tool,
                name: "echo",
                timestamp: t(5),
                input: "raw"
            ),
            AgentEvent(
                uuid: "y",
                parentUUID: "r",
                phase: .end,
                category: .tool,
                name: "echo",
                timestamp: t(6),
                output: "raw"
            ),
        ]
        for event in events { #expect(builder.consume(event) == nil) }
        let trajectory = builder.consume(
            AgentEvent(uuid: "r", phase: .end, category: .agent, name: "bot", timestamp: t(7), output: "thinking")
        )
        let steps = try? #require(trajectory?.steps)
        #expect(steps?.map(\.source) == [.user, .agent])
        #expect(
            steps?[1].toolCalls == [
                ATIFToolCall(toolCallID: "call_9", functionName: "calc", arguments: ["a": 1]),
                ATIFToolCall(toolCallID: "call_y", functionName: "echo", arguments: ["input": "raw"]),
            ]
        )
        #expect(
            steps?[1].observation?.results == [
                ATIFObservationResult(sourceCallID: "call_9", content: "[1,2]"),
                ATIFObservationResult(sourceCallID: "call_y", content: "raw"),
            ]
        )
        #expect(builder.statistics["anomaly.tool_call_synthesized"] == 2)
        #expect(builder.statistics["trajectories"] == 1)
    }

    @Test func toolkitFixtureMatchesToolsByNameAndKeepsTheFinalAnswer() throws {
        var builder = TrajectoryBuilder(agent: ATIFAgentInfo(name: nil, version: "2"))
        var finished: [ATIFTrajectory] = []
        for event in try ATIFScenario.fixtureEvents() {
            if let trajectory = builder.consume(event) { finished.append(trajectory) }
        }
        #expect(builder.finishAll().isEmpty)
        let trajectory = try #require(finished.first)
        #expect(finished.count == 1)
        #expect(trajectory.sessionID == "7f3c2a10-5b6e-4d21-9a0c-1e2f3a4b5c01")
        #expect(trajectory.agent.name == "react_agent_workflow")
        #expect(trajectory.agent.modelName == "meta/llama-3.1-8b-instruct")
        #expect(trajectory.agent.toolDefinitions?.count == 1)
        #expect(trajectory.steps.map(\.source) == [.user, .system, .agent, .agent])
        let search = trajectory.steps[2]
        #expect(
            search.toolCalls == [
                ATIFToolCall(
                    toolCallID: "call_8f2a",
                    functionName: "wiki_search",
                    arguments: ["query": "The Left Hand of Darkness"]
                )
            ]
        )
        #expect(search.observation?.results.map(\.sourceCallID) == ["call_8f2a"])
        #expect(search.observation?.results.first?.content?.hasPrefix("The Left Hand of Darkness is a 1969") == true)
        #expect(search.metrics == ATIFMetrics(promptTokens: 412, completionTokens: 38, cachedTokens: 256))
        // The final answer equals the workflow's output, so no extra step repeats it.
        #expect(trajectory.steps[3].message == "Ursula K. Le Guin wrote it; it was published in 1969 [1].")
        #expect(search.timestamp == "2025-10-09T08:53:20.365707+00:00")
        #expect(trajectory.finalMetrics?.totalPromptTokens == 412 + 871)
        #expect(builder.statistics["anomaly.tool_call_synthesized"] == nil)
    }

    @Test func rootOutputThatDiffersFromTheLastAnswerBecomesTheFinalStep() {
        var builder = TrajectoryBuilder(agent: ATIFScenario.agent)
        let t = Timestamp(nanosecondsSinceEpoch: 1_500_000_000_123_456_789)
        _ = builder.consume(
            AgentEvent(uuid: "r", phase: .start, category: .agent, name: "bot", timestamp: t, input: "q")
        )
        _ = builder.consume(
            AgentEvent(
                uuid: "l",
                parentUUID: "r",
                phase: .start,
                category: .llm,
                name: "m",
                timestamp: t,
                input: [["role": "user", "content": "q"]]
            )
        )
        _ = builder.consume(
            AgentEvent(
                uuid: "l",
                parentUUID: "r",
                phase: .end,
                category: .llm,
                name: "m",
                timestamp: t,
                output: ["role": "assistant", "content": "draft", "reasoning_content": "because"]
            )
        )
        let trajectory = builder.consume(
            AgentEvent(
                uuid: "r",
                phase: .end,
                category: .agent,
                name: "bot",
                timestamp: t,
                output: ["answer": 42],
                status: .error(type: "Timeout", message: "too slow")
            )
        )
        #expect(trajectory?.steps.map(\.message) == ["q", "draft", #"{"answer":42}"#])
        #expect(trajectory?.steps[1].reasoningContent == "because")
        #expect(trajectory?.steps[2].ancestry("function_id") == "r")
        #expect(trajectory?.steps[0].timestamp == "2017-07-14T02:40:00.123457+00:00")
        #expect(trajectory?.notes == "the run failed: Timeout: too slow")
        #expect(trajectory?.finalMetrics?.totalSteps == 3)
    }

    @Test func unfinishedRunsAreExportedWithNotes() {
        var builder = TrajectoryBuilder(agent: ATIFScenario.agent)
        let start = AgentEvent(
            uuid: "r",
            phase: .start,
            category: .agent,
            name: "bot",
            timestamp: Timestamp(nanosecondsSinceEpoch: 0),
            input: ["question": "why?"]
        )
        #expect(builder.consume(start) == nil)
        let trajectories = builder.finishAll()
        #expect(trajectories.count == 1)
        #expect(trajectories.first?.steps.first?.message == #"{"question":"why?"}"#)
        #expect(trajectories.first?.steps.first?.timestamp == "1970-01-01T00:00:00.000000+00:00")
        #expect(trajectories.first?.notes?.hasPrefix("unfinished") == true)
        #expect(builder.finishAll().isEmpty)
    }
}

/// Keeps every event, to compare trajectories with the events they came from.
final class ATIFEventLog: EventSubscriber {
    private let log = Mutex<[AgentEvent]>([])

    func receive(_ event: AgentEvent) {
        log.withLock { $0.append(event) }
    }

    var events: [AgentEvent] { log.withLock { $0 } }
}

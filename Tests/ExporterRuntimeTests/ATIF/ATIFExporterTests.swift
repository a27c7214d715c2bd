import ExporterRuntime
import Testing

@Suite struct ATIFExporterTests {
    @Test func concurrentRunsSeparateByRootUUID() async throws {
        let hub = EventHub()
        let exporter = ATIFExporter(agent: ATIFScenario.agent)
        try hub.register("atif", exporter)
        let log = ATIFEventLog()
        try hub.register("log", log)
        async let first: Void = ATIFScenario.runAgent(on: hub, sessionID: "run-a", question: "Weather in Paris?")
        async let second: Void = ATIFScenario.runAgent(on: hub, sessionID: "run-b", question: "Weather in Oslo?")
        _ = try await (first, second)

        let roots = log.events.filter { $0.category == .agent && $0.phase == .start }
        try #require(roots.count == 2)
        let all = exporter.export()
        #expect(Set(all.map(\.sessionID)) == ["run-a", "run-b"])
        for root in roots {
            let only = exporter.export(rootUUID: root.uuid)
            try #require(only.count == 1)
            #expect(only[0].sessionID == root.metadata["session.id"]?.stringValue)
            #expect(only[0].steps[0].message == root.input?.stringValue)
            #expect(only[0].steps.map(\.source) == [.user, .system, .agent, .agent])
            #expect(
                only[0].steps.allSatisfy { step in
                    step.ancestry("function_id") == root.uuid || step.ancestry("parent_id") == root.uuid
                }
            )
        }
        #expect(exporter.export(rootUUID: "no-such-root").isEmpty)
    }

    @Test func exportLeavesTheWindowAndClearEndsIt() async throws {
        let hub = EventHub()
        let exporter = ATIFExporter(sessionID: "window-1", agent: ATIFScenario.agent)
        try hub.register("atif", exporter)
        try await ATIFScenario.runAgent(on: hub)
        let count = exporter.eventCount
        #expect(count > 0)
        let json = exporter.exportJSON()
        #expect(exporter.eventCount == count)
        #expect(json == ATIFTrajectory.jsonArray(exporter.export()))
        let parsed = try JSONParser().parse(json)
        #expect(parsed.arrayValue?.first?["session_id"] == "window-1")
        #expect(parsed.arrayValue?.first?["schema_version"] == "ATIF-v1.6")
        exporter.clear()
        #expect(exporter.eventCount == 0)
        #expect(exporter.exportJSON() == "[]")
        hub.deregister("atif")
    }

    @Test func jsonHasExactlyTheSpecifiedKeys() async throws {
        let trajectory = try #require(try await ATIFScenario.agentTrajectories().first)
        let json = try #require(trajectory.jsonValue.objectValue)
        #expect(json.keys == ["schema_version", "session_id", "agent", "steps", "final_metrics"])
        #expect(json["agent"]?.objectValue?.keys == ["name", "version", "model_name"])
        let steps = try #require(json["steps"]?.arrayValue)
        #expect(steps[0].objectValue?.keys == ["step_id", "timestamp", "source", "message", "extra"])
        #expect(
            steps[2].objectValue?.keys == [
                "step_id", "timestamp", "source", "model_name", "message", "tool_calls", "observation", "metrics",
                "extra",
            ]
        )
        #expect(
            steps[2]["tool_calls"]?.arrayValue?.first?.objectValue?.keys == [
                "tool_call_id", "function_name", "arguments",
            ]
        )
        #expect(
            steps[2]["metrics"]?.objectValue?.keys == ["prompt_tokens", "completion_tokens", "cached_tokens", "extra"]
        )
        #expect(
            json["final_metrics"]?.objectValue?.keys == [
                "total_prompt_tokens", "total_completion_tokens", "total_cached_tokens", "total_steps",
            ]
        )
        #expect(try JSONParser().parse(trajectory.jsonString) == trajectory.jsonValue)
    }

    @Test func agentOnlyFieldsAreNeverWrittenOnOtherSteps() {
        let step = ATIFStep(
            stepID: 1,
            source: .user,
            message: "hi",
            modelName: "m",
            reasoningEffort: .label("high"),
            reasoningContent: "r",
            toolCalls: [ATIFToolCall(toolCallID: "c", functionName: "f")],
            metrics: ATIFMetrics(promptTokens: 1)
        )
        #expect(step.jsonValue.objectValue?.keys == ["step_id", "source", "message"])
        var agentStep = step
        agentStep.source = .agent
        #expect(
            agentStep.jsonValue.objectValue?.keys == [
                "step_id", "source", "model_name", "reasoning_effort", "message", "reasoning_content", "tool_calls",
                "metrics",
            ]
        )
    }
}

import ExporterEvents
import ExporterTracing
import Testing
import Tracing

/// Library spans (`withSpan`) and the agent's scopes nest both ways, task-locally, in one trace.
@Suite("RuntimeTracer nesting", .serialized)
struct RuntimeTracerNestingTests {
    let tracer = RuntimeTracer()

    @Test("an agent run inside a server span is its child, a client span inside a tool call the tool's child")
    func bothDirections() async throws {
        let run = try await TracedRun.record {
            await tracer.withSpan("POST /chat", ofKind: .server) { _ in
                await Instrument.agent("weather_agent", input: "weather in Paris?") { _ in
                    await Instrument.llm(model: "demo-model", messages: [.user("weather in Paris?")]) { call in
                        call.finish(output: "calling get_weather", usage: TokenUsage(prompt: 12, completion: 4))
                    }
                    await Instrument.tool("get_weather", arguments: ["city": "Paris"]) { _ in
                        tracer.withSpan("GET weather-api", ofKind: .client) { _ in }
                    }
                }
            }
        }
        let server = try run.span("POST /chat")
        let agent = try run.span("weather_agent")
        let llm = try run.span("demo-model")
        let tool = try run.span("get_weather")
        let client = try run.span("GET weather-api")
        #expect(run.spans.count == 5)
        #expect(server.parentSpanID == nil)
        #expect(agent.parentSpanID == server.spanID)
        #expect(llm.parentSpanID == agent.spanID)
        #expect(tool.parentSpanID == agent.spanID)
        #expect(client.parentSpanID == tool.spanID)
        #expect(Set(run.spans.map(\.traceID)) == [server.traceID])
        #expect(server.tracerFields?.kind == .server)
        #expect(client.tracerFields?.kind == .client)
        #expect(agent.tracerFields == nil && agent.category == .agent)
        #expect(llm.tokenUsage == TokenUsage(prompt: 12, completion: 4))
        // The agent's events name the library span as their parent and root, as any nested scope's would.
        let agentStart = try #require(run.events.first { $0.name == "weather_agent" && $0.phase == .start })
        #expect(agentStart.parentUUID == server.uuid)
        #expect(agentStart.rootUUID == server.uuid)
    }

    @Test("spans of concurrent child tasks keep the parent each task was started in")
    func concurrentChildren() async throws {
        let run = try await TracedRun.record {
            await Instrument.agent("fan_out") { _ in
                await withTaskGroup(of: Void.self) { group in
                    for index in 0..<3 {
                        group.addTask {
                            tracer.withSpan("GET item \(index)", ofKind: .client) { _ in
                                Instrument.mark("fetched \(index)")
                            }
                        }
                    }
                }
            }
        }
        let agent = try run.span("fan_out")
        for index in 0..<3 {
            let client = try run.span("GET item \(index)")
            #expect(client.parentSpanID == agent.spanID)
            #expect(client.events.map(\.name) == ["fetched \(index)"])
        }
    }

    @Test("a span ended twice, or on another task, ends once, with the name it had at the end")
    func endOnce() async throws {
        let run = try await TracedRun.record {
            let span = tracer.startSpan("GET /{id}", ofKind: .server)
            span.operationName = "GET /users/{id}"
            await Task.detached { span.end() }.value
            span.end()
            span.addEvent("after the end")
        }
        #expect(run.events.map(\.phase) == [.start, .end])
        #expect(run.events.last?.name == "GET /users/{id}")
    }
}

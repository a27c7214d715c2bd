import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// Shared scenarios and helpers of the ATIF tests.
enum ATIFScenario {
    static let agent = ATIFAgentInfo(name: "librarian", version: "1.0.0")
    static let weatherResult: JSONValue = [
        "city": "Paris", "temperature_c": 21.5, "tags": ["sunny", "dry"], "alerts": .null,
    ]

    struct LookupFailure: Error, CustomStringConvertible {
        var description: String { "catalogue offline" }
    }

    /// Runs an instrumented agent: a system prompt and a user turn, an LLM call asking for two tools (one returning
    /// a JSON object, one failing), a second LLM call answering; events go to `hub`.
    static func runAgent(
        on hub: EventHub,
        sessionID: String? = "session-42",
        question: String = "Weather in Paris?"
    )
        async throws
    {
        await hub.bind {
            await Instrument.agent("librarian", input: .string(question), sessionID: sessionID) { agent in
                let messages: [ChatMessage] = [.system("You are a helpful librarian."), .user(question)]
                let calls = [
                    ToolCall(id: "call_weather", name: "weather", arguments: ["city": "Paris"]),
                    ToolCall(id: "call_lookup", name: "lookup", arguments: .string("{\"isbn\": \"978-0441478125\"}")),
                ]
                await Instrument.llm(model: "gpt-4o", messages: messages) { call in
                    call.finish(
                        output: nil,
                        usage: TokenUsage(prompt: 100, completion: 20, cached: 40, reasoning: 5),
                        toolCalls: calls
                    )
                }
                await Instrument.tool("weather", toolCallID: "call_weather", arguments: ["city": "Paris"]) { scope in
                    scope.setOutput(weatherResult)
                }
                do {
                    try await Instrument.tool(
                        "lookup",
                        toolCallID: "call_lookup",
                        arguments: ["isbn": "978-0441478125"]
                    ) { _ in
                        throw LookupFailure()
                    }
                } catch {}
                let followUp =
                    messages + [
                        .assistant(nil, toolCalls: calls), .tool(weatherResult, toolCallID: "call_weather"),
                        .tool("error", toolCallID: "call_lookup"),
                    ]
                await Instrument.llm(model: "gpt-4o-mini", messages: followUp) { call in
                    call.finish(
                        output: "It is 21.5 °C and sunny in Paris.",
                        usage: TokenUsage(prompt: 300, completion: 12, cached: 100)
                    )
                }
                agent.setOutput("It is 21.5 °C and sunny in Paris.")
            }
        }
    }

    /// The trajectories of one instrumented agent run.
    static func agentTrajectories(sessionID: String? = "session-42") async throws -> [ATIFTrajectory] {
        let hub = EventHub()
        let exporter = ATIFExporter(agent: agent)
        try hub.register("atif", exporter)
        try await runAgent(on: hub, sessionID: sessionID)
        return exporter.export()
    }

    /// The events of the toolkit fixture trace.
    static func fixtureEvents() throws -> [AgentEvent] {
        let url = try #require(
            Bundle.module.url(forResource: "toolkit-trace", withExtension: "jsonl", subdirectory: "Fixtures")
        )
        let result = try TraceReader().read(contentsOfFile: url.path)
        #expect(result.diagnostics.isEmpty)
        return result.events
    }

    /// A fresh directory under the system's temporary directory; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atif-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The python of the reference-model venv, when the environment names one.
    static var validatorPython: String? {
        ProcessInfo.processInfo.environment["ATIF_VALIDATOR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `Scripts/validate-atif.py` on `files`; returns its exit status and output.
    static func validate(_ files: [String]) async throws -> (status: Int32, output: String) {
        let python = try #require(validatorPython)
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/validate-atif.py").path
        let outcome = try await ChildProcess.run(python, [script] + files)
        return (outcome.status, outcome.output)
    }
}

extension ATIFStep {
    /// `extra.ancestry.<key>` as a string.
    func ancestry(_ key: String) -> String? {
        extra?["ancestry"]?[key]?.stringValue
    }
}

import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// The instrumentation example of docs/quickstart.md, kept compiling and correct.
@Suite("ReadmeExample")
struct ReadmeExampleTests {
    @Test("the quick start's example runs and its spans reach the file exporter with session and tokens")
    func readmeExample() async throws {
        let directory = try TemporaryDirectory()
        let workflow = directory.file("workflow.yml")
        try """
        general:
          telemetry:
            tracing:
              spans: {_type: file, output_path: spans.jsonl, format: spans}
        """.write(toFile: workflow, atomically: true, encoding: .utf8)

        // --- docs/quickstart.md example starts here ---
        let manager = try WorkflowConfiguration.load(contentsOf: workflow).makeManager()
        let (answer, reports) = try await manager.withRun { _ in
            await Instrument.agent("support-bot", input: "Where is my order?", sessionID: "s-42", userID: "u-7") { _ in
                let reply = await Instrument.llm(model: "gpt-4o", messages: [.user("Where is my order?")]) { call in
                    call.finish(output: "Let me check.", usage: TokenUsage(prompt: 12, completion: 4))
                    return "Let me check."
                }
                let status = await Instrument.tool("lookup_order", toolCallID: "call-1", arguments: ["id": "A-17"]) {
                    _ in
                    JSONValue.object(["status": "shipped"])
                }
                return "\(reply) It was \(status["status"]?.stringValue ?? "?")."
            }
        }
        await manager.close()
        // --- docs/quickstart.md example ends here ---

        #expect(answer == "Let me check. It was shipped.")
        #expect(reports.count == 1 && reports[0].completed && reports[0].statistics.dropped == 0)
        let spans = try String(contentsOfFile: directory.file("spans.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONValue(parsing: String($0)) }
        #expect(spans.map { $0["category"]?.stringValue } == ["llm", "tool", "agent"])
        #expect(spans.allSatisfy { $0["session_id"]?.stringValue == "s-42" && $0["user_id"]?.stringValue == "u-7" })
        #expect(spans[0]["token_usage"]?["total_tokens"] == 16)
        #expect(spans[1]["output"]?["status"]?.stringValue == "shipped")
    }
}

import AgentDemoKit
import ExporterRuntime
import Foundation
import Testing

/// `agent-demo --otlp-endpoint` into a real Arize Phoenix (`arize-phoenix==20.26.1`): the three conversations,
/// read back through Phoenix's REST API, match what the demo's own `spans` file exporter wrote in the same run.
///
/// Runs only when `PHOENIX_PYTHON` names the python of `Scripts/phoenix-venv.sh` (the root package's); Phoenix's
/// start-up takes 10-15 s on an idle machine and minutes on a saturated one, so the limit only bounds a hang.
@Suite(
    "DemoPhoenix",
    .enabled(if: DemoPhoenixRun.python != nil, "set PHOENIX_PYTHON to the python of Scripts/phoenix-venv.sh"),
    .timeLimit(.minutes(10))
)
struct DemoPhoenixTests {
    /// `openinference.span.kind` for each runtime category the demo uses, as docs/span-mapping.md maps them.
    static let openInferenceKind = ["agent": "AGENT", "llm": "LLM", "tool": "TOOL"]

    @Test("the three conversations arrive intact: traces, parents, kinds, models, tokens, session and user ids, errors")
    func conversationsArriveIntact() async throws {
        let conversations = Conversation.demo
        let scopes = conversations.reduce(0) { $0 + 1 + $1.script.count + $1.scriptedToolCalls.count }
        let directory = try TemporaryDirectory()
        let run = try await DemoPhoenixRun.play(
            project: DemoExporters.otlpProject,
            expectedSpans: scopes,
            in: directory
        )

        // The reference must be worth comparing with: every scope, one trace per conversation, one failed tool, and
        // cached and reasoning tokens somewhere.
        let written = try run.written.map(WrittenSpan.init(json:))
        try #require(written.count == scopes, "spans.jsonl has \(written.count) spans, the scripts make \(scopes)")
        try #require(Set(written.map(\.traceID)).count == conversations.count)
        try #require(written.filter { $0.error != nil }.map(\.category) == ["tool"])
        try #require(written.contains { ($0.tokens?.cached ?? 0) > 0 })
        try #require(written.contains { ($0.tokens?.reasoning ?? 0) > 0 })

        #expect(run.stored.count == written.count, "\(run.stored.map(\.name))")
        var stored: [String: PhoenixSpan] = [:]
        for span in run.stored {
            #expect(stored.updateValue(span, forKey: span.spanID) == nil, "Phoenix stored \(span.spanID) twice")
        }
        #expect(
            Dictionary(grouping: run.stored, by: \.traceID).mapValues(\.count)
                == Dictionary(grouping: written, by: \.traceID).mapValues(\.count),
            "spans per trace"
        )

        for reference in written {
            let label = "\(reference.category) \(reference.name) \(reference.spanID)"
            let span = try #require(stored[reference.spanID], "Phoenix has no \(label)")
            #expect(span.name == reference.name, "\(label)")
            #expect(span.traceID == reference.traceID, "\(label)")
            #expect(span.parentID == reference.parentSpanID, "\(label): parent")
            let kind = try #require(Self.openInferenceKind[reference.category], "\(label): unexpected category")
            // Phoenix moves the `openinference.span.kind` attribute into its own column: span_kind.
            #expect(span.spanKind == kind, "\(label)")
            #expect(span.attributes["llm.model_name"]?.stringValue == reference.modelName, "\(label)")
            #expect(span.attributes["llm.token_count.prompt"]?.intValue == reference.tokens?.prompt, "\(label)")
            #expect(span.attributes["llm.token_count.completion"]?.intValue == reference.tokens?.completion)
            #expect(span.attributes["llm.token_count.total"]?.intValue == reference.tokens?.total, "\(label)")
            #expect(
                span.attributes["llm.token_count.prompt_details.cache_read"]?.intValue
                    == reference.tokens.flatMap { $0.cached > 0 ? $0.cached : nil },
                "\(label)"
            )
            #expect(
                span.attributes["llm.token_count.completion_details.reasoning"]?.intValue
                    == reference.tokens.flatMap { $0.reasoning > 0 ? $0.reasoning : nil },
                "\(label)"
            )
            #expect(span.attributes["session.id"]?.stringValue == reference.sessionID, "\(label)")
            #expect(span.attributes["user.id"]?.stringValue == reference.userID, "\(label)")
            if let error = reference.error {
                #expect(span.statusCode == "ERROR", "\(label)")
                #expect(span.statusMessage == error.message, "\(label)")
                #expect(span.attributes["error.type"]?.stringValue == error.type, "\(label)")
            } else {
                #expect(span.statusCode == "OK", "\(label)")
            }
        }

        // Each conversation is one trace in Phoenix, under its own session and user, with its scripted shape.
        for conversation in conversations {
            let trace = run.stored.filter { $0.attributes["session.id"]?.stringValue == conversation.sessionID }
            #expect(Set(trace.map(\.traceID)).count == 1, "\(conversation.sessionID)")
            #expect(trace.allSatisfy { $0.attributes["user.id"]?.stringValue == conversation.userID })
            #expect(trace.filter { $0.parentID == nil }.map(\.spanKind) == ["AGENT"], "\(conversation.sessionID)")
            #expect(trace.filter { $0.spanKind == "LLM" }.count == conversation.script.count)
            #expect(trace.filter { $0.spanKind == "TOOL" }.count == conversation.scriptedToolCalls.count)
        }
    }
}

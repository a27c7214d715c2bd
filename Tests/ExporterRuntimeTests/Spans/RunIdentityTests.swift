import ExporterRuntime
import Testing

/// The run's own ids on its root scope reach every span of the run: the trace id (`workflow_trace_id`), the session
/// (`session.id`, or the toolkit's `conversation_id`), the user and the run id.
@Suite struct RunIdentityTests {
    private typealias F = SpanFixtures
    private let root = "11111111-1111-4111-8111-111111111111"
    private let child = "22222222-2222-4222-8222-222222222222"

    private func spans(rootMetadata: JSONObject) async throws -> [Span] {
        try await F.build([
            F.event(.start, root, category: .agent, name: "agent", at: 1, metadata: rootMetadata),
            F.event(.start, child, parent: root, root: root, category: .tool, name: "search", at: 2),
            F.event(.end, child, parent: root, root: root, category: .tool, name: "search", at: 3),
            F.event(.end, root, category: .agent, name: "agent", at: 4),
        ])
    }

    @Test func theRunsTraceIDIsEverySpansTraceID() async throws {
        let spans = try await spans(rootMetadata: [
            "workflow_trace_id": "19ef5d120f2e401080cf066afa24a026", "workflow_run_id": "run-1",
        ])
        let trace = try #require(TraceID(hex: "19ef5d120f2e401080cf066afa24a026"))
        #expect(spans.map(\.traceID) == [trace, trace])
        #expect(spans.allSatisfy { $0.hasRunTraceID && $0.runID == "run-1" })
    }

    @Test func theToolkitsWorkflowStartMetadataGivesTheRunsIDs() async throws {
        let spans = try await spans(rootMetadata: [
            "provided_metadata": [
                "workflow_trace_id": "19ef5d120f2e401080cf066afa24a026",
                "workflow_run_id": "run-2",
                "conversation_id": "conv-1",
            ]
        ])
        let trace = try #require(TraceID(hex: "19ef5d120f2e401080cf066afa24a026"))
        #expect(spans.allSatisfy { $0.traceID == trace && $0.sessionID == "conv-1" && $0.runID == "run-2" })
    }

    @Test(arguments: ["not hex", "00000000000000000000000000000000", "19ef5d12"])
    func anUnusableTraceIDFallsBackToTheDerivedOne(value: String) async throws {
        let spans = try await spans(rootMetadata: ["workflow_trace_id": .string(value)])
        #expect(spans.allSatisfy { $0.traceID == TraceID(deriving: root) && !$0.hasRunTraceID })
    }

    @Test func theScopesOwnSessionWinsOverTheToolkitsConversation() async throws {
        let spans = try await spans(rootMetadata: [
            "session.id": "session-7", "provided_metadata": ["conversation_id": "conv-1"],
        ])
        #expect(spans.allSatisfy { $0.sessionID == "session-7" })
    }
}

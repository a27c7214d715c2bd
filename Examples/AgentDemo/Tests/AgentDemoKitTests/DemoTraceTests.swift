import AgentDemoKit
import ExporterRuntime
import Testing

/// The three conversations reach an exporter intact: one trace each, with the right shape, ids and counts.
@Suite("DemoTraces")
struct DemoTraceTests {
    @Test("each conversation is one trace: an agent root with its model and tool calls as children")
    func traceShape() async throws {
        let demo = try await RecordedDemo.play()
        #expect(demo.reports.count == 1 && demo.reports[0].completed && demo.reports[0].statistics.dropped == 0)
        #expect(Set(demo.spans.map(\.traceID)).count == Conversation.demo.count)

        for outcome in demo.outcomes {
            let conversation = outcome.conversation
            let trace = demo.trace(of: conversation.sessionID)
            let roots = trace.filter { $0.parentSpanID == nil }
            try #require(roots.count == 1, "\(conversation.sessionID) has \(roots.count) roots")
            let root = roots[0]
            #expect(root.category == .agent && root.name == "support-bot")
            #expect(root.input == .string(conversation.question))
            #expect(root.output == .string(outcome.answer))
            #expect(root.status == .ok)

            let llmSpans = trace.filter { $0.category == .llm }
            let toolSpans = trace.filter { $0.category == .tool }
            #expect(llmSpans.count == conversation.script.count)
            #expect(toolSpans.count == conversation.scriptedToolCalls.count)
            #expect(trace.count == 1 + llmSpans.count + toolSpans.count)
            #expect(trace.allSatisfy { $0 == root || $0.parentSpanID == root.spanID })
            #expect(trace.allSatisfy { !$0.isUnfinished })
            #expect(trace.allSatisfy { $0.sessionID == conversation.sessionID && $0.userID == conversation.userID })
        }
    }

    @Test("model calls carry the chat messages and the token usage the model reported")
    func modelCalls() async throws {
        let demo = try await RecordedDemo.play()
        for outcome in demo.outcomes {
            let llmSpans = demo.trace(of: outcome.conversation.sessionID).filter { $0.category == .llm }
            #expect(llmSpans.count == outcome.usages.count)
            #expect(llmSpans.compactMap(\.tokenUsage) == outcome.usages)
            #expect(
                llmSpans.compactMap { $0.tokenUsage?.reasoningTokens }
                    == outcome.conversation.script.map(\.reasoningTokens)
            )
            for (index, span) in llmSpans.enumerated() {
                let usage = try #require(span.tokenUsage)
                #expect(usage.totalTokens == usage.promptTokens + usage.completionTokens)
                // The system prompt and question repeat on every later call, so a caching provider reuses them.
                #expect(index == 0 ? usage.cachedTokens == 0 : usage.cachedTokens > 0)
                #expect(usage.cachedTokens < usage.promptTokens)
                #expect(span.modelName == "gpt-4o-mini")
            }

            let firstInput = try #require(llmSpans.first?.input?.arrayValue)
            #expect(firstInput.map { $0["role"]?.stringValue } == ["system", "user"])
            // Every later call sends the previous answer (with its tool calls) and one tool message per call.
            let lastInput = try #require(llmSpans.last?.input?.arrayValue)
            let toolMessages = lastInput.filter { $0["role"]?.stringValue == "tool" }
            let callIDs = outcome.conversation.scriptedToolCalls.map { Optional($0.id) }
            #expect(toolMessages.map { $0["tool_call_id"]?.stringValue } == callIDs)
            let askedFor = lastInput.compactMap { $0["tool_calls"]?.arrayValue }.flatMap { $0 }
            #expect(askedFor.map { $0["id"]?.stringValue } == callIDs)
            #expect(llmSpans.last?.output?["content"]?.stringValue == outcome.answer)
        }
    }

    @Test("tool calls carry structured arguments and results; the failing one ends with an error the agent handles")
    func toolCalls() async throws {
        let demo = try await RecordedDemo.play()
        let failedIDs = demo.outcomes.flatMap(\.failedToolCalls)
        #expect(failedIDs.count == 1, "the demo has exactly one failing tool call")

        for outcome in demo.outcomes {
            let toolSpans = demo.trace(of: outcome.conversation.sessionID).filter { $0.category == .tool }
            let calls = outcome.conversation.scriptedToolCalls
            #expect(toolSpans.map(\.toolCallID) == calls.map { Optional($0.id) })
            #expect(toolSpans.map(\.name) == calls.map(\.name))
            #expect(toolSpans.map(\.input) == calls.map { Optional($0.arguments) })
            for span in toolSpans {
                if failedIDs.contains(span.toolCallID ?? "") {
                    guard case .error(let type, let message) = span.status else {
                        Issue.record("failed tool call \(span.toolCallID ?? "?") has status \(span.status)")
                        continue
                    }
                    #expect(type.hasSuffix("ToolError"))
                    #expect(message.contains("unavailable"))
                    #expect(span.output == nil)
                } else {
                    #expect(span.status == .ok)
                    #expect(span.output?.objectValue != nil)
                }
            }
            // The agent answered anyway: its root span ends OK.
            #expect(demo.trace(of: outcome.conversation.sessionID).first?.status == .ok)
        }
    }
}

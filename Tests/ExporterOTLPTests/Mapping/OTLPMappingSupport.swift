import ExporterRuntime
import ExporterRuntimeTesting
import Foundation

@testable import ExporterOTLP

/// Spans made from events and lookups into mapped OTLP spans, for the mapping tests.
enum OTLPMappingSupport {
    /// The spans a `SpanBuilder` makes of `events`, unfinished ones included.
    static func spans(from events: [AgentEvent]) async throws -> [Span] {
        var builder = SpanBuilder()
        var spans: [Span] = []
        for event in events {
            try await builder.process(event) { spans.append($0) }
        }
        try await builder.finish { spans.append($0) }
        return spans
    }

    /// The events emitted while `body` runs with a fresh hub bound.
    static func events(_ body: () async throws -> Void) async throws -> [AgentEvent] {
        let hub = EventHub()
        let collector = CollectingSubscriber()
        try hub.register("collector", collector)
        try await hub.bind(body)
        return collector.events
    }

    /// One agent run through the instrumentation API: an LLM call on chat messages with tool calls, streamed
    /// chunks and detailed token usage, a tool call, a mark, and a failing function.
    static func instrumentedRun() async throws -> [AgentEvent] {
        try await events {
            await Instrument.agent(
                "support-bot",
                input: "What is the weather in Paris?",
                sessionID: "session-1",
                userID: "user-7",
                metadata: ["team": "weather"],
                tags: ["demo", "otlp"]
            ) { _ in
                await Instrument.llm(
                    model: "gpt-4o",
                    provider: "openai",
                    messages: [
                        .system("Be brief."),
                        .user("What is the weather in Paris?"),
                        .assistant(
                            nil,
                            toolCalls: [ToolCall(id: "call-1", name: "weather", arguments: ["city": "Paris"])]
                        ),
                        .tool("sunny", toolCallID: "call-1"),
                    ]
                ) { call in
                    call.chunk("Sun")
                    call.chunk(["delta": "ny"])
                    call.finish(
                        message: .assistant(
                            "Sunny.",
                            toolCalls: [ToolCall(id: "call-2", name: "forecast", arguments: ["days": 2])]
                        ),
                        usage: TokenUsage(prompt: 30, completion: 12, cached: 10, reasoning: 4)
                    )
                }
                await Instrument.tool("forecast", toolCallID: "call-2", arguments: ["days": 2]) { scope in
                    scope.setOutput(["forecast": ["sun", "rain"]])
                }
                Instrument.mark("checkpoint", data: "half way")
                do {
                    try await Instrument.scope("lookup") { _ in throw MappingTestFailure() }
                } catch {}
            }
        }
    }
}

/// An error whose type name and message the mapping tests assert.
struct MappingTestFailure: Error, CustomStringConvertible {
    var description: String { "lookup failed" }
}

extension OTLPSpan {
    /// The value of the attribute `key`, or nil.
    func attribute(_ key: String) -> OTLPAttributeValue? {
        attributes.first { $0.key == key }.flatMap { OTLPAttributeValue($0.value) }
    }

    /// The attribute keys, in order.
    var attributeKeys: [String] { attributes.map(\.key) }
}

extension OTLPSpan.Event {
    /// The value of the attribute `key`, or nil.
    func attribute(_ key: String) -> OTLPAttributeValue? {
        attributes.first { $0.key == key }.flatMap { OTLPAttributeValue($0.value) }
    }
}

extension Collection where Element == OTLPSpan {
    /// The span named `name`.
    func named(_ name: String) -> OTLPSpan? {
        first { $0.name == name }
    }
}

extension OTLPMappingSupport {
    /// The spans of an OTLP/JSON body with one resource and one scope.
    static func jsonSpans(_ body: [UInt8]) throws -> [JSONValue] {
        let parsed = try JSONParser().parse(body)
        let resourceSpans = parsed["resourceSpans"]?.arrayValue?.first
        let scopeSpans = resourceSpans?["scopeSpans"]?.arrayValue?.first
        return scopeSpans?["spans"]?.arrayValue ?? []
    }
}

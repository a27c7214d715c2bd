import ExporterRuntime
import ExporterRuntimeTesting
import Testing

@Suite("JSONPayloadEncoder")
struct JSONPayloadEncoderTests {
    @Test("events as one JSON array: every event once, in order, parseable")
    func eventsAsArray() throws {
        let events = TestEvents.marks(count: 3)
        let payload = try #require(JSONPayloadEncoder<AgentEvent>(framing: .array).transform(events))
        #expect(payload.contentType == "application/json")
        #expect(payload.itemCount == 3)
        let parsed = try JSONValue(parsing: payload.body)
        let decoded = try (parsed.arrayValue ?? []).map { try TraceFormat.intermediateStep.decode($0) }
        #expect(decoded.map(\.name) == events.map(\.name))
    }

    @Test("spans as JSON lines: one object per line, newline-terminated")
    func spansAsLines() async throws {
        var spans: [Span] = []
        var builder = SpanBuilder()
        for event in TestEvents.run(turns: 1) {
            try await builder.process(event) { spans.append($0) }
        }
        #expect(!spans.isEmpty)
        let payload = try #require(JSONPayloadEncoder<Span>(framing: .lines).transform(spans))
        #expect(payload.contentType == "application/x-ndjson")
        let text = String(decoding: payload.body, as: UTF8.self)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == spans.count)
        for (line, span) in zip(lines, spans) {
            #expect(try JSONValue(parsing: String(line))["name"]?.stringValue == span.name)
        }
    }

    @Test("an empty batch sends nothing")
    func emptyBatch() {
        #expect(JSONPayloadEncoder<AgentEvent>(framing: .lines).transform([]) == nil)
    }
}

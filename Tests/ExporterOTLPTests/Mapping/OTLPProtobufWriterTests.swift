import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterOTLP

@Suite("OTLP protobuf writer: the same bytes as swift-protobuf")
struct OTLPProtobufWriterTests {
    /// Builders covering every resource attribute type and both mapper options.
    static let builders: [OTLPRequestBuilder] = [
        OTLPRequestBuilder(),
        OTLPRequestBuilder(
            project: "démo ✓",
            serviceName: "",
            resourceAttributes: [
                "int.max": .int(.max), "int.min": .int(.min), "int.negative": .int(-1), "zero": .int(0),
                "double": .double(-0.5), "double.zero": .double(0), "bool.true": .bool(true),
                "bool.false": .bool(false), "empty": .string(""), "": .string("empty key"),
                "tags": .stringArray(["a", "", "ünïcødé 🚀"]), "no.tags": .stringArray([]),
                "long": .string(String(repeating: "x", count: 300)),
            ],
            mapper: OTLPSpanMapper(options: .init(attributePrefix: "", toolkitAttributes: true))
        ),
        OTLPRequestBuilder(
            project: "demo",
            mapper: OTLPSpanMapper(options: .init(attributePrefix: "custom.prefix", toolkitAttributes: true))
        ),
    ]

    /// Events with edge-case values: unicode, empty strings, large and zero numbers, long payloads (length
    /// varints of 1, 2 and 3 bytes), metadata, tags, errors, marks and scopes that never end.
    static func edgeCaseEvents() -> [AgentEvent] {
        let start = TestEvents.defaultStart
        let long = String(repeating: "é", count: 10_000)
        func at(_ milliseconds: Int64) -> Timestamp {
            Timestamp(nanosecondsSinceEpoch: start.nanosecondsSinceEpoch + milliseconds * 1_000_000)
        }
        return [
            AgentEvent(
                uuid: "root",
                phase: .start,
                category: .agent,
                name: "",
                timestamp: at(0),
                input: "",
                metadata: ["ключ": "значение", "n": 1, "session_id": "s"],
                tags: ["", "タグ"]
            ),
            AgentEvent(
                uuid: "llm",
                parentUUID: "root",
                rootUUID: "root",
                phase: .start,
                category: .llm,
                name: "模型",
                timestamp: at(1),
                input: .string(long),
                modelName: "",
                framework: "langchain"
            ),
            AgentEvent(
                uuid: "llm",
                parentUUID: "root",
                rootUUID: "root",
                phase: .chunk,
                category: .llm,
                name: "模型",
                timestamp: at(2),
                chunk: ["delta": .string(long), "n": 9_007_199_254_740_993]
            ),
            AgentEvent(
                uuid: "mark",
                parentUUID: "llm",
                rootUUID: "root",
                phase: .mark,
                category: .custom("note"),
                name: "🚩",
                timestamp: at(3),
                metadata: ["k": ["nested": [1, 2.5, true, .null]]]
            ),
            AgentEvent(
                uuid: "llm",
                parentUUID: "root",
                rootUUID: "root",
                phase: .end,
                category: .llm,
                name: "模型",
                timestamp: at(4),
                startTimestamp: at(1),
                output: .string(String(repeating: "a", count: 200)),
                tokenUsage: TokenUsage(prompt: 1 << 40, completion: 0, cached: 3, reasoning: 1 << 20)
            ),
            AgentEvent(
                uuid: "tool",
                parentUUID: "root",
                rootUUID: "root",
                phase: .start,
                category: .tool,
                name: "",
                timestamp: at(5),
                input: ["args": [], "q": ""],
                toolCallID: ""
            ),
            AgentEvent(
                uuid: "tool",
                parentUUID: "root",
                rootUUID: "root",
                phase: .end,
                category: .tool,
                name: "",
                timestamp: at(6),
                startTimestamp: at(5),
                status: .error(type: "", message: "")
            ),
            AgentEvent(
                uuid: "retrieve",
                parentUUID: "root",
                rootUUID: "root",
                phase: .start,
                category: .retriever,
                name: "r",
                timestamp: at(7)
            ),
            AgentEvent(
                uuid: "retrieve",
                parentUUID: "root",
                rootUUID: "root",
                phase: .end,
                category: .retriever,
                name: "r",
                timestamp: at(8),
                startTimestamp: at(7),
                status: .error(type: "Timeout ⏱", message: String(repeating: "m", count: 130))
            ),
            // "root" never ends: an unfinished span.
        ]
    }

    static func expectSameBytes(_ spans: [Span], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for builder in builders {
            let expected: [UInt8] = try builder.request(for: spans).serializedBytes()
            let written = builder.protobufBytes(for: spans)
            #expect(written == expected, "\(spans.count) spans", sourceLocation: sourceLocation)
        }
    }

    @Test("canned runs: many turns, chunks and tools")
    func cannedRuns() async throws {
        for turns in [0, 1, 5] {
            let events = TestEvents.run(root: "run-\(turns)", turns: turns, chunksPerCall: turns)
            try Self.expectSameBytes(try await OTLPMappingSupport.spans(from: events))
        }
    }

    @Test("an instrumented run: chat messages, tool calls, token details, a mark and an error")
    func instrumentedRun() async throws {
        let spans = try await OTLPMappingSupport.spans(from: OTLPMappingSupport.instrumentedRun())
        try Self.expectSameBytes(spans)
        // Span by span as well, so that a mismatch points at its span.
        for span in spans { try Self.expectSameBytes([span]) }
    }

    @Test("edge cases: unicode, empty strings, large numbers, long values, errors, unfinished spans")
    func edgeCases() async throws {
        let spans = try await OTLPMappingSupport.spans(from: Self.edgeCaseEvents())
        #expect(spans.contains { $0.isUnfinished })
        try Self.expectSameBytes(spans)
        for span in spans { try Self.expectSameBytes([span]) }
    }

    @Test("an empty batch and a batch over 16 KiB")
    func sizes() async throws {
        try Self.expectSameBytes([])
        let spans = try await OTLPMappingSupport.spans(from: TestEvents.run(turns: 50, chunksPerCall: 3))
        let body = OTLPRequestBuilder().protobufBytes(for: spans)
        #expect(body.count > 16_384)
        try Self.expectSameBytes(spans)
    }

    @Test("the encoder's protobuf bodies are the writer's and decode to the request")
    func encoderUsesWriter() async throws {
        let spans = try await OTLPMappingSupport.spans(from: OTLPMappingSupport.instrumentedRun())
        let builder = OTLPRequestBuilder(project: "demo")
        let body = try OTLPTraceEncoding(encoding: .protobuf, builder: builder).encode(spans)
        #expect(body == builder.protobufBytes(for: spans))
        #expect(try OTLPTraceRequest(serializedBytes: body) == builder.request(for: spans))
    }

    @Test("varint sizes at every length boundary")
    func varints() {
        for shift in 0..<64 {
            for value: UInt64 in [(1 << UInt64(shift)) - 1, 1 << UInt64(shift)] {
                var writer = ProtobufWriter()
                writer.writeVarint(value)
                #expect(writer.bytes.count == ProtobufWriter.varintSize(value), "\(value)")
            }
        }
    }
}

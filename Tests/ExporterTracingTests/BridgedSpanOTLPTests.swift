import ExporterEvents
import ExporterTracing
import Foundation
import SwiftProtobuf
import Testing
import Tracing

@testable import ExporterOTLP

/// A library's span reaches OTLP with its own name, kind, attributes, events, links and status, and the agent's
/// spans inside it keep OpenInference's semantics.
@Suite("Bridged spans in OTLP", .serialized)
struct BridgedSpanOTLPTests {
    let tracer = RuntimeTracer()

    struct WeatherAPIDown: Error, CustomStringConvertible {
        var description: String { "weather-api answered 503" }
    }

    func recordedRun() async throws -> TracedRun {
        try await TracedRun.record {
            let earlier = tracer.startSpan("enqueue", ofKind: .producer)
            earlier.end()
            await tracer.withSpan("POST /chat", ofKind: .server) { server in
                server.attributes["http.request.method"] = "POST"
                server.attributes["http.response.status_code"] = 200
                server.attributes["server.duration_ratio"] = 0.5
                server.attributes["http.retried"] = false
                server.attributes["http.request.header.accept"] = ["application/json", "text/plain"]
                server.addLink(SpanLink(context: earlier.context, attributes: ["link.reason": "follows"]))
                server.addEvent(SpanEvent(name: "request.read", attributes: ["bytes": 42]))
                await Instrument.agent("weather_agent") { _ in
                    await Instrument.llm(model: "demo-model", messages: [.user("hi")]) { call in
                        call.finish(output: "hello", usage: TokenUsage(prompt: 7, completion: 2))
                    }
                }
                tracer.withSpan("GET weather-api", ofKind: .client) { client in
                    client.recordError(WeatherAPIDown())
                    client.setStatus(SpanStatus(code: .error, message: "upstream unavailable"))
                }
                server.setStatus(SpanStatus(code: .ok))
                server.setStatus(SpanStatus(code: .error, message: "ignored: OK is final"))
            }
        }
    }

    @Test("kind, attributes, events, links and status as the library set them")
    func librarySemantics() async throws {
        let run = try await recordedRun()
        let request = OTLPRequestBuilder().request(for: run.spans)
        let spans = try #require(request.resourceSpans.first?.scopeSpans.first?.spans)
        let server = try #require(spans.first { $0.name == "POST /chat" })
        let client = try #require(spans.first { $0.name == "GET weather-api" })
        let producer = try #require(spans.first { $0.name == "enqueue" })
        #expect(server.kind == .server)
        #expect(client.kind == .client)
        #expect(producer.kind == .producer)
        let attributes = Dictionary(
            uniqueKeysWithValues: server.attributes.map { ($0.key, OTLPAttributeValue($0.value)) }
        )
        #expect(
            attributes == [
                "http.request.method": .string("POST"),
                "http.response.status_code": .int(200),
                "server.duration_ratio": .double(0.5),
                "http.retried": .bool(false),
                "http.request.header.accept": .stringArray(["application/json", "text/plain"]),
            ]
        )
        #expect(server.events.map(\.name) == ["request.read"])
        #expect(server.events.first?.attributes.first?.value.intValue == 42)
        #expect(server.links.count == 1)
        #expect(server.links.first?.spanID == producer.spanID)
        #expect(server.links.first?.traceID == producer.traceID)
        #expect(server.links.first?.attributes.first?.key == "link.reason")
        #expect(server.status.code == .ok)
        #expect(client.status.code == .error)
        #expect(client.status.message == "upstream unavailable")
        let exception = try #require(client.events.first)
        #expect(exception.name == "exception")
        #expect(exception.attributes.map(\.key) == ["exception.type", "exception.message"])
        #expect(exception.attributes.last?.value.stringValue == "weather-api answered 503")
        // No OpenInference or runtime attributes on a library's span.
        #expect(!server.attributes.contains { $0.key.hasPrefix("openinference.") || $0.key.hasPrefix("nat.") })
    }

    @Test("agent spans inside a library span keep OpenInference's kinds and token counts")
    func agentSemantics() async throws {
        let run = try await recordedRun()
        let spans = try #require(
            OTLPRequestBuilder().request(for: run.spans).resourceSpans.first?.scopeSpans.first?.spans
        )
        let llm = try #require(spans.first { $0.name == "demo-model" })
        let server = try #require(spans.first { $0.name == "POST /chat" })
        let agent = try #require(spans.first { $0.name == "weather_agent" })
        let attributes = Dictionary(uniqueKeysWithValues: llm.attributes.map { ($0.key, OTLPAttributeValue($0.value)) })
        #expect(attributes["openinference.span.kind"] == .string("LLM"))
        #expect(attributes["llm.token_count.prompt"] == .int(7))
        #expect(attributes["llm.token_count.completion"] == .int(2))
        #expect(llm.kind == .client)
        #expect(agent.parentSpanID == server.spanID)
        #expect(llm.parentSpanID == agent.spanID)
    }

    @Test("the direct protobuf writer writes bridged spans byte for byte as swift-protobuf does")
    func protobufWriterMatchesReference() async throws {
        let run = try await recordedRun()
        let builder = OTLPRequestBuilder(project: "tracing")
        let reference: [UInt8] = try builder.request(for: run.spans).serializedBytes()
        #expect(builder.protobufBytes(for: run.spans) == reference)
    }
}

extension OTLPAnyValue {
    var intValue: Int64? {
        if case .intValue(let value) = value { return value }
        return nil
    }

    var stringValue: String? {
        if case .stringValue(let value) = value { return value }
        return nil
    }
}

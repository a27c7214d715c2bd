import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterOTLP

@Suite("OTLPExporter: the reference Python decoder accepts what is sent")
struct OTLPExporterReferenceDecoderTests {
    /// The body a run of `events` sends in `encoding`, as the loopback collector received it.
    private func receivedBody(of events: [AgentEvent], encoding: OTLPEncoding) async throws -> [UInt8] {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        var configuration = OTLPExporterConfiguration(endpoint: try #require(server.url(path: "/v1/traces")))
        configuration.project = "demo"
        configuration.encoding = encoding
        configuration.mapping.toolkitAttributes = true
        let manager = ExporterManager()
        manager.add(
            try OTLPExporterBlueprint(configuration: configuration, context: ExporterBuildContext(name: "otel")),
            name: "otel"
        )
        _ = try await manager.withRun { run in
            for event in events { run.hub.emit(event) }
        }
        await manager.close()
        #expect(server.requests.count == 1)
        return try #require(server.requests.first?.body)
    }

    @Test(
        "protobuf and OTLP/JSON bodies parse with opentelemetry-proto and decode to the same request",
        .enabled(if: OTLPReferenceDecoder.isAvailable, "set OTLP_DECODER to a Python with opentelemetry-proto")
    )
    func referenceDecoderAcceptsBothEncodings() async throws {
        let events = try await OTLPMappingSupport.instrumentedRun()
        let protobufBody = try await receivedBody(of: events, encoding: .protobuf)
        let protobuf = try await OTLPReferenceDecoder.decode(protobufBody, json: false)
        #expect(protobuf.status == 0, "\(protobuf.output)")
        let json = try await OTLPReferenceDecoder.decode(
            try await receivedBody(of: events, encoding: .json),
            json: true
        )
        #expect(json.status == 0, "\(json.output)")

        let decoded = try OTLPMappingSupport.jsonSpans(Array(protobuf.output.utf8))
        #expect(decoded.count == 4)
        #expect(Set(decoded.compactMap { $0["name"]?.stringValue }) == ["support-bot", "gpt-4o", "forecast", "lookup"])
        let llm = try #require(decoded.first { $0["name"]?.stringValue == "gpt-4o" })
        #expect(llm["kind"]?.intValue == 3)
        let keys = llm["attributes"]?.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
        #expect(keys.contains("llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments"))
        #expect(protobuf.output == json.output)
    }

    @Test(
        "a body that is not a request is refused by the reference decoder",
        .enabled(if: OTLPReferenceDecoder.isAvailable, "set OTLP_DECODER to a Python with opentelemetry-proto")
    )
    func referenceDecoderRefusesGarbage() async throws {
        let result = try await OTLPReferenceDecoder.decode(Array("not protobuf at all".utf8), json: false)
        #expect(result.status == 1)
    }
}

import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterOTLP

@Suite("OTLPMapping: requests, resource and the two encodings")
struct OTLPMappingEncodingTests {
    @Test("one resource with service, project, SDK and user attributes; one scope")
    func resourceAndScope() async throws {
        let builder = OTLPRequestBuilder(
            project: "demo",
            resourceAttributes: [
                "telemetry.sdk.language": .string("swift-6"), "deployment.environment": .string("prod"),
                "replicas": .int(2),
            ]
        )
        let spans = try await OTLPMappingSupport.spans(from: TestEvents.run(root: "r"))
        let request = builder.request(for: spans)
        #expect(request.resourceSpans.count == 1)
        let resourceSpans = try #require(request.resourceSpans.first)
        let attributes = resourceSpans.resource.attributes.map { ($0.key, OTLPAttributeValue($0.value)) }
        #expect(
            attributes.map(\.0) == [
                "service.name", "openinference.project.name", "telemetry.sdk.name", "telemetry.sdk.language",
                "telemetry.sdk.version", "deployment.environment", "replicas",
            ]
        )
        #expect(
            attributes.map(\.1) == [
                .string("demo"), .string("demo"), .string("exporter-scaffold"), .string("swift-6"),
                .string(OTLPRequestBuilder.version), .string("prod"), .int(2),
            ]
        )
        #expect(resourceSpans.scopeSpans.count == 1)
        #expect(resourceSpans.scopeSpans[0].scope.name == "exporter-scaffold")
        #expect(resourceSpans.scopeSpans[0].scope.version == OTLPRequestBuilder.version)
        #expect(resourceSpans.scopeSpans[0].spans.map(\.name) == spans.map(\.name))

        let anonymous = OTLPRequestBuilder()
        #expect(anonymous.resourceAttributes.first?.value == .string("unknown_service"))
        #expect(!anonymous.resourceAttributes.contains { $0.key == "openinference.project.name" })
    }

    @Test("protobuf and OTLP/JSON bodies of the same batch carry the same content")
    func encodingsAgree() async throws {
        let spans = try await OTLPMappingSupport.spans(from: OTLPMappingSupport.instrumentedRun())
        let builder = OTLPRequestBuilder(project: "demo")
        let protobuf = try OTLPTraceEncoding(encoding: .protobuf, builder: builder).encode(spans)
        let json = try OTLPTraceEncoding(encoding: .json, builder: builder).encode(spans)
        let decoded = try OTLPTraceRequest(serializedBytes: protobuf)
        #expect(decoded == builder.request(for: spans))
        #expect(OTLPJSONEncoder().encode(decoded) == json)

        let jsonSpans = try OTLPMappingSupport.jsonSpans(json)
        #expect(jsonSpans.count == spans.count)
        for (span, jsonSpan) in zip(spans, jsonSpans) {
            #expect(jsonSpan["traceId"]?.stringValue == span.traceID.description)
            #expect(jsonSpan["spanId"]?.stringValue == span.spanID.description)
            #expect(jsonSpan["parentSpanId"]?.stringValue == span.parentSpanID?.description)
            #expect(jsonSpan["startTimeUnixNano"]?.stringValue == String(span.start.nanosecondsSinceEpoch))
            #expect(jsonSpan["kind"]?.intValue == Int64(OTLPSpanMapper.spanKind(of: span.category).rawValue))
        }
    }

    @Test("the payload encoder makes one payload per batch and skips empty ones")
    func payloadEncoder() async throws {
        let spans = try await OTLPMappingSupport.spans(from: TestEvents.run(root: "p", turns: 2))
        var encoder = OTLPPayloadEncoder(encoding: OTLPTraceEncoding(encoding: .json))
        let payload = try #require(try encoder.transform(spans))
        #expect(payload.itemCount == spans.count)
        #expect(payload.contentType == "application/json")
        #expect(payload.body == (try OTLPTraceEncoding(encoding: .json).encode(spans)))
        #expect(try encoder.transform([]) == nil)
        #expect(encoder.statistics["payloads_encoded"] == 1)
        #expect(encoder.statistics["spans_encoded"] == Double(spans.count))
        #expect(encoder.statistics["bytes_encoded"] == Double(payload.body.count))
    }
}

import ExporterDiagnostics
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterOTLP

@Suite("OTLPTraceRequestSummary and HTTPExportSink.otlp")
struct OTLPTraceRequestSummaryTests {
    private func spans() async throws -> [Span] {
        var spans: [Span] = []
        var builder = SpanBuilder()
        for event in TestEvents.run(turns: 1) {
            try await builder.process(event) { spans.append($0) }
        }
        return spans
    }

    @Test(
        "both encodings read back to the same span names, resource attributes and OTLP/JSON",
        arguments: [OTLPEncoding.protobuf, .json]
    )
    func readsBack(encoding: OTLPEncoding) async throws {
        let spans = try await spans()
        let builder = OTLPRequestBuilder(project: "demo", resourceAttributes: ["team": .string("search")])
        let body = try OTLPTraceEncoding(encoding: encoding, builder: builder).encode(spans)
        let summary = try OTLPTraceRequestSummary(body: body, encoding: encoding)
        #expect(summary.spanNames == spans.map(\.name))
        #expect(summary.resourceAttributes["service.name"] == "demo")
        #expect(summary.resourceAttributes["openinference.project.name"] == "demo")
        #expect(summary.resourceAttributes["team"] == "search")
        let json = try OTLPTraceEncoding(encoding: .json, builder: builder).encode(spans)
        #expect(summary.json == String(decoding: json, as: UTF8.self))
    }

    @Test("a body that is no trace request is an OTLP004 error")
    func rejectsOtherBodies() {
        for (body, encoding) in [(Array("{}".utf8), OTLPEncoding.json), ([0xFF, 0xFF, 0xFF], .protobuf)] {
            #expect(throws: DiagnosticError.self) { try OTLPTraceRequestSummary(body: body, encoding: encoding) }
        }
    }

    @Test("the OTLP sink counts the spans a 200 response rejects, without retrying")
    func partialRejectionCounted() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(
            .status(
                200,
                headers: ["Content-Type": "application/json"],
                body: #"{"partialSuccess":{"rejectedSpans":"2","errorMessage":"too old"}}"#
            )
        )
        let sink = HTTPExportSink.otlp(
            configuration: HTTPExportSink.Configuration(endpoint: try #require(server.url(path: "/v1/traces"))),
            encoding: .json
        )
        try await sink.export(HTTPPayload(body: Array("{}".utf8), contentType: "application/json", itemCount: 5))
        #expect(server.requests.count == 1)
        #expect(sink.statistics.rejectedItems == 2)
        #expect(sink.statistics.succeeded == 1)
    }
}

import ExporterDiagnostics
import Foundation
import Testing

@testable import ExporterOTLP

@Suite("OTLP export response")
struct OTLPExportResponseTests {
    private func response(rejected: Int64, message: String) -> OTLPTraceResponse {
        var response = OTLPTraceResponse()
        response.partialSuccess.rejectedSpans = rejected
        response.partialSuccess.errorMessage = message
        return response
    }

    @Test("a protobuf partial success")
    func protobufPartialSuccess() throws {
        let body: [UInt8] = try response(rejected: 3, message: "span name too long").serializedBytes()
        let decoded = try OTLPExportResponse(body: body, encoding: .protobuf)
        #expect(decoded == OTLPExportResponse(rejectedSpans: 3, errorMessage: "span name too long"))
        #expect(!decoded.isFullSuccess)
    }

    @Test("empty bodies are full successes")
    func emptyBodies() throws {
        #expect(try OTLPExportResponse(body: [], encoding: .protobuf).isFullSuccess)
        #expect(try OTLPExportResponse(body: [], encoding: .json).isFullSuccess)
        #expect(try OTLPExportResponse(body: Array(" \r\n".utf8), encoding: .json).isFullSuccess)
        #expect(try OTLPExportResponse(body: Array("{}".utf8), encoding: .json).isFullSuccess)
    }

    @Test("JSON partial success with the count as a string or a number, unknown fields ignored")
    func jsonPartialSuccess() throws {
        let asString = #"{"partialSuccess":{"rejectedSpans":"2","errorMessage":"dropped"},"extra":1}"#
        #expect(
            try OTLPExportResponse(body: Array(asString.utf8), encoding: .json)
                == OTLPExportResponse(rejectedSpans: 2, errorMessage: "dropped")
        )
        let asNumber = #"{"partialSuccess":{"rejectedSpans":7}}"#
        #expect(try OTLPExportResponse(body: Array(asNumber.utf8), encoding: .json).rejectedSpans == 7)
        let warningOnly = #"{"partialSuccess":{"errorMessage":"deprecated attribute"}}"#
        let warning = try OTLPExportResponse(body: Array(warningOnly.utf8), encoding: .json)
        #expect(warning.rejectedSpans == 0)
        #expect(!warning.isFullSuccess)
    }

    @Test("a body that is not a response is a diagnostic, not a crash")
    func garbage() {
        let protobufError = #expect(throws: DiagnosticError.self) {
            try OTLPExportResponse(body: [0x0A, 0xFF, 0xFF], encoding: .protobuf)
        }
        #expect(protobufError?.diagnostics.first?.code == "OTLP001")
        #expect(protobufError?.diagnostics.first?.message.contains("3 bytes, application/x-protobuf") == true)
        let jsonError = #expect(throws: DiagnosticError.self) {
            try OTLPExportResponse(body: Array("<html>502</html>".utf8), encoding: .json)
        }
        #expect(jsonError?.diagnostics.first?.code == "OTLP002")
    }
}

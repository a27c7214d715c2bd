import ExporterDiagnostics
import SwiftProtobuf

extension OTLPExportResponse {
    /// Reads the body of a 200 response to an OTLP/HTTP traces export.
    ///
    /// An empty body (or, for JSON, one of only whitespace) reads as a full success: some collectors answer 200 with
    /// no body, and the spec's empty `ExportTraceServiceResponse` encodes to zero bytes in protobuf. Unknown JSON
    /// fields are ignored, as the spec requires of receivers.
    ///
    /// - Parameters:
    ///   - body: the response body.
    ///   - encoding: the encoding of the body, from its `Content-Type` (``OTLPEncoding/init(contentType:)``).
    /// - Throws: `DiagnosticError` with code `OTLP001` (protobuf) or `OTLP002` (JSON) when the body does not parse.
    public init(body: [UInt8], encoding: OTLPEncoding) throws(DiagnosticError) {
        let response: OTLPTraceResponse
        switch encoding {
        case .protobuf:
            do {
                response = try OTLPTraceResponse(serializedBytes: body)
            } catch {
                throw Self.undecodable(body, encoding: encoding, code: .otlpUndecodableProtobufResponse, reason: error)
            }
        case .json:
            if body.allSatisfy(Self.isJSONWhitespace) {
                response = OTLPTraceResponse()
            } else {
                do {
                    var options = JSONDecodingOptions()
                    options.ignoreUnknownFields = true
                    response = try OTLPTraceResponse(jsonUTF8Bytes: body, options: options)
                } catch {
                    throw Self.undecodable(body, encoding: encoding, code: .otlpUndecodableJSONResponse, reason: error)
                }
            }
        }
        self.init(response)
    }

    /// The partial success of a decoded response.
    package init(_ response: OTLPTraceResponse) {
        self.init(
            rejectedSpans: response.partialSuccess.rejectedSpans,
            errorMessage: response.partialSuccess.errorMessage
        )
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func undecodable(
        _ body: [UInt8],
        encoding: OTLPEncoding,
        code: DiagnosticCode,
        reason: any Error
    ) -> DiagnosticError {
        DiagnosticError(
            .error(
                code,
                "the collector's response (\(body.count) bytes, \(encoding.contentType)) is not an "
                    + "ExportTraceServiceResponse: \(reason)",
                hint: "check that the endpoint is an OTLP/HTTP traces receiver (path /v1/traces)"
            )
        )
    }
}

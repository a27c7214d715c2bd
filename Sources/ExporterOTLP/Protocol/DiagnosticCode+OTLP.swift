import ExporterDiagnostics

// OTLP/HTTP bodies this module cannot write or read: a collector's response, a batch too big for protobuf, a request
// that tests read back.
extension DiagnosticCode {
    /// Undecodable protobuf response: the body of a collector's 200 is not an `ExportTraceServiceResponse` in protobuf.
    public static let otlpUndecodableProtobufResponse = DiagnosticCode("OTLP001")

    /// Undecodable JSON response: the body of a collector's 200 is not an `ExportTraceServiceResponse` in OTLP/JSON.
    public static let otlpUndecodableJSONResponse = DiagnosticCode("OTLP002")

    /// Unencodable batch: a batch of spans cannot be encoded, for protobuf because it would exceed 2 GiB.
    public static let otlpUnencodableBatch = DiagnosticCode("OTLP003")

    /// Not a trace request: a body read with `OTLPTraceRequestSummary` is not an `ExportTraceServiceRequest`.
    public static let otlpNotATraceRequest = DiagnosticCode("OTLP004")
}

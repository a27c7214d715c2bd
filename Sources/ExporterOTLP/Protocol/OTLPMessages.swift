import SwiftProtobuf

// Short names for the generated OTLP messages, for use across the package. The generated types stay `package`:
// the public API of this module never exposes swift-protobuf types.

/// The body of an OTLP/HTTP `POST /v1/traces`.
package typealias OTLPTraceRequest = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
/// The body of a successful OTLP/HTTP traces response.
package typealias OTLPTraceResponse = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse
/// The spans of one resource.
package typealias OTLPResourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans
/// The spans of one instrumentation scope.
package typealias OTLPScopeSpans = Opentelemetry_Proto_Trace_V1_ScopeSpans
/// One span.
package typealias OTLPSpan = Opentelemetry_Proto_Trace_V1_Span
/// A span's status.
package typealias OTLPStatus = Opentelemetry_Proto_Trace_V1_Status
/// The entity that produced the telemetry.
package typealias OTLPResource = Opentelemetry_Proto_Resource_V1_Resource
/// The library that produced the spans.
package typealias OTLPInstrumentationScope = Opentelemetry_Proto_Common_V1_InstrumentationScope
/// One attribute.
package typealias OTLPKeyValue = Opentelemetry_Proto_Common_V1_KeyValue
/// An attribute value.
package typealias OTLPAnyValue = Opentelemetry_Proto_Common_V1_AnyValue

extension OTLPTraceRequest {
    /// The request as an OTLP/HTTP body in `encoding`.
    ///
    /// - Throws: swift-protobuf's `BinaryEncodingError` only for messages too large to encode (over 2 GiB).
    package func body(_ encoding: OTLPEncoding) throws -> [UInt8] {
        switch encoding {
        case .protobuf: try serializedBytes()
        case .json: OTLPJSONEncoder().encode(self)
        }
    }
}

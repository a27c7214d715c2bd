import ExporterRuntime
import Foundation

@testable import ExporterOTLP

/// Requests the tests encode: a small one whose exact encodings are spelled out, and a full one that uses every
/// AnyValue type, an event, a parent/child pair and an error status.
enum OTLPFixtures {
    static let traceID = Data((0x01...0x10).map { UInt8($0) })
    static let parentSpanID = Data([0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7])
    static let childSpanID = Data([0x00, 0x0F, 0xF0, 0xFF, 0x10, 0x20, 0x30, 0x40])

    static func attribute(_ key: String, _ value: OTLPAnyValue.OneOf_Value) -> OTLPKeyValue {
        var keyValue = OTLPKeyValue()
        keyValue.key = key
        keyValue.value.value = value
        return keyValue
    }

    static func anyValue(_ value: OTLPAnyValue.OneOf_Value) -> OTLPAnyValue {
        var anyValue = OTLPAnyValue()
        anyValue.value = value
        return anyValue
    }

    static func request(spans: [OTLPSpan], withResourceAndScope: Bool = true) -> OTLPTraceRequest {
        var scopeSpans = OTLPScopeSpans()
        scopeSpans.spans = spans
        var resourceSpans = OTLPResourceSpans()
        if withResourceAndScope {
            scopeSpans.scope.name = "exporter-scaffold"
            scopeSpans.scope.version = "0.1.0"
            resourceSpans.resource.attributes = [attribute("service.name", .stringValue("agent-demo"))]
        }
        resourceSpans.scopeSpans = [scopeSpans]
        var request = OTLPTraceRequest()
        request.resourceSpans = [resourceSpans]
        return request
    }

    /// One client span with a failed status and one integer attribute.
    static var smallRequest: OTLPTraceRequest {
        var span = OTLPSpan()
        span.traceID = traceID
        span.spanID = childSpanID
        span.parentSpanID = parentSpanID
        span.name = "llm"
        span.kind = .client
        span.startTimeUnixNano = 1_544_712_660_000_000_000
        span.endTimeUnixNano = 1_544_712_661_000_000_000
        span.attributes = [attribute("llm.token_count.total", .intValue(5))]
        span.status.code = .error
        span.status.message = "boom"
        return request(spans: [span], withResourceAndScope: false)
    }

    /// A parent agent span and a child tool span carrying every AnyValue type, an event and an error status.
    static var fullRequest: OTLPTraceRequest {
        var parent = OTLPSpan()
        parent.traceID = traceID
        parent.spanID = parentSpanID
        parent.name = "agent"
        parent.kind = .internal
        parent.startTimeUnixNano = 1_700_000_000_000_000_000
        parent.endTimeUnixNano = 1_700_000_002_000_000_000
        parent.status.code = .ok

        var nested = Opentelemetry_Proto_Common_V1_KeyValueList()
        nested.values = [attribute("inner", .boolValue(false)), attribute("count", .intValue(-3))]
        var array = Opentelemetry_Proto_Common_V1_ArrayValue()
        array.values = [anyValue(.stringValue("a")), anyValue(.intValue(2)), anyValue(.doubleValue(0.25))]

        var child = OTLPSpan()
        child.traceID = traceID
        child.spanID = childSpanID
        child.parentSpanID = parentSpanID
        child.name = "tool \"search\""
        child.kind = .client
        child.startTimeUnixNano = 1_700_000_000_500_000_000
        child.endTimeUnixNano = 1_700_000_001_500_000_000
        child.attributes = [
            attribute("tool.name", .stringValue("search")),
            attribute("retry", .boolValue(true)),
            attribute("attempts", .intValue(9_007_199_254_740_993)),
            attribute("score", .doubleValue(1.5)),
            attribute("tags", .arrayValue(array)),
            attribute("metadata", .kvlistValue(nested)),
            attribute("payload", .bytesValue(Data([0x00, 0xFF, 0x10]))),
        ]
        var event = OTLPSpan.Event()
        event.timeUnixNano = 1_700_000_001_000_000_000
        event.name = "exception"
        event.attributes = [attribute("exception.message", .stringValue("timed out\nafter 1 s"))]
        child.events = [event]
        child.status.code = .error
        child.status.message = "tool failed"
        return request(spans: [parent, child])
    }
}

extension ExporterRegistry {
    /// The built-in types and `otelcollector`, as `scaffold replay` loads workflows.
    static var withOTLP: ExporterRegistry {
        var registry = ExporterRegistry.builtIn
        registry.registerOTLP()
        return registry
    }
}

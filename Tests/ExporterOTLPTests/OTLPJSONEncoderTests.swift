import Foundation
import Testing

@testable import ExporterOTLP

@Suite("OTLP JSON encoder")
struct OTLPJSONEncoderTests {
    private func json(_ request: OTLPTraceRequest) -> String {
        String(decoding: OTLPJSONEncoder().encode(request), as: UTF8.self)
    }

    private func json(attribute value: OTLPAnyValue.OneOf_Value) -> String {
        var span = OTLPSpan()
        span.attributes = [OTLPFixtures.attribute("k", value)]
        let text = json(OTLPFixtures.request(spans: [span], withResourceAndScope: false))
        let prefix = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"k","value":"#
        let suffix = "}]}]}]}]}"
        guard text.hasPrefix(prefix), text.hasSuffix(suffix) else { return "unexpected: " + text }
        return String(text.dropFirst(prefix.count).dropLast(suffix.count))
    }

    @Test("hex ids, string 64-bit integers and integer enums")
    func smallRequestText() {
        let expected =
            #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"#
            + #""traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"000ff0ff10203040","#
            + #""parentSpanId":"a0a1a2a3a4a5a6a7","name":"llm","kind":3,"#
            + #""startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000","#
            + #""attributes":[{"key":"llm.token_count.total","value":{"intValue":"5"}}],"#
            + #""status":{"message":"boom","code":2}}]}]}]}"#
        #expect(json(OTLPFixtures.smallRequest) == expected)
    }

    @Test("every AnyValue type")
    func anyValues() {
        #expect(json(attribute: .stringValue("héllo")) == #"{"stringValue":"héllo"}"#)
        #expect(json(attribute: .boolValue(true)) == #"{"boolValue":true}"#)
        #expect(json(attribute: .intValue(-42)) == #"{"intValue":"-42"}"#)
        #expect(json(attribute: .intValue(.min)) == #"{"intValue":"-9223372036854775808"}"#)
        #expect(json(attribute: .doubleValue(1.5)) == #"{"doubleValue":1.5}"#)
        #expect(json(attribute: .bytesValue(Data([0x00, 0xFF, 0x10]))) == #"{"bytesValue":"AP8Q"}"#)
        var array = Opentelemetry_Proto_Common_V1_ArrayValue()
        array.values = [OTLPFixtures.anyValue(.stringValue("a")), OTLPFixtures.anyValue(.intValue(2))]
        #expect(
            json(attribute: .arrayValue(array))
                == #"{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"2"}]}}"#
        )
        var list = Opentelemetry_Proto_Common_V1_KeyValueList()
        list.values = [OTLPFixtures.attribute("inner", .boolValue(false))]
        #expect(
            json(attribute: .kvlistValue(list))
                == #"{"kvlistValue":{"values":[{"key":"inner","value":{"boolValue":false}}]}}"#
        )
    }

    @Test("a set oneof member is written even when it holds its default")
    func oneofDefaults() {
        #expect(json(attribute: .intValue(0)) == #"{"intValue":"0"}"#)
        #expect(json(attribute: .stringValue("")) == #"{"stringValue":""}"#)
        #expect(json(attribute: .boolValue(false)) == #"{"boolValue":false}"#)
        #expect(json(attribute: .arrayValue(.init())) == #"{"arrayValue":{}}"#)
    }

    @Test("doubles: shortest round-trip text, non-finite values as proto3 JSON strings")
    func doubles() {
        #expect(json(attribute: .doubleValue(0.1)) == #"{"doubleValue":0.1}"#)
        #expect(json(attribute: .doubleValue(-2)) == #"{"doubleValue":-2.0}"#)
        #expect(json(attribute: .doubleValue(.nan)) == #"{"doubleValue":"NaN"}"#)
        #expect(json(attribute: .doubleValue(.infinity)) == #"{"doubleValue":"Infinity"}"#)
        #expect(json(attribute: .doubleValue(-.infinity)) == #"{"doubleValue":"-Infinity"}"#)
    }

    @Test("strings escape quotes, backslashes and control characters")
    func escaping() {
        #expect(
            json(attribute: .stringValue("a\"b\\c\nd\re\tf\u{01}g\u{1F}"))
                == #"{"stringValue":"a\"b\\c\nd\re\tf\u0001g\u001f"}"#
        )
    }

    @Test("default fields are left out")
    func defaultsOmitted() {
        #expect(json(OTLPTraceRequest()) == "{}")
        #expect(
            json(OTLPFixtures.request(spans: [OTLPSpan()], withResourceAndScope: false))
                == #"{"resourceSpans":[{"scopeSpans":[{"spans":[{}]}]}]}"#
        )
        var span = OTLPSpan()
        span.status = OTLPStatus()
        span.kind = .unspecified
        span.flags = 0x100
        span.droppedAttributesCount = 2
        #expect(
            json(OTLPFixtures.request(spans: [span], withResourceAndScope: false))
                == #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"droppedAttributesCount":2,"status":{},"flags":256}]}]}]}"#
        )
    }

    @Test("the full request is valid JSON with the expected structure")
    func fullRequestStructure() throws {
        let body = OTLPJSONEncoder().encode(OTLPFixtures.fullRequest)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let resourceSpans = try #require((root["resourceSpans"] as? [[String: Any]])?.first)
        let resource = try #require(resourceSpans["resource"] as? [String: Any])
        #expect((resource["attributes"] as? [[String: Any]])?.first?["key"] as? String == "service.name")
        let scopeSpans = try #require((resourceSpans["scopeSpans"] as? [[String: Any]])?.first)
        let scope = try #require(scopeSpans["scope"] as? [String: Any])
        #expect(scope["name"] as? String == "exporter-scaffold")
        #expect(scope["version"] as? String == "0.1.0")
        let spans = try #require(scopeSpans["spans"] as? [[String: Any]])
        #expect(spans.count == 2)
        #expect(spans[0]["parentSpanId"] == nil)
        #expect(spans[0]["kind"] as? Int == 1)
        #expect((spans[0]["status"] as? [String: Any])?["code"] as? Int == 1)
        #expect(spans[1]["parentSpanId"] as? String == spans[0]["spanId"] as? String)
        #expect(spans[1]["name"] as? String == "tool \"search\"")
        let attributes = try #require(spans[1]["attributes"] as? [[String: Any]])
        #expect(
            attributes.compactMap { $0["key"] as? String }
                == ["tool.name", "retry", "attempts", "score", "tags", "metadata", "payload"]
        )
        let attempts = try #require(attributes[2]["value"] as? [String: Any])
        #expect(attempts["intValue"] as? String == "9007199254740993")
        let event = try #require((spans[1]["events"] as? [[String: Any]])?.first)
        #expect(event["timeUnixNano"] as? String == "1700000001000000000")
        let eventAttribute = try #require((event["attributes"] as? [[String: Any]])?.first)
        #expect((eventAttribute["value"] as? [String: Any])?["stringValue"] as? String == "timed out\nafter 1 s")
        let status = try #require(spans[1]["status"] as? [String: Any])
        #expect(status["code"] as? Int == 2)
        #expect(status["message"] as? String == "tool failed")
    }

    @Test("encoding into a buffer appends after what it holds")
    func appendsIntoBuffer() throws {
        var buffer = Array("prefix:".utf8)
        OTLPJSONEncoder().encode(OTLPTraceRequest(), into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "prefix:{}")
        #expect(try OTLPFixtures.smallRequest.body(.json) == OTLPJSONEncoder().encode(OTLPFixtures.smallRequest))
    }
}

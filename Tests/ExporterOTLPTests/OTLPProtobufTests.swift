import Foundation
import SwiftProtobuf
import Testing

@testable import ExporterOTLP

@Suite("OTLP protobuf")
struct OTLPProtobufTests {
    @Test("the full request survives a protobuf round trip")
    func roundTrip() throws {
        let request = OTLPFixtures.fullRequest
        let body = try request.body(.protobuf)
        let decoded = try OTLPTraceRequest(serializedBytes: body)
        #expect(decoded == request)
        let child = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans.last)
        #expect(child.parentSpanID == OTLPFixtures.parentSpanID)
        #expect(child.attributes.count == 7)
        #expect(child.events.first?.name == "exception")
        #expect(child.status.code == .error)
    }

    /// The expected bytes were produced by the reference Python package (`opentelemetry-proto` 1.45.2) from the same
    /// fields, so the generated code writes what other implementations read.
    @Test("the small request encodes to the bytes the reference implementation writes")
    func bytesMatchReference() throws {
        let expected =
            "0a6a126812660a100102030405060708090a0b0c0d0e0f101208000ff0ff102030402208a0a1a2a3a4a5a6a72a036c6c6d3003"
            + "39004859e3faeb6f15410012f41efbeb6f154a1b0a156c6c6d2e746f6b656e5f636f756e742e746f74616c120218057a0812"
            + "04626f6f6d1802"
        let body = try OTLPFixtures.smallRequest.body(.protobuf)
        #expect(body.map { String(format: "%02x", $0) }.joined() == expected)
    }

    @Test("content types of the two encodings")
    func contentTypes() {
        #expect(OTLPEncoding.protobuf.contentType == "application/x-protobuf")
        #expect(OTLPEncoding.json.contentType == "application/json")
        #expect(OTLPEncoding(contentType: "application/x-protobuf") == .protobuf)
        #expect(OTLPEncoding(contentType: " Application/JSON ; charset=utf-8") == .json)
        #expect(OTLPEncoding(contentType: "text/plain") == nil)
        #expect(OTLPEncoding(contentType: "") == nil)
    }
}

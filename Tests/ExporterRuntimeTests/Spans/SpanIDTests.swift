import ExporterRuntime
import Testing

@testable import ExporterEvents

@Suite struct SpanIDTests {
    @Test func uuidGivesItsOwnBytes() {
        let uuid = "0b7c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b"
        #expect(TraceID(deriving: uuid).description == "0b7c1e2a3f4d4e5f8a9b0c1d2e3f4a5b")
        #expect(SpanID(deriving: uuid).description == "8a9b0c1d2e3f4a5b")
    }

    @Test func uppercaseAndUnhyphenatedUUIDsDeriveTheSameIDs() {
        let expected = TraceID(deriving: "0b7c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b")
        #expect(TraceID(deriving: "0B7C1E2A-3F4D-4E5F-8A9B-0C1D2E3F4A5B") == expected)
        #expect(TraceID(deriving: "0b7c1e2a3f4d4e5f8a9b0c1d2e3f4a5b") == expected)
    }

    @Test func nonUUIDStringsHashStably() {
        // FNV-1a 64 from the two documented bases, each through the SplitMix64 finalizer.
        #expect(TraceID(deriving: "run-42").description == "3f3e02385c794710bb7bc454195dd7c8")
        #expect(SpanID(deriving: "run-42").description == "bb7bc454195dd7c8")
        #expect(TraceID(deriving: "").description == "f52a15e9a9b5e89be9d327596b869820")
        #expect(TraceID(deriving: "run-43") != TraceID(deriving: "run-42"))
    }

    @Test func malformedUUIDsAreHashedNotMisread() {
        // Right length, hyphen in the wrong place: not a UUID.
        let misplaced = "0b7c1e2a3-f4d-4e5f-8a9b-0c1d2e3f4a5b"
        #expect(TraceID(deriving: misplaced).description != "0b7c1e2a3f4d4e5f8a9b0c1d2e3f4a5b")
        #expect(TraceID(deriving: "0b7c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5g").isValid)
    }

    @Test func uuidsThatWouldGiveInvalidIDsAreHashed() {
        let nilUUID = "00000000-0000-0000-0000-000000000000"
        #expect(TraceID(deriving: nilUUID).isValid)
        #expect(SpanID(deriving: nilUUID).isValid)
        #expect(SpanID(deriving: "12345678-0000-0000-0000-000000000000").isValid)
    }

    @Test func hexRoundTripsAndBytesAreBigEndian() throws {
        let trace = try #require(TraceID(hex: "0B7C1E2A3F4D4E5F8A9B0C1D2E3F4A5B"))
        #expect(trace.high == 0x0b7c_1e2a_3f4d_4e5f)
        #expect(trace.bytes.count == 16)
        #expect(trace.bytes.first == 0x0b && trace.bytes.last == 0x5b)
        let span = try #require(SpanID(hex: "00000000000000ff"))
        #expect(span.value == 255)
        #expect(span.bytes == [0, 0, 0, 0, 0, 0, 0, 0xff])
        #expect(span.description == "00000000000000ff")
        #expect(SpanID(hex: "xyz") == nil)
        #expect(TraceID(hex: "0b7c1e2a") == nil)
    }

    @Test func generatedUUIDsAreCanonicalVersion4() {
        let uuid = Instrument.newUUID()
        #expect(uuid.count == 36)
        let parsed = ScopeIdentity.parse(uuid)
        #expect(parsed != nil)
        #expect(uuid == uuid.lowercased())
        let characters = Array(uuid)
        #expect(characters[14] == "4")
        #expect("89ab".contains(characters[19]))
        #expect(Set((0..<1000).map { _ in Instrument.newUUID() }).count == 1000)
    }
}

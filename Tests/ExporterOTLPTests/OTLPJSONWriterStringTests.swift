import ExporterEvents
import Testing

@testable import ExporterOTLP

/// OTLP/JSON strings go through the runtime's one JSON string rule, so they escape exactly as `JSONWriter` does.
@Suite("OTLP/JSON strings")
struct OTLPJSONWriterStringTests {
    @Test(arguments: [
        "plain", "a\"b\\c", "\n\r\t", "\u{0}\u{8}\u{C}\u{1F}", "\u{7F}\u{85}\u{2028}\u{2029}", "e\u{301} 👩‍👩‍👧‍👦",
        String(repeating: "long text with a \" in it ", count: 8),
    ])
    func stringsMatchJSONWriter(text: String) {
        var writer = OTLPJSONWriter()
        writer.string(text)
        var expected: [UInt8] = []
        JSONWriter.writeString(text, to: &expected)
        #expect(writer.bytes == expected)
    }
}

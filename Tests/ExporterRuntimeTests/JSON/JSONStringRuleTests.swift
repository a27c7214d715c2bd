import ExporterRuntime
import Foundation
import Testing

/// Strings that break naive quoting in JSON, YAML or Swift source.
private let hostileStrings: [String] = [
    "", "plain", "\"", "\\", "\\\"", "\"\"\"", "\\(1 + 1)", "\\(", "#\"raw\"#", "line\nbreak", "cr\rlf\r\n", "\ttab",
    "nul\u{0}byte", "\u{1}\u{8}\u{C}\u{1B}[31m\u{1F}", "del\u{7F}", "c1\u{80}\u{9F}", "\u{85}next line",
    "line\u{2028}sep\u{2029}para", "\u{FEFF}bom", "\u{FFFE}\u{FFFF}", "👩‍👩‍👧‍👦 🇨🇭", "e\u{301}", "\u{301}leading mark",
    "שלום \u{202E}override\u{202C}", "</script><!--", "\u{10FFFF}\u{E000}", "a\u{A0}b", "key: value # comment",
]

/// The one JSON string rule (`JSONWriter.writeString` / `quoted`), shared by the runtime, OTLP/JSON and the generator.
@Suite("JSON string rule")
struct JSONStringRuleTests {
    @Test(
        "every hostile string reads back exactly, through our parser and through Foundation's",
        arguments: hostileStrings
    )
    func roundTrips(text: String) throws {
        let quoted = JSONWriter.quoted(text)
        var bytes: [UInt8] = []
        JSONWriter.writeString(text, to: &bytes)
        #expect(Array(quoted.utf8) == bytes)

        // Compared as scalars: `==` on String would accept a canonically equivalent (normalised) result.
        let ours = try JSONParser().parse(quoted)
        #expect(ours.stringValue.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
        // JSONDecoder rather than JSONSerialization, which drops a U+FEFF at the start of a string on Linux.
        let foundation = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
        #expect(Array(foundation.unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test("only what RFC 8259 requires is escaped, as Python's json.dumps(ensure_ascii=False) writes it")
    func rule() {
        #expect(JSONWriter.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONWriter.quoted("\n\r\t\u{8}\u{C}\u{0}\u{1F}") == #""\n\r\t\b\f\u0000\u001f""#)
        // DEL, NEL, the Unicode line separators and `/` stay raw: JSON does not require escaping them.
        #expect(JSONWriter.quoted("\u{7F}\u{85}\u{2028}\u{2029}/é") == "\"\u{7F}\u{85}\u{2028}\u{2029}/é\"")
    }
}

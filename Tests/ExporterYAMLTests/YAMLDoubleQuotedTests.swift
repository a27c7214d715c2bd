import ExporterYAML
import Foundation
import Testing

/// Strings that break naive quoting in YAML, JSON or Swift source.
private let hostileStrings: [String] = [
    "", "plain", "\"", "\\", "\\\"", "\"\"\"", "\\(1 + 1)", "\\(", "#\"raw\"#", "line\nbreak", "cr\rlf\r\n", "\ttab",
    "nul\u{0}byte", "\u{1}\u{8}\u{C}\u{1B}[31m\u{1F}", "del\u{7F}", "c1\u{80}\u{9F}", "\u{85}next line",
    "line\u{2028}sep\u{2029}para", "\u{FEFF}bom", "\u{FFFE}\u{FFFF}", "👩‍👩‍👧‍👦 🇨🇭", "e\u{301}", "\u{301}leading mark",
    "שלום \u{202E}override\u{202C}", "\u{10FFFF}\u{E000}", "a\u{A0}b", "key: value # comment", "- item",
    "&anchor *alias",
    "!!int 42", "${HOME}", "  padded  ", "yes", "~", "'single'",
]

/// The one YAML string writer, `YAMLScalar.doubleQuoted(_:)`, shared by the generator and the CLI.
@Suite("YAML double-quoted scalars")
struct YAMLDoubleQuotedTests {
    @Test("every hostile string reads back exactly as a value and as a key", arguments: hostileStrings)
    func roundTrips(text: String) throws {
        let quoted = YAMLScalar.doubleQuoted(text)
        let document = "value: \(quoted)\n\(quoted): key\n"
        let root = try #require(try YAMLParser.parse(document, file: "test.yaml"))
        // Compared as scalars: `==` on String would accept a canonically equivalent (normalised) result.
        #expect(root["value"]?.stringValue.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
        #expect(root[text]?.stringValue == "key")
    }

    @Test("the output is also a JSON string with the same value", arguments: hostileStrings)
    func isJSON(text: String) throws {
        let quoted = YAMLScalar.doubleQuoted(text)
        let parsed = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed)
        #expect((parsed as? String).map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
    }

    /// Why the rule escapes more than JSON does: libyaml does not read these back as written when they are raw.
    @Test(
        "raw, the scalars the rule escapes are refused or read as line breaks",
        arguments: ["\u{85}", "\u{2028}", "\u{2029}", "\u{7F}", "\u{80}"]
    )
    func rawWouldNotReadBack(scalar: String) {
        let value = try? YAMLParser.parse("value: \"a \(scalar) b\"\n", file: "test.yaml")?["value"]?.stringValue
        #expect(value.map { Array($0.unicodeScalars) } != Array("a \(scalar) b".unicodeScalars))
    }

    @Test("the rule: short escapes, \\u for what libyaml refuses or folds, everything else as written")
    func rule() {
        #expect(YAMLScalar.doubleQuoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(YAMLScalar.doubleQuoted("\t\n\r\u{0}\u{1F}") == #""\t\n\r\u0000\u001f""#)
        #expect(YAMLScalar.doubleQuoted("\u{7F}\u{80}\u{85}\u{9F}") == #""\u007f\u0080\u0085\u009f""#)
        #expect(YAMLScalar.doubleQuoted("\u{2028}\u{2029}\u{FEFF}\u{FFFE}") == #""\u2028\u2029\ufeff\ufffe""#)
        #expect(YAMLScalar.doubleQuoted("é\u{A0}🙂 #: '") == "\"é\u{A0}🙂 #: '\"")
    }
}

import Testing

@testable import ScaffoldGenerator

/// Strings that break naive literal rendering.
let nastyStrings: [String] = [
    "", "plain", "\"", "\\", "\\\"", "\"\"\"", "\"\"\"\n\"\"\"", "\\(1 + 1)", "\\(", "#\"raw\"#", "##", "#\"\\(x)\"#",
    "line\nbreak", "cr\rlf\r\n", "\ttab", "nul\u{0}byte", "\u{1}\u{1F}\u{7F}", "bell\u{7}", "e\u{301}",
    "\u{301}leading mark",
    "שלום עולם", "\u{202E}override\u{202C}", "👩‍👩‍👧‍👦", "🇨🇭", "line\u{2028}sep\u{2029}para", "zero\u{200B}width",
    "\u{FEFF}bom", "*/ /* // ///", "${api_key}", "'single' `back`", "\u{10FFFF}\u{E000}", "\u{85}next line", "a\u{A0}b",
]

@Suite("SwiftLiteral")
struct SwiftLiteralTests {
    @Test func stringEscapesWhatMatters() {
        #expect(SwiftLiteral.string("a\"b\\c") == #""a\"b\\c""#)
        #expect(SwiftLiteral.string("\\(x)") == #""\\(x)""#)
        #expect(SwiftLiteral.string("x\u{0}\n\u{2028}") == #""x\0\n\u{2028}""#)
        #expect(SwiftLiteral.string("é🙂") == "\"é🙂\"")
    }

    @Test func stringsStayOnOneLineAndInsideTheQuotes() {
        for text in nastyStrings {
            let literal = SwiftLiteral.string(text)
            #expect(
                !literal.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0.value == 0x2028 || $0.value == 0x85 }
            )
            #expect(literal.hasPrefix("\"") && literal.hasSuffix("\""))
        }
    }

    @Test func commentsCannotBreakOut() {
        #expect(SwiftLiteral.comment("one\ntwo\r\nthree\u{2028}four */") == "/// one\n/// two\n/// three\n/// four */")
        #expect(SwiftLiteral.comment("", indent: "    ") == "    ///")
        #expect(SwiftLiteral.comment("a\u{0}b\tc") == "/// ab c")
    }

    @Test func otherLiterals() {
        #expect(SwiftLiteral.int(-42) == "-42")
        #expect(SwiftLiteral.double(0.5) == "0.5")
        #expect(SwiftLiteral.double(5) == "5.0")
        #expect(SwiftLiteral.double(.infinity) == nil)
        #expect(SwiftLiteral.bool(true) == "true")
        #expect(SwiftLiteral.duration(nanoseconds: 5_000_000_000) == ".seconds(5)")
        #expect(SwiftLiteral.duration(nanoseconds: 250_000_000) == ".milliseconds(250)")
        #expect(SwiftLiteral.duration(nanoseconds: 1_500) == ".nanoseconds(1500)")
        #expect(SwiftLiteral.array(["1", "2"]) == "[1, 2]")
        #expect(SwiftLiteral.dictionary([:]) == "[:]")
        #expect(SwiftLiteral.dictionary(["b": "2", "a": "\""]) == #"["a": "\"", "b": "2"]"#)
    }
}

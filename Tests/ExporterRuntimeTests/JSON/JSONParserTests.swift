import ExporterDiagnostics
import ExporterRuntime
import Testing

@testable import ExporterEvents

@Suite("JSONParser")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser().parse(text) }

    private func failure(_ text: String, maximumDepth: Int = 512) -> Diagnostic? {
        TraceFixtures.diagnostic { () throws(DiagnosticError) in
            _ = try JSONParser(maximumDepth: maximumDepth).parse(text)
        }
    }

    @Test func scalarsAndNumbers() throws {
        #expect(try parse("null") == .null)
        #expect(try parse(" true ") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse("0") == .int(0))
        #expect(try parse("-0") == .int(0))
        #expect(try parse("42") == .int(42))
        #expect(try parse("-9223372036854775808") == .int(.min))
        #expect(try parse("9223372036854775807") == .int(.max))
        #expect(try parse("9223372036854775808") == .largeInteger("9223372036854775808"))
        #expect(try parse("-9223372036854775809") == .largeInteger("-9223372036854775809"))
        #expect(try parse("99999999999999999999") == .largeInteger("99999999999999999999"))
        #expect(try parse("99999999999999999999").doubleValue == 1e20)
        #expect(try parse("99999999999999999999").intValue == nil)
        #expect(try parse("99999999999999999999.0") == .double(1e20))
        #expect(try parse("99999999999999999999e0") == .double(1e20))
        #expect(try parse("1.0") == .double(1))
        #expect(try parse("1760000001.25") == .double(1_760_000_001.25))
        #expect(try parse("1e3") == .double(1000))
        #expect(try parse("1E+20") == .double(1e20))
        #expect(try parse("-2.5e-3") == .double(-0.0025))
        #expect(try parse("0.1") == .double(0.1))
        #expect(try parse("123456789012345678901234567890") == .largeInteger("123456789012345678901234567890"))
        #expect(try parse("123456789012345678901234567890.5") == .double(1.2345678901234568e29))
        #expect(try parse("2.2250738585072014e-308") == .double(2.2250738585072014e-308))
        #expect(try parse("1e400") == .double(.infinity))
    }

    @Test func pythonNonFiniteNumbers() throws {
        guard case .double(let nan) = try parse("NaN") else { Issue.record("NaN is not a double"); return }
        #expect(nan.isNaN)
        #expect(try parse("Infinity") == .double(.infinity))
        #expect(try parse("[-Infinity]") == .array([.double(-.infinity)]))
    }

    @Test func stringsAndEscapes() throws {
        #expect(try parse(#""plain""#) == "plain")
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u00e9\u20AC""#) == "é€")
        #expect(try parse(#""\ud83d\ude00""#) == "😀")
        #expect(try parse("\"naïve 😀 日本\"") == "naïve 😀 日本")
        // Lone surrogates become U+FFFD (a String cannot hold them; see JSONParser); a following escape is kept.
        #expect(try parse(#""x\ud800y""#) == "x\u{FFFD}y")
        #expect(try parse(#""\udc00""#) == "\u{FFFD}")
        #expect(try parse(#""\ud800\u0041""#) == "\u{FFFD}A")
    }

    @Test func containersKeepOrderAndLastDuplicateWins() throws {
        let value = try parse(#"{"b":1,"a":[1,2,{"c":null}],"b":2}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == 2)
        #expect(object["a"] == [1, 2, ["c": .null]])
        #expect(try parse("[]") == .array([]))
        #expect(try parse("{ }") == .object([:]))
    }

    @Test func errorPositions() throws {
        let cases: [(String, String, Int, Int)] = [
            ("", "JSON001", 1, 1),
            ("[1, 2", "JSON001", 1, 6),
            ("{\"a\": tru}", "JSON002", 1, 10),
            ("[1,\n  @]", "JSON002", 2, 3),
            ("01", "JSON003", 1, 1),
            ("1.", "JSON001", 1, 3),
            ("1.e5", "JSON003", 1, 3),
            ("-x", "JSON003", 1, 2),
            (#""bad \q""#, "JSON004", 1, 6),
            (#""\u12G4""#, "JSON004", 1, 2),
            ("\"tab\there\"", "JSON005", 1, 5),
            ("{\"a\" 1}", "JSON009", 1, 6),
            ("{\"a\":1 \"b\":2}", "JSON009", 1, 8),
            ("[1 2]", "JSON009", 1, 4),
            ("{1:2}", "JSON009", 1, 2),
            ("{} x", "JSON008", 1, 4),
            ("\"é\" ]", "JSON008", 1, 5),
        ]
        for (text, code, line, column) in cases {
            let diagnostic = try #require(failure(text), "no error for \(text)")
            #expect(diagnostic.code.rawValue == code, "\(text): \(diagnostic)")
            #expect(diagnostic.location?.line == line, "\(text): \(diagnostic)")
            #expect(diagnostic.location?.column == column, "\(text): \(diagnostic)")
        }
    }

    @Test func invalidUTF8IsRejectedAtTheBadByte() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        let diagnostic = try #require(
            TraceFixtures.diagnostic { () throws(DiagnosticError) in _ = try JSONParser().parse(bytes) }
        )
        #expect(diagnostic.code == "JSON006")
        #expect(diagnostic.location?.column == 4)
        let overlong: [UInt8] = [0x22, 0xC0, 0xAF, 0x22]
        #expect(
            TraceFixtures.diagnostic { () throws(DiagnosticError) in _ = try JSONParser().parse(overlong) }?.code
                == "JSON006"
        )
        let surrogate: [UInt8] = [0x22, 0xED, 0xA0, 0x80, 0x22]
        #expect(
            TraceFixtures.diagnostic { () throws(DiagnosticError) in _ = try JSONParser().parse(surrogate) }?.code
                == "JSON006"
        )
    }

    @Test func depthLimit() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let diagnostic = try #require(failure(deep))
        #expect(diagnostic.code == "JSON007")
        #expect(diagnostic.location?.column == 513)
        let fine = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(failure(fine) == nil)
        #expect(failure("[[[]]]", maximumDepth: 2)?.code == "JSON007")
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[]":,.-+eE0123456789tfnulrsaINy\ "#.utf8) + [0xC3, 0xA9, 0xFF, 0x0A]
        var failures = 0
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            do {
                let value = try JSONParser().parse(bytes)
                // Whatever parses must write back to JSON that parses to the same value.
                #expect(try JSONParser().parse(value.jsonBytes) == value || value.jsonString.contains("NaN"))
            } catch {
                failures += 1
                #expect(error.diagnostics.allSatisfy { $0.code.rawValue.hasPrefix("JSON") && $0.location != nil })
            }
        }
        #expect(failures > 0)
    }
}

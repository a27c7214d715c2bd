import ExporterRuntime
import Testing

@testable import ExporterEvents

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test func escapesQuotesBackslashesAndControls() {
        let value: JSONValue = .string("a\"b\\c\n\r\t\u{8}\u{C}\u{1}\u{1F}/é😀")
        #expect(value.jsonString == #""a\"b\\c\n\r\t\b\f\u0001\u001f/é😀""#)
    }

    /// The writer skips clean text eight bytes at a time; every byte that needs an escape must still be found, at
    /// every position of a word, next to multi-byte UTF-8 and bytes just above and below the escape boundaries.
    @Test(arguments: [UInt8(0x00), 0x01, 0x0A, 0x1F, 0x22, 0x5C])
    func escapesEveryPositionOfLongText(special: UInt8) {
        let fillers: [[UInt8]] = [Array("abcdefghijklmnopqrstuvwx".utf8), Array("é😀 !#[]~\u{7F}".utf8)]
        for filler in fillers {
            for length in 1...filler.count {
                for position in 0..<length {
                    var bytes = Array(filler.prefix(length))
                    bytes[position] = special
                    let text = String(decoding: bytes, as: UTF8.self)
                    var written: [UInt8] = []
                    JSONWriter.writeString(text, to: &written)
                    #expect(written == Self.referenceEscaped(Array(text.utf8)), "\(bytes)")
                }
            }
        }
    }

    /// Byte-by-byte JSON escaping, the writer's behaviour without its shortcuts.
    static func referenceEscaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in bytes {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case ..<0x20: out += Array("\\u00".utf8) + Array(String(format2: byte).utf8)
            default: out.append(byte)
            }
        }
        return out + [0x22]
    }

    @Test func numbers() {
        let cases: [(JSONValue, String)] = [
            (.int(0), "0"), (.int(-7), "-7"), (.int(.min), "-9223372036854775808"), (.int(.max), "9223372036854775807"),
            (.double(5), "5.0"), (.double(-0.0), "-0.0"), (.double(1_760_000_001.25), "1760000001.25"),
            (.double(1e20), "1e+20"), (.double(1e-5), "1e-05"), (.double(0.1 + 0.2), "0.30000000000000004"),
            (.double(.nan), "NaN"), (.double(.infinity), "Infinity"), (.double(-.infinity), "-Infinity"),
        ]
        for (value, text) in cases { #expect(value.jsonString == text) }
    }

    @Test func integersBeyondInt64KeepTheirDigits() throws {
        for text in [
            "99999999999999999999", "-18446744073709551617", "9223372036854775808",
            "1" + String(repeating: "0", count: 60),
        ] {
            let value = try JSONParser().parse(text)
            #expect(value == .largeInteger(text))
            #expect(value.jsonString == text)
            let nested = try JSONParser().parse(#"{"n":[\#(text)]}"#)
            #expect(nested.jsonString == #"{"n":[\#(text)]}"#)
        }
        // Digits built by hand that are not a JSON integer still give valid JSON.
        #expect(JSONValue.largeInteger("007").jsonString == "7.0")
        #expect(JSONValue.largeInteger("1.5").jsonString == "1.5")
        #expect(JSONValue.largeInteger("-").jsonString == "null")
        #expect(JSONValue.largeInteger("").jsonString == "null")
        #expect(JSONValue.largeInteger("0").jsonString == "0")
    }

    @Test func doublesReadBackAsTheSameDoubles() throws {
        for number in [
            5.0, 1e20, 1e-5, 0.1, 1_760_000_001.123456, 123456789.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ] {
            #expect(try JSONParser().parse(JSONValue.double(number).jsonBytes) == .double(number))
        }
    }

    @Test func objectsKeepOrderCompactly() throws {
        let value: JSONValue = ["z": 1, "a": [true, .null, "x"], "m": ["k": 1.5]]
        #expect(value.jsonString == #"{"z":1,"a":[true,null,"x"],"m":{"k":1.5}}"#)
        #expect(try JSONParser().parse(value.jsonBytes) == value)
    }

    @Test func primitivesStreamWithoutATree() {
        var buffer: [UInt8] = []
        JSONWriter.writeRaw("{", to: &buffer)
        JSONWriter.writeKey("name\"", to: &buffer)
        JSONWriter.writeString("v", to: &buffer)
        JSONWriter.writeRaw(",", to: &buffer)
        JSONWriter.writeKey("n", to: &buffer)
        JSONWriter.writeInt(12, to: &buffer)
        JSONWriter.writeRaw(",\"d\":", to: &buffer)
        JSONWriter.writeDouble(2.5, to: &buffer)
        JSONWriter.writeRaw(",\"s\":", to: &buffer)
        JSONWriter.writeString(nil as String?, to: &buffer)
        JSONWriter.writeRaw("}", to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"{"name\"":"v","n":12,"d":2.5,"s":null}"#)
    }
}

@Suite("JSONWriter doubles")
struct JSONWriterDoubleTests {
    @Test func fastPathMatchesShortestRoundTripText() throws {
        var generator = SystemRandomNumberGenerator()
        var samples: [Double] = [
            1e-4, 0.5, 1.5, 100, 123.456, 1_760_000_000.1289062, 9_007_199_254_740_991, 1e15, 0.1 + 0.2,
        ]
        for _ in 0..<20_000 {
            let exponent = Double(Int.random(in: -5...16, using: &generator))
            let raw = Double.random(in: -1...1, using: &generator) * pow10(exponent)
            samples.append(raw)
            // Short decimals like timestamps with microseconds.
            samples.append((raw * 1_000_000).rounded() / 1_000_000)
        }
        for value in samples {
            var buffer: [UInt8] = []
            JSONWriter.writeDouble(value, to: &buffer)
            let text = String(decoding: buffer, as: UTF8.self)
            #expect(text.count <= value.description.count, "\(value): \(text) vs \(value.description)")
            #expect(try JSONParser().parse(buffer) == .double(value), "\(value): \(text)")
        }
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent.magnitude) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

extension String {
    /// Two lowercase hex digits.
    fileprivate init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

import ExporterEvents
import Foundation

/// Appends compact JSON to a byte buffer. Commas are placed by the writer, so callers only say what comes next.
///
/// It exists because OTLP/JSON is not proto3 JSON (hex ids, integer enums): the encoder walks the messages itself and
/// needs a writer with no per-value allocation.
struct OTLPJSONWriter {
    /// The JSON written so far.
    var bytes: [UInt8]
    /// Whether the next key or value follows a sibling and so needs a comma first.
    private var followsSibling = false

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        followsSibling = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        followsSibling = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        followsSibling = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        followsSibling = true
    }

    /// Writes `"key":`. Keys are the fixed lowerCamelCase names of OTLP fields, so they need no escaping.
    mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        followsSibling = false
    }

    /// Writes a JSON string with the runtime's one string rule (`JSONWriter`), so OTLP text escapes exactly as
    /// every other JSON the runtime writes.
    mutating func string(_ value: String) {
        separate()
        JSONWriter.writeString(value, to: &bytes)
        followsSibling = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        followsSibling = true
    }

    /// A JSON number; fits integers of 32 bits, which proto3 JSON writes unquoted.
    mutating func number(_ value: Int64) {
        separate()
        appendDecimal(value)
        followsSibling = true
    }

    /// A 64-bit integer as a decimal string, as proto3 JSON writes `int64`, `uint64` and `fixed64`.
    mutating func quotedDecimal(_ value: UInt64) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendDigits(value)
        bytes.append(UInt8(ascii: "\""))
        followsSibling = true
    }

    /// A signed 64-bit integer as a decimal string.
    mutating func quotedDecimal(_ value: Int64) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendDecimal(value)
        bytes.append(UInt8(ascii: "\""))
        followsSibling = true
    }

    /// A double as the shortest text that reads back the same; non-finite values as the strings proto3 JSON uses.
    mutating func double(_ value: Double) {
        separate()
        if value.isNaN {
            bytes.append(contentsOf: #""NaN""#.utf8)
        } else if value.isInfinite {
            bytes.append(contentsOf: value < 0 ? #""-Infinity""#.utf8 : #""Infinity""#.utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
        followsSibling = true
    }

    /// Bytes as a lowercase hex string: OTLP/JSON's form for trace and span ids.
    mutating func hex(_ value: Data) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in value {
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        bytes.append(UInt8(ascii: "\""))
        followsSibling = true
    }

    /// Bytes as a padded standard base64 string: proto3 JSON's form for `bytes`.
    mutating func base64(_ value: Data) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: value.base64EncodedString().utf8)
        bytes.append(UInt8(ascii: "\""))
        followsSibling = true
    }

    private mutating func separate() {
        if followsSibling { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
    }

    /// Writes the digits least significant first, then reverses them in place: no intermediate string.
    private mutating func appendDigits(_ value: UInt64) {
        let start = bytes.endIndex
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest != 0
        bytes[start...].reverse()
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
}

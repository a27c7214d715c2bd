/// Appends compact JSON to a byte buffer, without Foundation.
///
/// Two levels of use: ``write(_:to:)`` serialises a whole ``JSONValue``; the primitive writers (`writeString`,
/// `writeKey`, `writeInt`, `writeDouble`, ...) let codecs stream an object straight into the buffer without
/// building a value tree first, which is where encoding speed comes from.
///
/// Strings follow the one JSON string rule of this package, which the generator shares through ``quoted(_:)``:
/// exactly the escapes RFC 8259 requires — `\"`, `\\`, the short forms `\b \f \n \r \t`, and `\u00xx` (lowercase
/// hex) for the other controls U+0000–U+001F — and every other scalar as its UTF-8 bytes, DEL (0x7F), U+0085 and
/// U+2028/U+2029 included. That is byte for byte what Python's `json.dumps(..., ensure_ascii=False)` writes, the
/// writer of the toolkit's fixtures that the codecs' output is compared with, and it keeps the byte loop at one
/// test per 8 bytes. Escaping U+2028/U+2029 too would only matter for JSON pasted into JavaScript source, which none of
/// our outputs is; JSON embedded in YAML uses `YAMLScalar.doubleQuoted(_:)` instead (libyaml folds U+2028 and
/// rejects DEL).
///
/// Doubles use the shortest text that reads back to the same value, keep a `.0` when integral so they read back as
/// doubles, and NaN and infinities are written as Python's `json` writes them (`NaN`, `Infinity`, `-Infinity`), which
/// ``JSONParser`` reads back.
public enum JSONWriter {
    /// Appends `value` as compact JSON. Object members keep their order.
    public static func write(_ value: JSONValue, to buffer: inout [UInt8]) {
        switch value {
        case .null: writeNull(to: &buffer)
        case .bool(let bool): writeBool(bool, to: &buffer)
        case .int(let int): writeInt(int, to: &buffer)
        case .double(let double): writeDouble(double, to: &buffer)
        case .largeInteger(let digits): writeLargeInteger(digits, to: &buffer)
        case .string(let string): writeString(string, to: &buffer)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { buffer.append(UInt8(ascii: ",")) }
                first = false
                write(element, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            write(object, to: &buffer)
        }
    }

    /// Appends `object` as compact JSON, members in order.
    public static func write(_ object: JSONObject, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in object.members {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            writeKey(key, to: &buffer)
            write(value, to: &buffer)
        }
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends `value`, or `null` when it is nil.
    public static func write(_ value: JSONValue?, to buffer: inout [UInt8]) {
        if let value { write(value, to: &buffer) } else { writeNull(to: &buffer) }
    }

    /// Appends `null`.
    @inlinable
    public static func writeNull(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: "null".utf8)
    }

    /// Appends `true` or `false`.
    @inlinable
    public static func writeBool(_ value: Bool, to buffer: inout [UInt8]) {
        if value { buffer.append(contentsOf: "true".utf8) } else { buffer.append(contentsOf: "false".utf8) }
    }

    /// Appends an object key and its colon: `"key":`.
    public static func writeKey(_ key: String, to buffer: inout [UInt8]) {
        writeString(key, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
    }

    /// Appends bytes the caller knows to be valid JSON (a constant key prefix such as `,"name":`).
    @inlinable
    public static func writeRaw(_ json: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: json.utf8Start, count: json.utf8CodeUnitCount))
    }

    /// Appends a string, quoted and escaped, or `null` when it is nil.
    public static func writeString(_ string: String?, to buffer: inout [UInt8]) {
        guard let string else { return writeNull(to: &buffer) }
        writeString(string, to: &buffer)
    }

    /// `string` as a quoted JSON string, for callers that build text rather than bytes (the generator's lock file
    /// and schema). It goes through ``writeString(_:to:)`` so that there is one escaping rule and one
    /// implementation of it, the byte-level one the runtime's hot path uses.
    public static func quoted(_ string: String) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(string.utf8.count + 2)
        writeString(string, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends a string, quoted and escaped (see the rule in the type's documentation).
    public static func writeString(_ string: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            appendEscaped(utf8, to: &buffer)
        }
        if done == nil {
            var copy = string
            copy.withUTF8 { appendEscaped($0, to: &buffer) }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Copies runs of bytes that need no escape in one go and escapes the rest.
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = utf8.count
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return }
        while index < count {
            // Most text needs no escape at all: skip it eight bytes per step.
            while index + 8 <= count, !needsEscape(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if runStart < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            buffer.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
            case 0x0A: buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(UInt8(ascii: "t"))
            case 0x08: buffer.append(UInt8(ascii: "b"))
            case 0x0C: buffer.append(UInt8(ascii: "f"))
            default:
                buffer.append(contentsOf: "u00".utf8)
                buffer.append(hexDigit(byte >> 4))
                buffer.append(hexDigit(byte & 0x0F))
            }
            index += 1
            runStart = index
        }
        if runStart < count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
    }

    /// True when one of the eight bytes of `word` is a control character (below 0x20), `"` or `\\`.
    ///
    /// The classic zero-byte test on three transformed words: `(x - 0x01…) & ~x & 0x80…` flags every zero byte of
    /// `x`, and a borrow only ever starts at a flagged byte, so "any flag" is exact; subtracting 0x20 instead of
    /// 0x01 flags the bytes below 0x20 the same way (bytes of 0x80 and above have their high bit cleared by `~x`).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (control | quote | backslash) & highBits != 0
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends an integer in decimal.
    public static func writeInt(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = 20
            while magnitude > 0 {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position..<20]))
        }
    }

    /// Appends an integer in decimal.
    public static func writeInt(_ value: Int, to buffer: inout [UInt8]) {
        writeInt(Int64(value), to: &buffer)
    }

    /// Appends the digits of a ``JSONValue/largeInteger(_:)`` as they are. Text that is not a JSON integer (only
    /// possible when a value was built by hand) is written as its nearest double, or `null` when it is no number,
    /// so the output stays valid JSON.
    public static func writeLargeInteger(_ digits: String, to buffer: inout [UInt8]) {
        let utf8 = digits.utf8
        let unsigned = utf8.first == UInt8(ascii: "-") ? utf8.dropFirst() : utf8[...]
        let isInteger =
            !unsigned.isEmpty
            && unsigned.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && (unsigned.count == 1 || unsigned.first != UInt8(ascii: "0"))
        if isInteger {
            buffer.append(contentsOf: utf8)
        } else if let value = Double(digits), value.isFinite {
            writeDouble(value, to: &buffer)
        } else {
            writeNull(to: &buffer)
        }
    }

    /// Appends a double in its shortest round-trip form (`1.25`, `5.0`, `1e+20`), or `NaN`/`Infinity`/`-Infinity`.
    public static func writeDouble(_ value: Double, to buffer: inout [UInt8]) {
        if value.isNaN { return buffer.append(contentsOf: "NaN".utf8) }
        if value.isInfinite {
            return buffer.append(contentsOf: value < 0 ? "-Infinity".utf8 : "Infinity".utf8)
        }
        if writePlainDecimal(value, to: &buffer) { return }
        // Swift's description is the shortest round-trip text, already valid JSON for finite values ("1e-05" and
        // "1e+20" included), and keeps ".0" on integral values below 2^53.
        var text = value.description
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }
}

extension JSONWriter {
    private static let powersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ]

    /// The fast path for the common doubles (timestamps, scores): values in [1e-4, 2^53) that some decimal with at
    /// most 15 significant digits reads back to exactly. The fewest fraction digits that round-trip is the
    /// shortest form, so the text matches what `description` would write, without building a `String`.
    private static func writePlainDecimal(_ value: Double, to buffer: inout [UInt8]) -> Bool {
        let magnitude = value.magnitude
        guard magnitude >= 1e-4, magnitude < 9_007_199_254_740_992 else { return false }
        for digits in 0..<powersOfTen.count {
            let scale = powersOfTen[digits]
            let scaled = (magnitude * scale).rounded()
            guard scaled < 1e15 else { return false }
            guard scaled / scale == magnitude else { continue }
            let mantissa = UInt64(scaled)
            let divisor = UInt64(scale)
            if value < 0 { buffer.append(UInt8(ascii: "-")) }
            writeInt(Int64(mantissa / divisor), to: &buffer)
            buffer.append(UInt8(ascii: "."))
            if digits == 0 {
                buffer.append(UInt8(ascii: "0"))
                return true
            }
            var fraction = mantissa % divisor
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digits) { text in
                for position in stride(from: digits - 1, through: 0, by: -1) {
                    text[position] = UInt8(ascii: "0") + UInt8(fraction % 10)
                    fraction /= 10
                }
                buffer.append(contentsOf: text)
            }
            return true
        }
        return false
    }
}

extension JSONValue {
    /// The value as compact JSON bytes.
    public var jsonBytes: [UInt8] {
        var buffer: [UInt8] = []
        JSONWriter.write(self, to: &buffer)
        return buffer
    }

    /// The value as compact JSON text.
    public var jsonString: String {
        String(decoding: jsonBytes, as: UTF8.self)
    }
}

extension JSONObject {
    /// The object as compact JSON text.
    public var jsonString: String {
        var buffer: [UInt8] = []
        JSONWriter.write(self, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

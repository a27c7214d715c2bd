import ExporterDiagnostics

extension JSONScanner {
    /// Reads a string starting at its opening quote and leaves the cursor after the closing quote.
    mutating func parseString() throws(DiagnosticError) -> String {
        index += 1
        let start = index
        // Fast path: plain ASCII without escapes becomes a String straight from the input bytes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape()
            case 0..<0x20:
                throw failure(
                    .jsonControlCharacter,
                    "unescaped control character \(Self.scalarName(UInt32(byte))) in a string",
                    at: index,
                    hint: "write it as an escape such as \\n or \\u00XX"
                )
            case 0x80...:
                let length = try validatedUTF8Length(at: index)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                index += length
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw endOfInput("'\"' closing the string")
    }

    /// Decodes one escape sequence at the cursor into `scratch`.
    private mutating func parseEscape() throws(DiagnosticError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw endOfInput("an escape sequence") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHexQuad(escapeStart: escapeStart)
            var scalar = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate only counts when a low one follows; otherwise it stands alone.
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let lowStart = index
                    index += 2
                    let low = try parseHexQuad(escapeStart: lowStart)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else {
                        scalar = 0xFFFD
                        index = lowStart
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00...0xDFFF).contains(unit) {
                scalar = 0xFFFD
            }
            appendScalar(scalar)
        default:
            index -= 1
            throw failure(
                .jsonInvalidEscape,
                "invalid escape sequence '\\\(describeRaw(at: index))' in a string",
                at: escapeStart,
                hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits"
            )
        }
    }

    private mutating func parseHexQuad(escapeStart: Int) throws(DiagnosticError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endOfInput("four hex digits after \\u") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw failure(
                    .jsonInvalidEscape,
                    "invalid \\u escape: expected four hex digits, found \(describeByte(at: index))",
                    at: escapeStart
                )
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private mutating func appendScalar(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (scalar >> 6)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (scalar >> 12)))
            scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (scalar >> 18)))
            scratch.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// The length of the well-formed UTF-8 sequence at `position` (RFC 3629: no overlongs, no surrogates, nothing
    /// above U+10FFFF), or a `JSON006` failure at the first bad byte.
    func validatedUTF8Length(at position: Int) throws(DiagnosticError) -> Int {
        let lead = bytes[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default:
            throw failure(.jsonInvalidUTF8, "invalid UTF-8 byte 0x\(Self.hex(lead))", at: position)
        }
        for offset in 1..<length {
            let at = position + offset
            guard at < bytes.count else {
                throw failure(.jsonInvalidUTF8, "truncated UTF-8 sequence", at: position)
            }
            let range = offset == 1 ? secondRange : 0x80...0xBF
            guard range.contains(bytes[at]) else {
                throw failure(
                    .jsonInvalidUTF8,
                    "invalid UTF-8 byte 0x\(Self.hex(bytes[at])) in a multi-byte sequence",
                    at: at
                )
            }
        }
        return length
    }
}

import ExporterDiagnostics

extension JSONScanner {
    /// A located error at byte `offset`: the line counts line feeds before it, the column counts Unicode scalars
    /// since the last line feed (what editors show).
    func failure(_ code: DiagnosticCode, _ message: String, at offset: Int, hint: String? = nil) -> DiagnosticError {
        var line = 1
        var column = 1
        var position = 0
        let end = min(offset, bytes.count)
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return DiagnosticError(.error(code, message, at: SourceLocation(line: line, column: column), hint: hint))
    }

    /// The input ended where `expected` should have come.
    func endOfInput(_ expected: String) -> DiagnosticError {
        let message =
            bytes.isEmpty ? "empty input; expected a JSON value" : "unexpected end of input; expected \(expected)"
        return failure(.jsonUnexpectedEnd, message, at: bytes.count)
    }

    /// A byte as a reader recognises it: `'x'` for printable ASCII, `U+000A` for controls, the whole character for
    /// UTF-8 sequences, `byte 0xFF` for invalid ones.
    func describeByte(at position: Int) -> String {
        guard position < bytes.count else { return "end of input" }
        let byte = bytes[position]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return Self.scalarName(UInt32(byte)) }
        if let length = try? validatedUTF8Length(at: position) {
            let text = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]),
                as: UTF8.self
            )
            return "'\(text)'"
        }
        return "byte 0x\(Self.hex(byte))"
    }

    /// The character at `position` without quotes, for messages that quote it themselves.
    func describeRaw(at position: Int) -> String {
        let description = describeByte(at: position)
        if description.hasPrefix("'"), description.hasSuffix("'"), description.count >= 3 {
            return String(description.dropFirst().dropLast())
        }
        return description
    }

    static func scalarName(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

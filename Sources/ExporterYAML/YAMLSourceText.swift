import ExporterDiagnostics

/// Byte-level facts about the input that libyaml does not give in line:column form.
enum YAMLSourceText {
    /// The UTF-8 byte order mark, which we drop before parsing so that libyaml never sees it.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, or nil when all is valid.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        func isContinuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            offset < count && range.contains(bytes[offset])
        }
        while index < count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F:
                length = 1
            case 0xC2...0xDF where isContinuation(index + 1):
                length = 2
            case 0xE0 where isContinuation(index + 1, 0xA0...0xBF) && isContinuation(index + 2),
                0xE1...0xEC where isContinuation(index + 1) && isContinuation(index + 2),
                0xED where isContinuation(index + 1, 0x80...0x9F) && isContinuation(index + 2),
                0xEE...0xEF where isContinuation(index + 1) && isContinuation(index + 2):
                length = 3
            case 0xF0
            where isContinuation(index + 1, 0x90...0xBF) && isContinuation(index + 2) && isContinuation(index + 3),
                0xF1...0xF3 where isContinuation(index + 1) && isContinuation(index + 2) && isContinuation(index + 3),
                0xF4
            where isContinuation(index + 1, 0x80...0x8F) && isContinuation(index + 2) && isContinuation(index + 3):
                length = 4
            default:
                return index
            }
            index += length
        }
        return nil
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset, counting line breaks as libyaml does
    /// (`\n`, `\r\n`, a lone `\r`), so that our positions agree with libyaml's marks.
    static func location(
        ofByteOffset offset: Int,
        in bytes: UnsafeBufferPointer<UInt8>,
        file: String?
    )
        -> SourceLocation
    {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
            {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80, byte != UInt8(ascii: "\r") {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The Unicode scalar at a 1-based line and column, when it exists.
    static func scalar(at location: SourceLocation, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var line = 1
        var lineStart = 0
        var index = 0
        // Line breaks as libyaml counts them: `\n`, `\r\n`, a lone `\r`.
        while line < location.line, index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
            {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        guard line == location.line else { return nil }
        let lineBytes = bytes[lineStart...].prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let scalars = String(decoding: lineBytes, as: UTF8.self).unicodeScalars
        guard location.column >= 1, let scalar = scalars.dropFirst(location.column - 1).first else { return nil }
        return scalar
    }
}

/// Lowercase hexadecimal formatting and parsing for ids, written by hand because ids are formatted on the emit
/// path, where `String(format:)` and `String(_:radix:)` plus padding cost several allocations each.
enum HexDigits {
    private static let digits:
        (
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
        ) =
            (48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102)

    /// The ASCII lowercase digit for a nibble (0...15).
    @inline(__always)
    static func digit(_ nibble: UInt64) -> UInt8 {
        withUnsafeBytes(of: digits) { $0[Int(truncatingIfNeeded: nibble & 0xF)] }
    }

    /// Writes the `count` lowest nibbles of `value`, most significant first, at `buffer[offset...]`.
    @inline(__always)
    static func write(
        _ value: UInt64,
        nibbles count: Int,
        into buffer: UnsafeMutableBufferPointer<UInt8>,
        at offset: Int
    ) {
        var shift = UInt64(count * 4)
        var position = offset
        while shift > 0 {
            shift -= 4
            buffer[position] = digit(value >> shift)
            position += 1
        }
    }

    /// The value of one ASCII hex digit, either case, or nil.
    @inline(__always)
    static func value(of byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt64(byte &- UInt8(ascii: "A") &+ 10)
        default: nil
        }
    }

    /// The 16 digits of `first`, followed by the 16 of `second` when given.
    static func string(_ first: UInt64, _ second: UInt64? = nil) -> String {
        let length = second == nil ? 16 : 32
        return String(unsafeUninitializedCapacity: length) { buffer in
            write(first, nibbles: 16, into: buffer, at: 0)
            if let second { write(second, nibbles: 16, into: buffer, at: 16) }
            return length
        }
    }

    /// Parses exactly `wordCount * 16` hex digits into that many words, or nil.
    static func words(_ text: String, count wordCount: Int) -> [UInt64]? {
        let utf8 = text.utf8
        guard utf8.count == wordCount * 16 else { return nil }
        var words = [UInt64](repeating: 0, count: wordCount)
        for (index, byte) in utf8.enumerated() {
            guard let nibble = value(of: byte) else { return nil }
            words[index / 16] = words[index / 16] << 4 | nibble
        }
        return words
    }

    /// The big-endian bytes of `first`, followed by those of `second` when given.
    static func bytes(_ first: UInt64, _ second: UInt64? = nil) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(second == nil ? 8 : 16)
        for word in [first, second].compactMap({ $0 }) {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return bytes
    }
}

/// The Protocol Buffers wire format, written by hand: varints, fixed 64-bit values and length-delimited fields
/// appended to one growing byte buffer.
///
/// Nested messages are written in place: ``writeMessage(_:_:)`` reserves one byte for the length, writes the body
/// and then patches the length in, moving the body only when it needs a longer varint (bodies of 128 bytes or
/// more). Every length is therefore computed once, where swift-protobuf's visitors recompute the sizes of nested
/// messages at each level. The bytes are those of a canonical encoder: minimal varints, fields in the order the
/// caller writes them.
package struct ProtobufWriter {
    /// The wire types this writer emits.
    package enum WireType: UInt64 {
        /// int32/int64/uint32/uint64/bool/enum.
        case varint = 0
        /// fixed64/double.
        case fixed64 = 1
        /// string/bytes/embedded messages.
        case lengthDelimited = 2
    }

    /// The bytes written so far.
    package private(set) var bytes: [UInt8]

    /// Creates an empty writer with room for `capacity` bytes.
    package init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes `value` takes as a varint.
    @inline(__always)
    package static func varintSize(_ value: UInt64) -> Int {
        // 7 payload bits per byte; 0 still takes one byte.
        (64 - (value | 1).leadingZeroBitCount + 6) / 7
    }

    /// Appends `value` as a varint.
    @inline(__always)
    package mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Appends the key of field `field`.
    @inline(__always)
    package mutating func writeTag(_ field: UInt64, _ wireType: WireType) {
        writeVarint(field << 3 | wireType.rawValue)
    }

    /// Appends a varint field (int64 as its two's complement, as protobuf does).
    package mutating func writeVarintField(_ field: UInt64, _ value: UInt64) {
        writeTag(field, .varint)
        writeVarint(value)
    }

    /// Appends a fixed64 field (little-endian).
    package mutating func writeFixed64Field(_ field: UInt64, _ value: UInt64) {
        writeTag(field, .fixed64)
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a string field, UTF-8.
    package mutating func writeStringField(_ field: UInt64, _ string: String) {
        writeTag(field, .lengthDelimited)
        writeStringBody(string)
    }

    /// Appends the length and UTF-8 bytes of `string` (a string field without its key).
    @inline(__always)
    package mutating func writeStringBody(_ string: String) {
        let utf8 = string.utf8
        writeVarint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Appends a bytes field holding the 8 big-endian bytes of `word` (an OTLP span id).
    package mutating func writeBigEndianField(_ field: UInt64, _ word: UInt64) {
        writeTag(field, .lengthDelimited)
        bytes.append(8)
        withUnsafeBytes(of: word.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a bytes field holding the 16 big-endian bytes of `high` then `low` (an OTLP trace id).
    package mutating func writeBigEndianField(_ field: UInt64, _ high: UInt64, _ low: UInt64) {
        writeTag(field, .lengthDelimited)
        bytes.append(16)
        withUnsafeBytes(of: high.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: low.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends an embedded message field whose body `writeBody` writes.
    @inline(__always)
    package mutating func writeMessage(_ field: UInt64, _ writeBody: (inout ProtobufWriter) -> Void) {
        writeTag(field, .lengthDelimited)
        let lengthIndex = bytes.count
        bytes.append(0)
        writeBody(&self)
        patchLength(at: lengthIndex)
    }

    /// Writes the length of the body after the reserved byte at `lengthIndex` into it, moving the body when the
    /// length needs more than one byte.
    @inline(__always)
    private mutating func patchLength(at lengthIndex: Int) {
        let length = UInt64(bytes.count - lengthIndex - 1)
        if length < 0x80 {
            bytes[lengthIndex] = UInt8(truncatingIfNeeded: length)
            return
        }
        let size = Self.varintSize(length)
        bytes.insert(contentsOf: repeatElement(0, count: size - 1), at: lengthIndex + 1)
        var value = length
        for index in lengthIndex..<(lengthIndex + size - 1) {
            bytes[index] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
        }
        bytes[lengthIndex + size - 1] = UInt8(truncatingIfNeeded: value)
    }
}

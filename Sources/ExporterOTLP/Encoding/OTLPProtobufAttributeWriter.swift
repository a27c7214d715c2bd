/// Writes attributes straight into protobuf bytes: each one an OTLP `KeyValue` (key = 1, value = 2 an `AnyValue`)
/// in the repeated field `field` of the message being written, with the bytes swift-protobuf writes for the same
/// attribute.
package struct OTLPProtobufAttributeWriter: OTLPAttributeSink {
    /// The repeated `KeyValue` field the attributes go in (`attributes` is 9 in a span, 1 in a resource, ...).
    package let field: UInt64
    /// The bytes, attributes included.
    package var writer: ProtobufWriter

    /// `AnyValue` fields.
    private enum AnyValueField {
        static let string: UInt64 = 1
        static let bool: UInt64 = 2
        static let int: UInt64 = 3
        static let double: UInt64 = 4
        static let array: UInt64 = 5
    }

    package mutating func add(_ key: String, string: String) {
        // Sizes are known up front (UTF-8 counts of native strings are stored), so long values are never moved.
        let stringSize = string.utf8.count
        let anyValueSize = 1 + ProtobufWriter.varintSize(UInt64(stringSize)) + stringSize
        writer.writeTag(field, .lengthDelimited)
        writer.writeVarint(
            UInt64(Self.keySize(key) + 1 + ProtobufWriter.varintSize(UInt64(anyValueSize)) + anyValueSize)
        )
        writeKey(key)
        writer.writeTag(2, .lengthDelimited)
        writer.writeVarint(UInt64(anyValueSize))
        writer.writeStringField(AnyValueField.string, string)
    }

    package mutating func add(_ key: String, int: Int) {
        add(key) { $0.writeVarintField(AnyValueField.int, UInt64(bitPattern: Int64(int))) }
    }

    package mutating func add(_ key: String, double: Double) {
        add(key) { $0.writeFixed64Field(AnyValueField.double, double.bitPattern) }
    }

    package mutating func add(_ key: String, bool: Bool) {
        add(key) { $0.writeVarintField(AnyValueField.bool, bool ? 1 : 0) }
    }

    package mutating func add(_ key: String, _ value: OTLPAttributeValue) {
        switch value {
        case .string(let string): add(key, string: string)
        case .int(let int): add(key) { $0.writeVarintField(AnyValueField.int, UInt64(bitPattern: int)) }
        case .double(let double): add(key, double: double)
        case .bool(let bool): add(key, bool: bool)
        case .stringArray(let strings):
            add(key) { anyValue in
                anyValue.writeMessage(AnyValueField.array) { array in
                    for string in strings {
                        // ArrayValue.values = 1, each an AnyValue holding the string.
                        array.writeMessage(1) { $0.writeStringField(AnyValueField.string, string) }
                    }
                }
            }
        }
    }

    /// Adds a `KeyValue` whose `AnyValue` body `writeAnyValue` writes.
    private mutating func add(_ key: String, _ writeAnyValue: (inout ProtobufWriter) -> Void) {
        writer.writeMessage(field) { keyValue in
            if !key.isEmpty { keyValue.writeStringField(1, key) }
            keyValue.writeMessage(2, writeAnyValue)
        }
    }

    /// The bytes of the `key` field (protobuf leaves an empty string out).
    private static func keySize(_ key: String) -> Int {
        let size = key.utf8.count
        return size == 0 ? 0 : 1 + ProtobufWriter.varintSize(UInt64(size)) + size
    }

    private mutating func writeKey(_ key: String) {
        if !key.isEmpty { writer.writeStringField(1, key) }
    }
}

extension ProtobufWriter {
    /// Lets `addAttributes` add attributes as `KeyValue`s in the repeated field `field`.
    package mutating func writeAttributes(_ field: UInt64, _ addAttributes: (inout OTLPProtobufAttributeWriter) -> Void)
    {
        var attributes = OTLPProtobufAttributeWriter(field: field, writer: ProtobufWriter())
        swap(&self, &attributes.writer)
        addAttributes(&attributes)
        swap(&self, &attributes.writer)
    }
}

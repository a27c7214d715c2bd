/// Reads the decoder's node as one value.
struct YAMLSingleValueDecodingContainer: SingleValueDecodingContainer {
    let decoder: YAMLNodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    private var node: YAMLNode { decoder.node }

    func decodeNil() -> Bool { node.isNull }
    func decode(_ type: Bool.Type) throws -> Bool {
        try YAMLScalarUnboxing.bool(from: node, codingPath: codingPath, lenient: decoder.context.lenientScalars)
    }
    func decode(_ type: String.Type) throws -> String {
        try YAMLScalarUnboxing.string(from: node, codingPath: codingPath)
    }
    func decode(_ type: Double.Type) throws -> Double {
        try YAMLScalarUnboxing.double(from: node, codingPath: codingPath, lenient: decoder.context.lenientScalars)
    }
    func decode(_ type: Float.Type) throws -> Float {
        try YAMLScalarUnboxing.float(from: node, codingPath: codingPath, lenient: decoder.context.lenientScalars)
    }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    /// Decodes `T` from the same node; a mapping's queried keys stay shared so an unknown-key check sees them.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try YAMLNodeDecoder.decode(
            type,
            from: node,
            codingPath: codingPath,
            context: decoder.context,
            sharing: decoder.queriedKeys
        )
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try YAMLScalarUnboxing.integer(
            type,
            from: node,
            codingPath: codingPath,
            lenient: decoder.context.lenientScalars
        )
    }
}

import ExporterDiagnostics

/// Reads a sequence's elements in order; element paths end in `[index]`.
struct YAMLUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let decoder: YAMLNodeDecoder
    let elements: [YAMLNode]
    private(set) var currentIndex = 0

    init(decoder: YAMLNodeDecoder, elements: [YAMLNode]) {
        self.decoder = decoder
        self.elements = elements
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        let (node, _) = try current()
        guard node.isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (node, path) = try advance()
        return try YAMLScalarUnboxing.bool(from: node, codingPath: path, lenient: decoder.context.lenientScalars)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let (node, path) = try advance()
        return try YAMLScalarUnboxing.string(from: node, codingPath: path)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let (node, path) = try advance()
        return try YAMLScalarUnboxing.double(from: node, codingPath: path, lenient: decoder.context.lenientScalars)
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let (node, path) = try advance()
        return try YAMLScalarUnboxing.float(from: node, codingPath: path, lenient: decoder.context.lenientScalars)
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, path) = try advance()
        return try YAMLNodeDecoder.decode(type, from: node, codingPath: path, context: decoder.context)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try superDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try superDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, path) = try advance()
        return YAMLNodeDecoder(node: node, codingPath: path, context: decoder.context, queriedKeys: nil)
    }

    private mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let (node, path) = try advance()
        return try YAMLScalarUnboxing.integer(
            type,
            from: node,
            codingPath: path,
            lenient: decoder.context.lenientScalars
        )
    }

    private func current() throws(DiagnosticError) -> (YAMLNode, [any CodingKey]) {
        guard !isAtEnd else {
            let sequence = decoder.node
            throw DiagnosticError(
                .error(
                    .yamlMissingElement,
                    "expected another element\(YAMLDecodingErrors.at(codingPath)); the sequence has only \(elements.count)",
                    at: sequence.location
                )
            )
        }
        return (elements[currentIndex], codingPath + [YAMLCodingKey(intValue: currentIndex)])
    }

    private mutating func advance() throws(DiagnosticError) -> (YAMLNode, [any CodingKey]) {
        let element = try current()
        currentIndex += 1
        return element
    }
}

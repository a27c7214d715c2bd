import ExporterDiagnostics

/// Reads a mapping's values by key, recording every key asked about for `YAMLRejectsUnknownKeys`.
struct YAMLKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: YAMLNodeDecoder
    let entries: [YAMLMappingEntry]
    /// The entry index of each scalar key.
    private let index: [String: Int]

    init(decoder: YAMLNodeDecoder, entries: [YAMLMappingEntry]) {
        self.decoder = decoder
        self.entries = entries
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            if let key = entry.key.scalar?.value, index[key] == nil { index[key] = position }
        }
        self.index = index
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        entries.compactMap { entry in entry.key.scalar.flatMap { Key(stringValue: $0.value) } }
    }

    func contains(_ key: Key) -> Bool {
        record(key)
        return index[key.stringValue] != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try value(for: key).node.isNull
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let (node, path) = try value(for: key)
        return try YAMLScalarUnboxing.bool(from: node, codingPath: path, lenient: decoder.context.lenientScalars)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let (node, path) = try value(for: key)
        return try YAMLScalarUnboxing.string(from: node, codingPath: path)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        let (node, path) = try value(for: key)
        return try YAMLScalarUnboxing.double(from: node, codingPath: path, lenient: decoder.context.lenientScalars)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        let (node, path) = try value(for: key)
        return try YAMLScalarUnboxing.float(from: node, codingPath: path, lenient: decoder.context.lenientScalars)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (node, path) = try value(for: key)
        return try YAMLNodeDecoder.decode(type, from: node, codingPath: path, context: decoder.context)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try childDecoder(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try childDecoder(for: key).unkeyedContainer()
    }

    /// The decoder for the `super` key; YAML null when the mapping has none.
    func superDecoder() throws -> any Decoder {
        superDecoder(named: YAMLCodingKey.superKey)
    }

    /// The decoder for `key`; YAML null when the mapping has no such key.
    func superDecoder(forKey key: Key) throws -> any Decoder {
        superDecoder(named: key)
    }

    private func superDecoder(named key: some CodingKey) -> any Decoder {
        record(key)
        decoder.queriedKeys?.lastKey = key.stringValue
        let path = codingPath + [key]
        guard let position = index[key.stringValue] else {
            let null = YAMLNode(.scalar(YAMLScalar("")), location: decoder.node.location)
            return YAMLNodeDecoder(node: null, codingPath: path, context: decoder.context, queriedKeys: nil)
        }
        return YAMLNodeDecoder(
            node: entries[position].value,
            codingPath: path,
            context: decoder.context,
            queriedKeys: nil
        )
    }

    private func childDecoder(for key: Key) throws(DiagnosticError) -> YAMLNodeDecoder {
        let (node, path) = try value(for: key)
        return YAMLNodeDecoder(node: node, codingPath: path, context: decoder.context, queriedKeys: nil)
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
        let (node, path) = try value(for: key)
        return try YAMLScalarUnboxing.integer(
            type,
            from: node,
            codingPath: path,
            lenient: decoder.context.lenientScalars
        )
    }

    private func record(_ key: some CodingKey) {
        decoder.queriedKeys?.keys.insert(key.stringValue)
    }

    /// The value for `key` and its path; a missing key is reported at the mapping, naming the key.
    private func value(for key: Key) throws(DiagnosticError) -> (node: YAMLNode, path: [any CodingKey]) {
        record(key)
        decoder.queriedKeys?.lastKey = key.stringValue
        guard let position = index[key.stringValue] else {
            let name = key.stringValue
            if decoder.queriedKeys?.withheld.contains(name) == true {
                throw DiagnosticError(.error(YAMLDecodingErrors.withheldKeyCode, name, at: decoder.node.location))
            }
            let present = entries.compactMap { $0.key.scalar?.value }
            throw DiagnosticError(
                .error(
                    .yamlMissingKey,
                    "missing required key '\(name)'\(YAMLDecodingErrors.in(codingPath))",
                    at: decoder.node.location,
                    hint: DidYouMean.suggestion(for: name, among: present).map { "found '\($0)'; is it misspelt?" }
                )
            )
        }
        return (entries[position].value, codingPath + [key])
    }
}

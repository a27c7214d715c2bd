import ExporterEvents

/// Where the mapper puts the attributes of a span, resource or span event, in the order they are added (so that
/// the same input always gives the same bytes): generated protobuf messages (``OTLPAttributeList``) or protobuf
/// bytes written directly (``OTLPProtobufAttributeWriter``).
package protocol OTLPAttributeSink {
    /// Adds an attribute of any supported type.
    mutating func add(_ key: String, _ value: OTLPAttributeValue)
    /// Adds a string attribute.
    mutating func add(_ key: String, string: String)
    /// Adds a 64-bit integer attribute.
    mutating func add(_ key: String, int: Int)
    /// Adds a double attribute.
    mutating func add(_ key: String, double: Double)
    /// Adds a bool attribute.
    mutating func add(_ key: String, bool: Bool)
}

extension OTLPAttributeSink {
    /// Adds the string when there is one: absent values leave the key out rather than writing an empty string.
    package mutating func add(_ key: String, optional string: String?) {
        if let string { add(key, string: string) }
    }

    /// Adds `value` as text: a JSON string as its own text, anything else as compact JSON. Null adds nothing.
    package mutating func add(_ key: String, textOrJSON value: JSONValue?) {
        guard let (text, _) = OTLPText.textOrJSON(value) else { return }
        add(key, string: text)
    }

    /// Adds `value` under `valueKey` as ``add(_:textOrJSON:)`` does, and its media type under `mimeTypeKey`
    /// (`text/plain` for a string, `application/json` for structured JSON).
    package mutating func add(valueKey: String, mimeTypeKey: String, _ value: JSONValue?) {
        guard let (text, isJSON) = OTLPText.textOrJSON(value) else { return }
        add(valueKey, string: text)
        add(mimeTypeKey, string: isJSON ? OTLPText.jsonMimeType : OTLPText.textMimeType)
    }
}

/// Builds the attributes as generated protobuf messages (for OTLP/JSON, and as the reference the direct protobuf
/// writer is tested against).
package struct OTLPAttributeList: OTLPAttributeSink {
    /// The attributes so far.
    package private(set) var keyValues: [OTLPKeyValue] = []

    package init(reservingCapacity capacity: Int = 0) {
        keyValues.reserveCapacity(capacity)
    }

    package mutating func add(_ key: String, _ value: OTLPAttributeValue) {
        var keyValue = OTLPKeyValue()
        keyValue.key = key
        keyValue.value = value.anyValue
        keyValues.append(keyValue)
    }

    package mutating func add(_ key: String, string: String) {
        var keyValue = OTLPKeyValue()
        keyValue.key = key
        keyValue.value.value = .stringValue(string)
        keyValues.append(keyValue)
    }

    package mutating func add(_ key: String, int: Int) {
        var keyValue = OTLPKeyValue()
        keyValue.key = key
        keyValue.value.value = .intValue(Int64(int))
        keyValues.append(keyValue)
    }

    package mutating func add(_ key: String, double: Double) {
        var keyValue = OTLPKeyValue()
        keyValue.key = key
        keyValue.value.value = .doubleValue(double)
        keyValues.append(keyValue)
    }

    package mutating func add(_ key: String, bool: Bool) {
        var keyValue = OTLPKeyValue()
        keyValue.key = key
        keyValue.value.value = .boolValue(bool)
        keyValues.append(keyValue)
    }
}

/// How JSON values become attribute text.
package enum OTLPText {
    /// OpenInference's media type for text values.
    package static let textMimeType = "text/plain"
    /// OpenInference's media type for JSON values.
    package static let jsonMimeType = "application/json"

    /// A string's own text, or compact JSON for anything else (with `isJSON` set); nil for absent or null values.
    package static func textOrJSON(_ value: JSONValue?) -> (text: String, isJSON: Bool)? {
        switch value {
        case nil, .null?: nil
        case .string(let string)?: (string, false)
        case let value?: (value.jsonString, true)
        }
    }
}

/// An OTLP attribute value of one of the types this exporter writes: string, 64-bit integer, double, bool or a list
/// of strings (OTLP `AnyValue` without nested maps or bytes).
public enum OTLPAttributeValue: Sendable, Hashable {
    /// A string (`stringValue`).
    case string(String)
    /// A signed 64-bit integer (`intValue`).
    case int(Int64)
    /// A double (`doubleValue`).
    case double(Double)
    /// A bool (`boolValue`).
    case bool(Bool)
    /// A list of strings (`arrayValue` of `stringValue`s), such as `tag.tags`.
    case stringArray([String])
}

extension OTLPAttributeValue {
    /// The value as the generated protobuf type.
    package var anyValue: OTLPAnyValue {
        var anyValue = OTLPAnyValue()
        switch self {
        case .string(let string): anyValue.value = .stringValue(string)
        case .int(let int): anyValue.value = .intValue(int)
        case .double(let double): anyValue.value = .doubleValue(double)
        case .bool(let bool): anyValue.value = .boolValue(bool)
        case .stringArray(let strings):
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            array.values = strings.map { string in
                var element = OTLPAnyValue()
                element.value = .stringValue(string)
                return element
            }
            anyValue.value = .arrayValue(array)
        }
        return anyValue
    }

    /// The value of a decoded attribute, or nil for the `AnyValue` types this exporter never writes (maps, bytes,
    /// lists holding anything but strings).
    package init?(_ anyValue: OTLPAnyValue) {
        switch anyValue.value {
        case .stringValue(let string): self = .string(string)
        case .intValue(let int): self = .int(int)
        case .doubleValue(let double): self = .double(double)
        case .boolValue(let bool): self = .bool(bool)
        case .arrayValue(let array):
            var strings: [String] = []
            strings.reserveCapacity(array.values.count)
            for element in array.values {
                guard case .stringValue(let string) = element.value else { return nil }
                strings.append(string)
            }
            self = .stringArray(strings)
        default: return nil
        }
    }
}

import ExporterCore
import ExporterDiagnostics
import ExporterYAML

extension OTLPAttributeValue: Decodable {
    /// Reads a configuration value (`resource_attributes`): a YAML scalar keeps the type the core schema gives it
    /// (`42` an int, `4.2` a double, `true` a bool, `"42"` a string), a sequence of scalars is a list of strings.
    ///
    /// - Throws: `DiagnosticError` `CFG004` at the value for null, a mapping, or a sequence holding anything but
    ///   scalars.
    public init(from decoder: any Decoder) throws {
        guard let node = decoder.yamlNode else {
            self = try Self.decodeWithoutYAML(decoder)
            return
        }
        if let scalar = node.scalar {
            switch scalar.resolvedType {
            case .bool:
                if let bool = node.boolValue {
                    self = .bool(bool)
                    return
                }
            case .int:
                if let int = node.intValue {
                    self = .int(Int64(int))
                    return
                }
            case .float:
                if let double = node.doubleValue {
                    self = .double(double)
                    return
                }
            case .string:
                self = .string(scalar.value)
                return
            case .null:
                break
            }
        } else if let elements = node.sequence {
            let strings = elements.compactMap { $0.scalar != nil ? $0.stringValue : nil }
            if strings.count == elements.count {
                self = .stringArray(strings)
                return
            }
        }
        throw DiagnosticError(
            .error(
                .configurationInvalidValue,
                "an attribute value must be a string, a number, a bool or a list of strings",
                at: node.location
            )
        )
    }

    private static func decodeWithoutYAML(_ decoder: any Decoder) throws -> OTLPAttributeValue {
        if let container = try? decoder.singleValueContainer() {
            if let bool = try? container.decode(Bool.self) { return .bool(bool) }
            if let int = try? container.decode(Int64.self) { return .int(int) }
            if let double = try? container.decode(Double.self) { return .double(double) }
            if let string = try? container.decode(String.self) { return .string(string) }
            if let strings = try? container.decode([String].self) { return .stringArray(strings) }
        }
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "an attribute value must be a string, a number, a bool or a list of strings"
            )
        )
    }
}

import ExporterDiagnostics
import ExporterYAML

/// A mapping in configuration (header names to values, attribute names to values) in the order written, every
/// name and value with its position, so that each can be checked and reported where it is written.
public struct ConfigurationMap<Value: Sendable & Hashable>: Sendable, Hashable {
    /// One name and its value.
    public struct Element: Sendable, Hashable {
        /// The name; its origin is `key 'name'`.
        public var key: ConfigurationEntry<String>
        /// The value; its origin is `'name'`.
        public var value: ConfigurationEntry<Value>

        /// Creates an element.
        public init(key: ConfigurationEntry<String>, value: ConfigurationEntry<Value>) {
            self.key = key
            self.value = value
        }
    }

    /// The elements in the order written.
    public var elements: [Element]

    /// A map of `elements`.
    public init(_ elements: [Element] = []) {
        self.elements = elements
    }

    /// The names and values, the last value winning for a name written twice.
    public var dictionary: [String: Value] {
        Dictionary(elements.map { ($0.key.value, $0.value.value) }) { _, last in last }
    }
}

extension ConfigurationMap: Decodable where Value: Decodable {
    /// Decodes every value, throwing the problems of all values that do not decode together.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ConfigurationKey.self)
        var keyLocations: [String: SourceLocation] = [:]
        for entry in decoder.yamlNode?.mapping ?? [] {
            if let name = entry.key.scalar?.value { keyLocations[name] = entry.key.location }
        }
        var elements: [Element] = []
        var diagnostics: [Diagnostic] = []
        for key in container.allKeys {
            do {
                let value = try container.decode(ConfigurationEntry<Value>.self, forKey: key)
                let name = key.stringValue
                let location = keyLocations[name] ?? value.location
                elements.append(
                    Element(key: .init(value: name, location: location, origin: "key '\(name)'"), value: value)
                )
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        self.elements = elements
    }
}

import ExporterDiagnostics
import ExporterYAML

/// A configuration value as the workflow YAML (or an environment variable) gave it, with where it came from: what
/// generated exporter configurations decode before they check and convert each value with ``ConfigurationReader``.
public struct ConfigurationEntry<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where it is written; the section's position for a value from the environment.
    public var location: SourceLocation?
    /// `'key'` or `environment variable NAME`, for messages.
    public var origin: String
    /// The environment variable the value came from; nil for a value written in the workflow YAML.
    public var variable: String?

    /// Creates an entry.
    public init(value: Value, location: SourceLocation?, origin: String, variable: String? = nil) {
        self.value = value
        self.location = location
        self.origin = origin
        self.variable = variable
    }

    /// Where the value came from, for ``EffectiveSetting``.
    public var source: ConfigurationSource {
        variable.map(ConfigurationSource.environment) ?? .workflow(location)
    }
}

extension ConfigurationEntry: Decodable where Value: Decodable {
    /// Decodes the value and remembers its position and key (`'key'`).
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Value.self)
        location = decoder.yamlLocation
        origin = "'\(decoder.codingPath.last?.stringValue ?? "value")'"
    }
}

import ExporterDiagnostics
import ExporterYAML

/// A credential (token, password, API key) that never shows itself: `description`, `debugDescription`,
/// `dump`, string interpolation and its `Encodable` form all give `***`.
///
/// Read the value with ``revealed`` only where it goes onto the wire. It decodes from a plain string in YAML or
/// JSON; an empty string is refused, since it almost always means an unset variable.
public struct Secret: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// What every rendering of a secret shows instead of the value.
    public static let redacted = "***"

    private let value: String

    /// Wraps `value`.
    public init(_ value: String) {
        self.value = value
    }

    /// The secret itself, for the one place that puts it on the wire.
    public var revealed: String { value }

    public var description: String { Self.redacted }

    public var debugDescription: String { "Secret(\(Self.redacted))" }

    /// A mirror without children, so `dump` and reflection-based printers see nothing but the redaction.
    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .struct)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(String.self)
        guard !value.isEmpty else {
            throw DiagnosticError(
                .error(
                    .httpEmptySecret,
                    "a secret must not be empty (is the variable it comes from unset?)",
                    at: decoder.yamlLocation
                )
            )
        }
        self.value = value
    }

    /// Encodes as `***`, so that a configuration written back out never carries the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.redacted)
    }
}

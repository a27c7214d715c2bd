import ExporterDiagnostics

/// One field of the exporter's configuration: a key of the workflow YAML and a property of the Swift config type.
public struct ConfigField: Sendable, Hashable {
    /// The snake_case key in workflow YAML (`[a-z][a-z0-9_]*`).
    public var name: String
    /// The lowerCamelCase Swift property name derived from `name` (not escaped; see `SwiftIdentifier`).
    public var swiftName: String
    /// The value type.
    public var type: FieldType
    /// The value used when the key is absent (and `env` gives nothing), typed to match `type`.
    public var defaultValue: FieldValue?
    /// Whether the key must be given (in the YAML or through `env`).
    public var required: Bool
    /// The environment variable read when the key is absent from the workflow YAML.
    public var env: String?
    /// What the field is for; empty when not written.
    public var description: String
    /// The smallest allowed value (int, double or duration fields).
    public var min: FieldValue?
    /// The largest allowed value (int, double or duration fields).
    public var max: FieldValue?
    /// A regular expression the whole value must match (string, secret or url fields).
    public var pattern: String?
    /// Where the field's mapping starts.
    public var location: SourceLocation

    /// Creates a field.
    public init(
        name: String,
        swiftName: String,
        type: FieldType,
        defaultValue: FieldValue? = nil,
        required: Bool = false,
        env: String? = nil,
        description: String = "",
        min: FieldValue? = nil,
        max: FieldValue? = nil,
        pattern: String? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.swiftName = swiftName
        self.type = type
        self.defaultValue = defaultValue
        self.required = required
        self.env = env
        self.description = description
        self.min = min
        self.max = max
        self.pattern = pattern
        self.location = location
    }
}

/// The type of a configuration field.
public indirect enum FieldType: Sendable, Hashable {
    /// Text.
    case string
    /// A 64-bit integer.
    case int
    /// A floating-point number.
    case double
    /// `true` or `false`.
    case bool
    /// An absolute URL.
    case url
    /// A duration: `5s`, `250ms`, or a number of seconds.
    case duration
    /// Text that must never be logged or printed (API keys, passwords).
    case secret
    /// One of a fixed set of strings (`enum` with `values`).
    case enumeration([String])
    /// A list of a scalar type (`list` with `of`).
    case list(FieldType)
    /// A map from string to string.
    case map

    /// The name written in the spec's `type:` (`enum` for `.enumeration`, `list` for `.list`).
    public var keyword: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .double: "double"
        case .bool: "bool"
        case .url: "url"
        case .duration: "duration"
        case .secret: "secret"
        case .enumeration: "enum"
        case .list: "list"
        case .map: "map"
        }
    }

    /// A readable name including the element type: `list of string`, `enum (us, eu)`.
    public var displayName: String {
        switch self {
        case .enumeration(let values): "enum (\(values.joined(separator: ", ")))"
        case .list(let element): "list of \(element.displayName)"
        default: keyword
        }
    }

    /// Whether values are written as one YAML scalar (everything but lists and maps).
    public var isScalar: Bool {
        switch self {
        case .list, .map: false
        default: true
        }
    }

    /// Whether values are text in Swift (string, url, secret, enum).
    public var isTextual: Bool {
        switch self {
        case .string, .url, .secret, .enumeration: true
        default: false
        }
    }
}

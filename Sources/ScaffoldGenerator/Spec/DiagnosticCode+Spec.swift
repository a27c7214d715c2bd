import ExporterDiagnostics

// `exporter.yaml` validation; YAML syntax problems keep their `YAML` codes.
extension DiagnosticCode {
    /// Wrong type: a value has the wrong shape (a mapping where text is needed, ...), or the spec is empty.
    public static let specWrongType = DiagnosticCode("SPEC001")

    /// Unknown key: a mapping holds a key the format does not know (with a did-you-mean).
    public static let specUnknownKey = DiagnosticCode("SPEC002")

    /// Missing key: a required key is absent (reported at the mapping).
    public static let specMissingKey = DiagnosticCode("SPEC003")

    /// Unsupported spec version: `spec_version` is not 1.
    public static let specUnsupportedSpecVersion = DiagnosticCode("SPEC004")

    /// Invalid name: `name` does not match `[a-z][a-z0-9_]*` or is a built-in exporter type.
    public static let specInvalidName = DiagnosticCode("SPEC005")

    /// Invalid module: `module` (written or derived) is not a Swift identifier, is a keyword, clashes with a module
    /// the package depends on, or names its configuration like a runtime type (`WorkflowExporter` →
    /// `WorkflowConfiguration`).
    public static let specInvalidModule = DiagnosticCode("SPEC006")

    /// Invalid version: `version` is not a semantic version.
    public static let specInvalidVersion = DiagnosticCode("SPEC007")

    /// Unknown base: `base` is not raw, span or otel.
    public static let specUnknownBase = DiagnosticCode("SPEC008")

    /// Invalid field name: a field name does not match `[a-z][a-z0-9_]*`, or is `buffer_capacity` or
    /// `overflow_policy` (keys of every exporter section).
    public static let specInvalidFieldName = DiagnosticCode("SPEC009")

    /// Duplicate name: two fields, or two custom processors, share a name.
    public static let specDuplicateName = DiagnosticCode("SPEC010")

    /// Swift name collision: two names differ but camel-case to the same Swift name.
    public static let specSwiftNameCollision = DiagnosticCode("SPEC011")

    /// Unknown field type.
    public static let specUnknownFieldType = DiagnosticCode("SPEC012")

    /// Invalid default: a default does not fit the field's type.
    public static let specInvalidDefault = DiagnosticCode("SPEC013")

    /// Default violates a constraint: outside `min`/`max`, not matching `pattern`, not among `values`.
    public static let specDefaultViolatesConstraint = DiagnosticCode("SPEC014")

    /// Required with default: `required: true` and a `default` contradict each other.
    public static let specRequiredWithDefault = DiagnosticCode("SPEC015")

    /// Secret default: a `secret` field has a non-empty default.
    public static let specSecretDefault = DiagnosticCode("SPEC016")

    /// Constraint not applicable: `min`/`max`/`pattern`/`values`/`of` on a type that does not take it.
    public static let specConstraintNotApplicable = DiagnosticCode("SPEC017")

    /// Invalid constraint: a bound of the wrong type, `min` greater than `max`, a pattern that does not compile.
    public static let specInvalidConstraint = DiagnosticCode("SPEC018")

    /// Invalid enum values: an enum without `values`, or with empty or repeated values.
    public static let specInvalidEnumValues = DiagnosticCode("SPEC019")

    /// Invalid list element type: a list without `of`.
    public static let specInvalidListElementType = DiagnosticCode("SPEC020")

    /// Unknown processor kind.
    public static let specUnknownProcessorKind = DiagnosticCode("SPEC021")

    /// Invalid option value: an option value outside its allowed words or range.
    public static let specInvalidOptionValue = DiagnosticCode("SPEC022")

    /// Misplaced batch: `batch` appears more than once or is not the last processor.
    public static let specMisplacedBatch = DiagnosticCode("SPEC023")

    /// Invalid custom processor name: not `[a-z][a-z0-9_]*`.
    public static let specInvalidCustomProcessorName = DiagnosticCode("SPEC024")

    /// Unknown transport kind.
    public static let specUnknownTransportKind = DiagnosticCode("SPEC025")

    /// Base and transport mismatch: `base: otel` without `transport.kind: otlp`, or the reverse.
    public static let specBaseTransportMismatch = DiagnosticCode("SPEC026")

    /// Option not applicable: a key that belongs to another transport or processor kind.
    public static let specOptionNotApplicable = DiagnosticCode("SPEC027")

    /// Invalid endpoint: neither an absolute http(s) URL nor exactly one `${field}` of type url/string.
    public static let specInvalidEndpoint = DiagnosticCode("SPEC028")

    /// Undeclared field: `${name}` or a `*_field` option names no config field (with a did-you-mean).
    public static let specUndeclaredField = DiagnosticCode("SPEC029")

    /// Incompatible field: a referenced field's type does not fit where it is used.
    public static let specIncompatibleField = DiagnosticCode("SPEC030")

    /// Malformed template: `${` without `}` or with an invalid field name.
    public static let specMalformedTemplate = DiagnosticCode("SPEC031")

    /// Invalid runtime: `runtime` needs `path`, or `url` with `from` (a semantic version), not both.
    public static let specInvalidRuntime = DiagnosticCode("SPEC032")

    /// Invalid environment variable: `env` is not `[A-Za-z_][A-Za-z0-9_]*`.
    public static let specInvalidEnvironmentVariable = DiagnosticCode("SPEC033")
}

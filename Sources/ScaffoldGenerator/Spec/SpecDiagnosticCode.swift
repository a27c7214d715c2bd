/// The stable diagnostic codes of `exporter.yaml` validation; users and tools match on them, so a code never
/// changes meaning. YAML syntax problems keep their `YAML0xx` codes.
///
/// - `SPEC001` wrong type: a value has the wrong shape (a mapping where text is needed, ...), or the spec is empty.
/// - `SPEC002` unknown key: a mapping holds a key the format does not know (with a did-you-mean).
/// - `SPEC003` missing key: a required key is absent (reported at the mapping).
/// - `SPEC004` unsupported spec version: `spec_version` is not 1.
/// - `SPEC005` invalid name: `name` does not match `[a-z][a-z0-9_]*` or is a built-in exporter type.
/// - `SPEC006` invalid module: `module` (written or derived) is not a Swift identifier, is a keyword, or clashes
///   with a module the package depends on.
/// - `SPEC007` invalid version: `version` is not a semantic version.
/// - `SPEC008` unknown base: `base` is not raw, span or otel.
/// - `SPEC009` invalid field name: a field name does not match `[a-z][a-z0-9_]*`.
/// - `SPEC010` duplicate name: two fields, or two custom processors, share a name.
/// - `SPEC011` Swift name collision: two names differ but camel-case to the same Swift name.
/// - `SPEC012` unknown field type.
/// - `SPEC013` invalid default: a default does not fit the field's type.
/// - `SPEC014` default violates a constraint: outside `min`/`max`, not matching `pattern`, not among `values`.
/// - `SPEC015` required with default: `required: true` and a `default` contradict each other.
/// - `SPEC016` secret default: a `secret` field has a non-empty default.
/// - `SPEC017` constraint not applicable: `min`/`max`/`pattern`/`values`/`of` on a type that does not take it.
/// - `SPEC018` invalid constraint: a bound of the wrong type, `min` greater than `max`, a pattern that does not
///   compile.
/// - `SPEC019` invalid enum values: an enum without `values`, or with empty or repeated values.
/// - `SPEC020` invalid list element type: a list without `of`.
/// - `SPEC021` unknown processor kind.
/// - `SPEC022` invalid option value: an option value outside its allowed words or range.
/// - `SPEC023` misplaced batch: `batch` appears more than once or is not the last processor.
/// - `SPEC024` invalid custom processor name: not `[a-z][a-z0-9_]*`.
/// - `SPEC025` unknown transport kind.
/// - `SPEC026` base and transport mismatch: `base: otel` without `transport.kind: otlp`, or the reverse.
/// - `SPEC027` option not applicable: a key that belongs to another transport or processor kind.
/// - `SPEC028` invalid endpoint: neither an absolute http(s) URL nor exactly one `${field}` of type url/string.
/// - `SPEC029` undeclared field: `${name}` or a `*_field` option names no config field (with a did-you-mean).
/// - `SPEC030` incompatible field: a referenced field's type does not fit where it is used.
/// - `SPEC031` malformed template: `${` without `}` or with an invalid field name.
/// - `SPEC032` invalid runtime: `runtime` needs `path`, or `url` with `from` (a semantic version), not both.
/// - `SPEC033` invalid environment variable: `env` is not `[A-Za-z_][A-Za-z0-9_]*`.
public enum SpecDiagnosticCode: String, Sendable, Hashable, CaseIterable {
    /// A value has the wrong shape, or the spec is empty.
    case wrongType = "SPEC001"
    /// A key the format does not know.
    case unknownKey = "SPEC002"
    /// A required key is absent.
    case missingKey = "SPEC003"
    /// `spec_version` is not 1.
    case unsupportedSpecVersion = "SPEC004"
    /// `name` is malformed or reserved.
    case invalidName = "SPEC005"
    /// `module` is not usable as a Swift module name.
    case invalidModule = "SPEC006"
    /// `version` is not semver.
    case invalidVersion = "SPEC007"
    /// `base` is unknown.
    case unknownBase = "SPEC008"
    /// A field name is malformed.
    case invalidFieldName = "SPEC009"
    /// Two fields or custom processors share a name.
    case duplicateName = "SPEC010"
    /// Two names camel-case to the same Swift name.
    case swiftNameCollision = "SPEC011"
    /// A field type is unknown.
    case unknownFieldType = "SPEC012"
    /// A default does not fit its type.
    case invalidDefault = "SPEC013"
    /// A default violates min/max/pattern/values.
    case defaultViolatesConstraint = "SPEC014"
    /// `required: true` with a default.
    case requiredWithDefault = "SPEC015"
    /// A secret with a non-empty default.
    case secretDefault = "SPEC016"
    /// A constraint on a type that does not take it.
    case constraintNotApplicable = "SPEC017"
    /// A malformed constraint.
    case invalidConstraint = "SPEC018"
    /// An enum's values are missing, empty or repeated.
    case invalidEnumValues = "SPEC019"
    /// A list without its element type.
    case invalidListElementType = "SPEC020"
    /// A processor kind is unknown.
    case unknownProcessorKind = "SPEC021"
    /// An option value is not allowed.
    case invalidOptionValue = "SPEC022"
    /// `batch` repeated or not last.
    case misplacedBatch = "SPEC023"
    /// A custom processor name is malformed.
    case invalidCustomProcessorName = "SPEC024"
    /// A transport kind is unknown.
    case unknownTransportKind = "SPEC025"
    /// `base: otel` and `transport.kind: otlp` go together.
    case baseTransportMismatch = "SPEC026"
    /// A key of another kind.
    case optionNotApplicable = "SPEC027"
    /// A transport endpoint is not usable.
    case invalidEndpoint = "SPEC028"
    /// A reference to a field that is not declared.
    case undeclaredField = "SPEC029"
    /// A reference to a field of the wrong type.
    case incompatibleField = "SPEC030"
    /// A malformed `${...}`.
    case malformedTemplate = "SPEC031"
    /// A malformed `runtime`.
    case invalidRuntime = "SPEC032"
    /// A malformed `env`.
    case invalidEnvironmentVariable = "SPEC033"
}

/// The stable diagnostic codes of the YAML module; users and tools match on them, so a code never changes meaning.
///
/// - `YAML001` syntax error: libyaml rejected the text (its problem text, at its problem mark).
/// - `YAML002` duplicate key: a mapping repeats a key (reported at the second occurrence).
/// - `YAML003` alias expansion limit: expanding aliases would exceed `maxNodes` nodes or `maxExpandedBytes` bytes
///   of scalar text, or a document uses more than `maxAliases` aliases (billion-laughs protection).
/// - `YAML004` unset variable: `${VAR}` names an environment variable that is not set and has no default.
/// - `YAML005` nesting too deep: collections nest deeper than `maxDepth`.
/// - `YAML006` malformed interpolation: a `${` without a closing `}` or with an invalid variable name.
/// - `YAML007` invalid text: the input is not valid UTF-8 or contains characters YAML forbids.
/// - `YAML008` multiple documents: the stream holds more than one document.
/// - `YAML009` unknown alias: `*name` refers to an anchor that is not (yet) defined.
/// - `YAML010` type mismatch: a value has the wrong type for the field it is decoded into.
/// - `YAML011` missing key: a required key is absent from a mapping.
/// - `YAML012` unknown key: a mapping holds a key the target type does not know.
/// - `YAML013` out of range: a number does not fit the integer or floating-point type it is decoded into.
/// - `YAML014` invalid value: a value has the right type but is not acceptable (an unknown enum case, a
///   malformed URL, a value a type's own decoding rejected).
/// - `YAML015` invalid merge: a merge key `<<` whose value is not a mapping or a sequence of mappings.
/// - `YAML016` unsupported key: a mapping key that is not a scalar where a string key is needed.
/// - `YAML017` missing element: a sequence has fewer elements than the target type reads.
/// - `YAML020` unreadable file: the file does not exist, is a directory or cannot be read.
/// - `YAML021` parser failure: libyaml could not be set up or ran out of memory.
public enum YAMLDiagnosticCode {
    /// Syntax error reported by libyaml.
    public static let syntaxError = "YAML001"
    /// A mapping repeats a key.
    public static let duplicateKey = "YAML002"
    /// Alias expansion would exceed the node or alias limit.
    public static let aliasExpansionLimit = "YAML003"
    /// `${VAR}` without a default names an unset variable.
    public static let unsetVariable = "YAML004"
    /// Collections nest deeper than the limit.
    public static let nestingTooDeep = "YAML005"
    /// `${` is not followed by a valid `NAME}` or `NAME:-default}`.
    public static let malformedInterpolation = "YAML006"
    /// The input is not valid UTF-8 or holds a forbidden character.
    public static let invalidText = "YAML007"
    /// The stream holds more than one document.
    public static let multipleDocuments = "YAML008"
    /// An alias refers to an undefined anchor.
    public static let unknownAlias = "YAML009"
    /// A value has the wrong type.
    public static let typeMismatch = "YAML010"
    /// A required key is absent.
    public static let missingKey = "YAML011"
    /// A key is not known to the target type.
    public static let unknownKey = "YAML012"
    /// A number does not fit its target type.
    public static let outOfRange = "YAML013"
    /// A value of the right type is not acceptable.
    public static let invalidValue = "YAML014"
    /// A merge key's value is not a mapping or a sequence of mappings.
    public static let invalidMerge = "YAML015"
    /// A mapping key is not a scalar where a string key is needed.
    public static let unsupportedKey = "YAML016"
    /// A sequence has fewer elements than needed.
    public static let missingElement = "YAML017"
    /// A file cannot be read.
    public static let unreadableFile = "YAML020"
    /// libyaml failed for a reason other than the input's syntax.
    public static let parserFailure = "YAML021"
}

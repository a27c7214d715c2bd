import ExporterDiagnostics

// YAML syntax and decoding: every reader of YAML (configurations, specs) reports these.
extension DiagnosticCode {
    /// Syntax error: libyaml rejected the text (its problem text, at its problem mark).
    public static let yamlSyntaxError = DiagnosticCode("YAML001")

    /// Duplicate key: a mapping repeats a key (reported at the second occurrence).
    public static let yamlDuplicateKey = DiagnosticCode("YAML002")

    /// Alias expansion limit: expanding aliases would exceed `maxNodes` nodes or `maxExpandedBytes` bytes of scalar
    /// text, or a document uses more than `maxAliases` aliases (billion-laughs protection).
    public static let yamlAliasExpansionLimit = DiagnosticCode("YAML003")

    /// Unset variable: `${VAR}` names an environment variable that is not set and has no default.
    public static let yamlUnsetVariable = DiagnosticCode("YAML004")

    /// Nesting too deep: collections nest deeper than `maxDepth`.
    public static let yamlNestingTooDeep = DiagnosticCode("YAML005")

    /// Malformed interpolation: a `${` without a closing `}` or with an invalid variable name.
    public static let yamlMalformedInterpolation = DiagnosticCode("YAML006")

    /// Invalid text: the input is not valid UTF-8 or contains characters YAML forbids.
    public static let yamlInvalidText = DiagnosticCode("YAML007")

    /// Multiple documents: the stream holds more than one document.
    public static let yamlMultipleDocuments = DiagnosticCode("YAML008")

    /// Unknown alias: `*name` refers to an anchor that is not (yet) defined.
    public static let yamlUnknownAlias = DiagnosticCode("YAML009")

    /// Type mismatch: a value has the wrong type for the field it is decoded into.
    public static let yamlTypeMismatch = DiagnosticCode("YAML010")

    /// Missing key: a required key is absent from a mapping.
    public static let yamlMissingKey = DiagnosticCode("YAML011")

    /// Unknown key: a mapping holds a key the target type does not know.
    public static let yamlUnknownKey = DiagnosticCode("YAML012")

    /// Out of range: a number does not fit the integer or floating-point type it is decoded into.
    public static let yamlOutOfRange = DiagnosticCode("YAML013")

    /// Invalid value: a value has the right type but is not acceptable (an unknown enum case, a malformed URL, a value
    /// a type's own decoding rejected).
    public static let yamlInvalidValue = DiagnosticCode("YAML014")

    /// Invalid merge: a merge key `<<` whose value is not a mapping or a sequence of mappings.
    public static let yamlInvalidMerge = DiagnosticCode("YAML015")

    /// Unsupported key: a mapping key that is not a scalar where a string key is needed.
    public static let yamlUnsupportedKey = DiagnosticCode("YAML016")

    /// Missing element: a sequence has fewer elements than the target type reads.
    public static let yamlMissingElement = DiagnosticCode("YAML017")

    /// Unsupported tag: a node carries a tag other than YAML's core ones (`!foo`, `!!binary`), or a core tag
    /// that does not fit its value (`!!int abc`).
    public static let yamlUnsupportedTag = DiagnosticCode("YAML018")

    /// Unreadable file: the file does not exist, is a directory or cannot be read.
    public static let yamlUnreadableFile = DiagnosticCode("YAML020")

    /// Parser failure: libyaml could not be set up or ran out of memory.
    public static let yamlParserFailure = DiagnosticCode("YAML021")
}

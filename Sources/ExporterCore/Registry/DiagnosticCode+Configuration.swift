import ExporterDiagnostics

// A workflow configuration's structure and values, beyond what YAML decoding itself checks.
extension DiagnosticCode {
    /// Not a mapping: a node that must be a mapping (the path to `general.telemetry.tracing`, that section, a
    /// processor) is not one.
    public static let configurationNotAMapping = DiagnosticCode("CFG001")

    /// Missing type: an exporter section has no `_type`.
    public static let configurationMissingType = DiagnosticCode("CFG002")

    /// Unknown type: an exporter section's `_type` is not registered (with a did-you-mean).
    public static let configurationUnknownType = DiagnosticCode("CFG003")

    /// Invalid value: a value is outside its allowed range or set.
    public static let configurationInvalidValue = DiagnosticCode("CFG004")

    /// Unusable path: a file or directory the configuration names cannot be used.
    public static let configurationUnusablePath = DiagnosticCode("CFG005")

    /// No exporters: the workflow has no `general.telemetry.tracing` section, or it is empty.
    public static let configurationNoExporters = DiagnosticCode("CFG006")
}

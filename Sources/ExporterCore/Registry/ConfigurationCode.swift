import ExporterDiagnostics

/// The configuration codes under the names that generated exporters were written with (`ConfigurationCode.unusablePath`
/// is in every generated file transport): kept so that those packages build against this runtime unchanged. New code
/// names the ``DiagnosticCode`` members.
public enum ConfigurationCode {
    /// ``DiagnosticCode/configurationNotAMapping``.
    public static let notAMapping = DiagnosticCode.configurationNotAMapping
    /// ``DiagnosticCode/configurationMissingType``.
    public static let missingType = DiagnosticCode.configurationMissingType
    /// ``DiagnosticCode/configurationUnknownType``.
    public static let unknownType = DiagnosticCode.configurationUnknownType
    /// ``DiagnosticCode/configurationInvalidValue``.
    public static let invalidValue = DiagnosticCode.configurationInvalidValue
    /// ``DiagnosticCode/configurationUnusablePath``.
    public static let unusablePath = DiagnosticCode.configurationUnusablePath
    /// ``DiagnosticCode/configurationNoExporters``.
    public static let noExporters = DiagnosticCode.configurationNoExporters
}

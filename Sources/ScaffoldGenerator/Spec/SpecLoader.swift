import ExporterDiagnostics
import ExporterYAML

/// Reads `exporter.yaml` into a validated `ExporterSpec`, reporting every problem at once.
public enum SpecLoader {
    /// Parses YAML text (no environment interpolation: `${name}` in a spec references config fields) and validates
    /// it.
    ///
    /// - Parameter file: the name used in diagnostics and locations.
    /// - Throws: every YAML or spec problem, in source order.
    public static func load(text: String, file: String? = nil) throws(DiagnosticError) -> ExporterSpec {
        guard let node = try YAMLParser.parse(text, file: file) else {
            throw DiagnosticError(
                .error(
                    .specWrongType,
                    "the spec is empty",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "start with 'spec_version: 1'"
                )
            )
        }
        return try load(node: node, file: file)
    }

    /// Validates an already parsed document.
    ///
    /// - Parameter file: when given, replaces the file of every reported location.
    /// - Throws: every spec problem, in source order.
    public static func load(node: YAMLNode, file: String? = nil) throws(DiagnosticError) -> ExporterSpec {
        var parser = SpecParser(file: file)
        let spec = parser.parse(node)
        let diagnostics = parser.sortedDiagnostics
        if let spec, diagnostics.isEmpty { return spec }
        if diagnostics.isEmpty {
            // Every path that returns no spec reports why; this keeps the contract if one ever does not.
            throw DiagnosticError(
                .error(.specWrongType, "the spec could not be read", at: parser.location(node))
            )
        }
        throw DiagnosticError(diagnostics)
    }
}

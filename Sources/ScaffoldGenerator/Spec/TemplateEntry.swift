import ExporterDiagnostics

/// A named string that may reference fields: an HTTP header or an OTLP resource attribute.
public struct TemplateEntry: Sendable, Hashable {
    /// The header or attribute name, as written.
    public var name: String
    /// The value.
    public var value: StringTemplate
    /// Where the name is written.
    public var location: SourceLocation

    /// Creates an entry.
    public init(name: String, value: StringTemplate, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

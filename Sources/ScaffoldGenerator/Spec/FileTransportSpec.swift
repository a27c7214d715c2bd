import ExporterDiagnostics

/// `kind: file`.
public struct FileTransportSpec: Sendable, Hashable {
    /// How items are written, one JSON document a line.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// The base's natural JSON lines: events as toolkit IntermediateStep, spans as span JSON.
        case jsonl
        /// Events as toolkit IntermediateStep JSON lines (`base: raw` only).
        case intermediateStep = "intermediate_step"
        /// Events as ATOF JSON lines (`base: raw` only).
        case atof
    }

    /// `path`: the output file; may reference fields (`"${output_path}"`).
    public var path: StringTemplate
    /// `format` (default `jsonl`).
    public var format: Format
    /// Where the transport's mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(path: StringTemplate, format: Format = .jsonl, location: SourceLocation) {
        self.path = path
        self.format = format
        self.location = location
    }
}

import ExporterDiagnostics

/// `kind: redact` options, as the runtime's `RedactionOptions`.
public struct RedactProcessorSpec: Sendable, Hashable {
    /// `key_paths`: dotted paths of JSON keys whose values are replaced.
    public var keyPaths: OptionValue<[String]>?
    /// `value_patterns`: regular expressions whose matches are replaced anywhere.
    public var valuePatterns: OptionValue<[String]>?
    /// `replacement`: the text put in place of redacted values.
    public var replacement: OptionValue<String>?
    /// `redact_attributes`: span attributes redacted as a whole.
    public var redactAttributes: OptionValue<[String]>?
    /// Where the processor's mapping starts.
    public var location: SourceLocation

    /// Creates the options.
    public init(
        keyPaths: OptionValue<[String]>? = nil,
        valuePatterns: OptionValue<[String]>? = nil,
        replacement: OptionValue<String>? = nil,
        redactAttributes: OptionValue<[String]>? = nil,
        location: SourceLocation
    ) {
        self.keyPaths = keyPaths
        self.valuePatterns = valuePatterns
        self.replacement = replacement
        self.redactAttributes = redactAttributes
        self.location = location
    }
}

import ExporterDiagnostics

/// `kind: enrich` options, as the runtime's `EnrichmentOptions`.
public struct EnrichProcessorSpec: Sendable, Hashable {
    /// `tags`: fixed tags to add.
    public var tags: OptionValue<[String: String]>?
    /// `environment_tags`: tag name → environment variable read at run time.
    public var environmentTags: OptionValue<[String: String]>?
    /// `prefix`: prepended to every added tag name.
    public var prefix: OptionValue<String>?
    /// `append_to_tags`: whether tags are appended to existing ones rather than replacing them.
    public var appendToTags: OptionValue<Bool>?
    /// Where the processor's mapping starts.
    public var location: SourceLocation

    /// Creates the options.
    public init(
        tags: OptionValue<[String: String]>? = nil,
        environmentTags: OptionValue<[String: String]>? = nil,
        prefix: OptionValue<String>? = nil,
        appendToTags: OptionValue<Bool>? = nil,
        location: SourceLocation
    ) {
        self.tags = tags
        self.environmentTags = environmentTags
        self.prefix = prefix
        self.appendToTags = appendToTags
        self.location = location
    }
}

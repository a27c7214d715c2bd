/// What an ``EnrichmentProcessor`` adds to every event (the toolkit's span tagging).
public struct EnrichmentOptions: Sendable, Hashable {
    /// Fixed tags: tag name → value.
    public var tags: [String: String]

    /// Tags read from the environment once, when the processor is made: tag name → environment variable name.
    /// A variable that is not set is skipped and reported; an environment tag overrides a fixed tag of the same
    /// name (the deployment knows better than the code).
    public var environmentTags: [String: String]

    /// The namespace of the metadata keys (`{prefix}.{tag}`). Nil takes the toolkit's: the `NAT_SPAN_PREFIX`
    /// environment variable, or `nat` when it is unset or blank. An empty prefix writes bare tag names.
    public var prefix: String?

    /// Also append `tag:value` to the event's `tags` (once; an identical entry is not repeated).
    public var appendToTags: Bool

    /// Creates options; the defaults add nothing.
    public init(
        tags: [String: String] = [:],
        environmentTags: [String: String] = [:],
        prefix: String? = nil,
        appendToTags: Bool = false
    ) {
        self.tags = tags
        self.environmentTags = environmentTags
        self.prefix = prefix
        self.appendToTags = appendToTags
    }
}

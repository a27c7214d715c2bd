import ExporterDiagnostics

/// `kind: filter` options, as the runtime's `FilterOptions`; nil options take the runtime default.
public struct FilterProcessorSpec: Sendable, Hashable {
    /// Whether matching events are kept (`include`) or dropped (`exclude`).
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Keep matching events.
        case include
        /// Drop matching events.
        case exclude
    }

    /// `mode`.
    public var mode: OptionValue<Mode>?
    /// `categories`: category names (`llm`, `tool`, `custom:<subtype>`, ...).
    public var categories: OptionValue<[String]>?
    /// `phases`: `start`, `end`, `chunk`, `mark`.
    public var phases: OptionValue<[String]>?
    /// `names`: event names, exact or with `*` wildcards.
    public var names: OptionValue<[String]>?
    /// Where the processor's mapping starts.
    public var location: SourceLocation

    /// Creates the options.
    public init(
        mode: OptionValue<Mode>? = nil,
        categories: OptionValue<[String]>? = nil,
        phases: OptionValue<[String]>? = nil,
        names: OptionValue<[String]>? = nil,
        location: SourceLocation
    ) {
        self.mode = mode
        self.categories = categories
        self.phases = phases
        self.names = names
        self.location = location
    }
}

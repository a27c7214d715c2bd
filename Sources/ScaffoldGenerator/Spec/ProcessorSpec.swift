import ExporterDiagnostics

/// One processor of the exporter's pipeline, as written in `processors[]`.
public enum ProcessorSpec: Sendable, Hashable {
    /// Keeps or drops events by category, phase and name (runtime `FilterProcessor`).
    case filter(FilterProcessorSpec)
    /// Replaces sensitive values (runtime `RedactionProcessor`).
    case redact(RedactProcessorSpec)
    /// Adds tags (runtime `EnrichmentProcessor`).
    case enrich(EnrichProcessorSpec)
    /// Keeps a fraction of traces (runtime `SamplingProcessor`).
    case sample(SampleProcessorSpec)
    /// Groups items into batches (runtime `BatchingProcessor`); always last.
    case batch(BatchProcessorSpec)
    /// A typed hook the user implements in a user-owned file.
    case custom(CustomProcessorSpec)

    /// The processor's `kind`.
    public var kind: ProcessorKind {
        switch self {
        case .filter: .filter
        case .redact: .redact
        case .enrich: .enrich
        case .sample: .sample
        case .batch: .batch
        case .custom: .custom
        }
    }

    /// Where the processor's mapping starts.
    public var location: SourceLocation {
        switch self {
        case .filter(let spec): spec.location
        case .redact(let spec): spec.location
        case .enrich(let spec): spec.location
        case .sample(let spec): spec.location
        case .batch(let spec): spec.location
        case .custom(let spec): spec.location
        }
    }
}

/// The `kind:` values of `processors[]`.
public enum ProcessorKind: String, Sendable, Hashable, CaseIterable {
    /// See `ProcessorSpec.filter`.
    case filter
    /// See `ProcessorSpec.redact`.
    case redact
    /// See `ProcessorSpec.enrich`.
    case enrich
    /// See `ProcessorSpec.sample`.
    case sample
    /// See `ProcessorSpec.batch`.
    case batch
    /// See `ProcessorSpec.custom`.
    case custom
}

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

/// `kind: sample` options, as the runtime's `SamplingOptions`.
public struct SampleProcessorSpec: Sendable, Hashable {
    /// `rate`: the fraction of traces kept, 0...1.
    public var rate: OptionValue<Double>?
    /// Where the processor's mapping starts.
    public var location: SourceLocation

    /// Creates the options.
    public init(rate: OptionValue<Double>? = nil, location: SourceLocation) {
        self.rate = rate
        self.location = location
    }
}

/// `kind: batch` options, as the runtime's `BatchingOptions`.
public struct BatchProcessorSpec: Sendable, Hashable {
    /// Which item is lost when the queue is full.
    public enum OverflowPolicy: String, Sendable, Hashable, CaseIterable {
        /// Refuse the incoming item.
        case dropNewest = "drop_newest"
        /// Evict the oldest queued item.
        case dropOldest = "drop_oldest"
    }

    /// `batch_size`: items per batch (at least 1).
    public var batchSize: OptionValue<Int>?
    /// `flush_interval`: the longest an item waits in a partial batch (greater than zero).
    public var flushInterval: OptionValue<Duration>?
    /// `max_queue_size`: the most items held (at least `batch_size`).
    public var maxQueueSize: OptionValue<Int>?
    /// `overflow_policy`: `drop_newest` or `drop_oldest`.
    public var overflowPolicy: OptionValue<OverflowPolicy>?
    /// Where the processor's mapping starts.
    public var location: SourceLocation

    /// Creates the options.
    public init(
        batchSize: OptionValue<Int>? = nil,
        flushInterval: OptionValue<Duration>? = nil,
        maxQueueSize: OptionValue<Int>? = nil,
        overflowPolicy: OptionValue<OverflowPolicy>? = nil,
        location: SourceLocation
    ) {
        self.batchSize = batchSize
        self.flushInterval = flushInterval
        self.maxQueueSize = maxQueueSize
        self.overflowPolicy = overflowPolicy
        self.location = location
    }
}

/// `kind: custom`: a processor the user implements.
public struct CustomProcessorSpec: Sendable, Hashable {
    /// What the hook transforms.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// `AgentEvent → AgentEvent?`, before the exporter builds its items.
        case events
        /// The exporter's item (`AgentEvent` for raw, `Span` for span/otel).
        case items
    }

    /// The snake_case name written in the spec.
    public var name: String
    /// The UpperCamelCase form of `name` (`scrub_pii` → `ScrubPii`); the renderer adds its own suffix.
    public var swiftName: String
    /// What the hook transforms.
    public var stage: Stage
    /// Where the processor's mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(name: String, swiftName: String, stage: Stage, location: SourceLocation) {
        self.name = name
        self.swiftName = swiftName
        self.stage = stage
        self.location = location
    }
}

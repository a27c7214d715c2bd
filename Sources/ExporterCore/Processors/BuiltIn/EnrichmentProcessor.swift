import ExporterEvents

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Adds fixed and environment-derived tags to every event's metadata under `{prefix}.{tag}`, and optionally to
/// its `tags` (see ``EnrichmentOptions``).
///
/// The environment is read once, at init; the per-event work is writing precomputed entries, and an event that
/// already carries all of them is passed on untouched.
public struct EnrichmentProcessor: TransformProcessor {
    public typealias Input = AgentEvent
    public typealias Output = AgentEvent

    /// The namespace in use (resolved from the options and the environment).
    public let prefix: String
    /// The tags written, by tag name, after reading the environment.
    public let resolvedTags: [String: String]
    /// Environment variables that `environmentTags` named but the environment did not set, sorted.
    public let missingEnvironmentVariables: [String]
    /// Whether `tag:value` entries are appended to `tags`.
    public let appendsToTags: Bool

    private let metadataEntries: [(key: String, value: JSONValue)]
    private let tagEntries: [String]
    private var eventsEnriched = 0

    /// Creates an enricher, reading `environment` (the process's by default) once; throws a `PRC006` diagnostic
    /// for an empty tag name.
    public init(
        options: EnrichmentOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        for name in options.tags.keys where name.isEmpty {
            throw ProcessorOptionError.emptyTagKey("EnrichmentProcessor", option: "tags")
        }
        for name in options.environmentTags.keys where name.isEmpty {
            throw ProcessorOptionError.emptyTagKey("EnrichmentProcessor", option: "environmentTags")
        }
        var resolved = options.tags
        var missing: [String] = []
        for (name, variable) in options.environmentTags {
            if let value = environment[variable] {
                resolved[name] = value
            } else {
                missing.append(variable)
            }
        }
        let prefix: String
        if let configured = options.prefix {
            prefix = configured
        } else {
            let fromEnvironment = environment["NAT_SPAN_PREFIX"]?.trimmingCharacters(in: .whitespaces) ?? ""
            prefix = fromEnvironment.isEmpty ? "nat" : fromEnvironment
        }
        let ordered = resolved.sorted { $0.key < $1.key }
        self.prefix = prefix
        resolvedTags = resolved
        missingEnvironmentVariables = Array(Set(missing)).sorted()
        appendsToTags = options.appendToTags
        metadataEntries = ordered.map { (prefix.isEmpty ? $0.key : "\(prefix).\($0.key)", .string($0.value)) }
        tagEntries = options.appendToTags ? ordered.map { "\($0.key):\($0.value)" } : []
    }

    /// Creates an enricher from individual options (see ``init(options:environment:)``).
    public init(
        tags: [String: String] = [:],
        environmentTags: [String: String] = [:],
        prefix: String? = nil,
        appendToTags: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        try self.init(
            options: EnrichmentOptions(
                tags: tags,
                environmentTags: environmentTags,
                prefix: prefix,
                appendToTags: appendToTags
            ),
            environment: environment
        )
    }

    /// `event` with the tags written; the same value when it already carries them all.
    public mutating func enrich(_ event: AgentEvent) -> AgentEvent {
        var metadata = event.metadata
        var metadataChanged = false
        for (key, value) in metadataEntries where metadata[key] != value {
            metadata[key] = value
            metadataChanged = true
        }
        var tags = event.tags
        var tagsChanged = false
        for entry in tagEntries where !tags.contains(entry) {
            tags.append(entry)
            tagsChanged = true
        }
        guard metadataChanged || tagsChanged else { return event }
        var event = event
        if metadataChanged { event.metadata = metadata }
        if tagsChanged { event.tags = tags }
        eventsEnriched += 1
        return event
    }

    public mutating func transform(_ event: AgentEvent) async throws -> AgentEvent? {
        enrich(event)
    }

    /// `events_enriched` and `missing_environment_variables` (how many named variables were unset).
    public var statistics: [String: Double] {
        [
            "events_enriched": Double(eventsEnriched),
            "missing_environment_variables": Double(missingEnvironmentVariables.count),
        ]
    }
}

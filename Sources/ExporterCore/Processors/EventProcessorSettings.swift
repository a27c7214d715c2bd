/// One entry of an exporter section's `processors:` list in a workflow file: a built-in event stage and its options.
///
/// ```yaml
/// processors:
///   - {_type: filter, categories: [llm, tool]}
///   - {_type: redact, key_paths: [input.api_key], value_patterns: ["sk-[A-Za-z0-9]+"]}
///   - {_type: enrich, tags: {env: prod}, environment_tags: {region: AWS_REGION}}
///   - {_type: sample, rate: 0.25}
/// ```
///
/// The `_type` names and option keys are those of the generator's spec `processors[]` (docs/SPEC.md). Settings are
/// values; ``makeStage(environment:)`` builds a fresh stage from them, so every run gets its own.
import ExporterEvents

public enum EventProcessorSettings: Sendable, Hashable {
    /// `filter`: keeps or drops events by category, phase and name (``FilterProcessor``).
    case filter(FilterOptions)
    /// `redact`: replaces values at key paths and matches of value patterns (``RedactionProcessor``).
    case redact(RedactionOptions)
    /// `enrich`: adds fixed and environment tags (``EnrichmentProcessor``).
    case enrich(EnrichmentOptions)
    /// `sample`: keeps a fraction of traces, the same ones in every run (``SamplingProcessor``).
    case sample(SamplingOptions)

    /// The `_type` names, in documentation order.
    public static let typeNames = ["filter", "redact", "enrich", "sample"]

    /// The entry's `_type`.
    public var typeName: String {
        switch self {
        case .filter: "filter"
        case .redact: "redact"
        case .enrich: "enrich"
        case .sample: "sample"
        }
    }

    /// A new stage with these options; `environment` is what `enrich` reads its environment tags from.
    ///
    /// - Throws: the processor's `PRC00x` diagnostic when the options are invalid.
    public func makeStage(environment: [String: String]) throws -> any Processor<AgentEvent, AgentEvent> {
        switch self {
        case .filter(let options): try FilterProcessor(options: options)
        case .redact(let options): try RedactionProcessor(options: options)
        case .enrich(let options): try EnrichmentProcessor(options: options, environment: environment)
        case .sample(let options): try SamplingProcessor(options: options)
        }
    }

    /// A fresh chain of `settings` in order, each stage reporting its statistics under `processors.<_type>`
    /// (`processors.<_type>_2` for the second stage of a type, and so on).
    public static func makeChain(
        _ settings: [EventProcessorSettings],
        environment: [String: String]
    ) throws -> EventStageChain {
        var seen: [String: Int] = [:]
        var stages: [EventStageChain.Stage] = []
        for entry in settings {
            let occurrence = seen[entry.typeName, default: 0] + 1
            seen[entry.typeName] = occurrence
            let name = "processors." + entry.typeName + (occurrence == 1 ? "" : "_\(occurrence)")
            stages.append(EventStageChain.Stage(name: name, processor: try entry.makeStage(environment: environment)))
        }
        return EventStageChain(stages)
    }
}

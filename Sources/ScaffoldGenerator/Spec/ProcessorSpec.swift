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

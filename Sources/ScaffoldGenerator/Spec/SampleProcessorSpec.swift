import ExporterDiagnostics

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

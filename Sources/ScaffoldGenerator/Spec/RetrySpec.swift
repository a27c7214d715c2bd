import ExporterDiagnostics

/// `retry` of the http and otlp transports.
public struct RetrySpec: Sendable, Hashable {
    /// `max_attempts`: attempts per batch including the first (at least 1).
    public var maxAttempts: OptionValue<Int>?
    /// `deadline`: the most time spent on one batch across attempts.
    public var deadline: OptionValue<Duration>?
    /// Where the mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(maxAttempts: OptionValue<Int>? = nil, deadline: OptionValue<Duration>? = nil, location: SourceLocation)
    {
        self.maxAttempts = maxAttempts
        self.deadline = deadline
        self.location = location
    }
}

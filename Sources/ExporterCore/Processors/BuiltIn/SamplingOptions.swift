/// How many traces a ``SamplingProcessor`` keeps.
public struct SamplingOptions: Sendable, Hashable {
    /// The fraction of traces kept, from 0 (none) to 1 (all, the default).
    public var rate: Double

    /// Creates options; `rate` is checked by ``validate()``.
    public init(rate: Double = 1) {
        self.rate = rate
    }

    /// Throws a `PRC001` diagnostic when `rate` is not a number from 0 to 1.
    public func validate() throws {
        guard rate.isFinite, (0...1).contains(rate) else {
            throw ProcessorOptionError.outOfRange(
                "SamplingProcessor",
                option: "rate",
                value: "\(rate)",
                allowed: "0 to 1 inclusive"
            )
        }
    }
}

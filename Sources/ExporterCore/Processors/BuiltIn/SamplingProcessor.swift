/// Keeps whole traces or none of them: an event passes when its trace's position, a fixed hash of
/// `rootUUID ?? uuid` mapped to [0, 1), is below ``SamplingOptions/rate``.
///
/// The hash is FNV-1a 64 over the UTF-8 bytes followed by the SplitMix64 finalizer (so that ids differing only
/// in their last characters still spread evenly). Unlike `Hasher` it is not seeded per process, so every process,
/// every run and every exporter reaches the same decision for the same trace.
import ExporterEvents

public struct SamplingProcessor: TransformProcessor {
    public typealias Input = AgentEvent
    public typealias Output = AgentEvent

    /// The validated fraction of traces kept.
    public let rate: Double
    /// Positions are 53-bit integers; a trace is kept when its position is below this.
    private let threshold: UInt64

    private var sampledIn = 0
    private var sampledOut = 0

    /// Creates a sampler; throws a `PRC001` diagnostic when the rate is not a number from 0 to 1.
    public init(options: SamplingOptions) throws {
        try options.validate()
        rate = options.rate
        threshold = UInt64(options.rate * Self.positionScale)
    }

    /// Creates a sampler keeping the fraction `rate` of traces.
    public init(rate: Double) throws {
        try self.init(options: SamplingOptions(rate: rate))
    }

    private static let positionScale = Double(UInt64(1) << 53)

    /// Where `traceID` falls in [0, 1); the same in every process.
    public static func position(of traceID: String) -> Double {
        Double(positionBits(of: traceID)) / positionScale
    }

    private static func positionBits(of traceID: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in traceID.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 30
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 27
        hash &*= 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        return hash >> 11
    }

    /// True when `event`'s trace is sampled in.
    public func keeps(_ event: AgentEvent) -> Bool {
        Self.positionBits(of: event.rootUUID ?? event.uuid) < threshold
    }

    public mutating func transform(_ event: AgentEvent) async throws -> AgentEvent? {
        if keeps(event) {
            sampledIn += 1
            return event
        }
        sampledOut += 1
        return nil
    }

    /// `sampled_in` and `sampled_out` event counts.
    public var statistics: [String: Double] {
        ["sampled_in": Double(sampledIn), "sampled_out": Double(sampledOut)]
    }
}

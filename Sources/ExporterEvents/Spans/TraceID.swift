/// A 16-byte OpenTelemetry trace id, stored as two big-endian halves.
public struct TraceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first 8 bytes, big-endian.
    public var high: UInt64
    /// The last 8 bytes, big-endian.
    public var low: UInt64

    /// Creates a trace id from its halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The trace id of the trace whose root scope has `rootUUID`: the 16 bytes of the UUID (hyphenated or not,
    /// either case), or, when the string is not a UUID or its last 8 bytes are zero, a stable 128-bit hash of it:
    /// FNV-1a 64 over its UTF-8 bytes from the offset bases `0xcbf29ce484222325` (high half) and
    /// `0x55c5e55dfb685f30` (low half), each through the SplitMix64 finalizer. Never random: every exporter, in
    /// every process, derives the same id from the same uuid.
    public init(deriving rootUUID: String) {
        let identity = ScopeIdentity(rootUUID)
        self.init(high: identity.high, low: identity.low)
    }

    /// Parses 32 hex digits (either case), or nil.
    public init?(hex: String) {
        guard let words = HexDigits.words(hex, count: 2) else { return nil }
        self.init(high: words[0], low: words[1])
    }

    /// False for the all-zero id, which OTLP treats as absent.
    public var isValid: Bool { high != 0 || low != 0 }

    /// The 16 bytes, as OTLP carries them.
    public var bytes: [UInt8] { HexDigits.bytes(high, low) }

    /// 32 lowercase hex digits.
    public var description: String { HexDigits.string(high, low) }

    public static func < (lhs: TraceID, rhs: TraceID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

/// An 8-byte OpenTelemetry span id.
public struct SpanID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 8 bytes, big-endian.
    public var value: UInt64

    /// Creates a span id from its bytes as a big-endian integer.
    public init(_ value: UInt64) {
        self.value = value
    }

    /// The span id of the scope with `uuid`: the last 8 bytes of the UUID, or of the stable hash of the string when
    /// it is not a UUID — always the low half of the identity whose whole is ``TraceID/init(deriving:)``.
    public init(deriving uuid: String) {
        self.init(ScopeIdentity(uuid).low)
    }

    /// Parses 16 hex digits (either case), or nil.
    public init?(hex: String) {
        guard let words = HexDigits.words(hex, count: 1) else { return nil }
        self.init(words[0])
    }

    /// False for the all-zero id, which OTLP treats as absent.
    public var isValid: Bool { value != 0 }

    /// The 8 bytes, as OTLP carries them.
    public var bytes: [UInt8] { HexDigits.bytes(value) }

    /// 16 lowercase hex digits.
    public var description: String { HexDigits.string(value) }

    public static func < (lhs: SpanID, rhs: SpanID) -> Bool {
        lhs.value < rhs.value
    }
}

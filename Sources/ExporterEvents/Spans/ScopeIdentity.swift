/// The 128 bits that a scope's uuid string stands for, from which its trace and span ids derive.
///
/// A canonical UUID (`8-4-4-4-12` hex digits, or the 32 digits without hyphens, either case) gives its own 16
/// bytes, as NeMo Relay derives ids: then every export of the same events, by any exporter and in any process,
/// joins on the same trace and span ids. Any other string (and a UUID whose last 8 bytes are zero, which would
/// give an invalid span id) is hashed instead, stably and never randomly: `high` is FNV-1a 64 over the string's
/// UTF-8 bytes from the standard offset basis `0xcbf29ce484222325`, `low` is FNV-1a 64 from the basis
/// `0x55c5e55dfb685f30` (the standard one XOR `0x9e3779b97f4a7c15`), each passed through the SplitMix64
/// finalizer so that short strings still spread over all bits; a zero `low` becomes 1.
struct ScopeIdentity: Hashable {
    var high: UInt64
    var low: UInt64

    init(_ uuid: String) {
        if let parsed = Self.parse(uuid), parsed.low != 0 {
            self = parsed
        } else {
            high = Self.mix(Self.fnv1a(uuid, basis: 0xcbf2_9ce4_8422_2325))
            low = Self.mix(Self.fnv1a(uuid, basis: 0x55c5_e55d_fb68_5f30))
            if low == 0 { low = 1 }
        }
    }

    private init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The 16 bytes of a canonical UUID string, or nil when the string is not one.
    static func parse(_ uuid: String) -> ScopeIdentity? {
        let utf8 = uuid.utf8
        let hyphenated: Bool
        switch utf8.count {
        case 36: hyphenated = true
        case 32: hyphenated = false
        default: return nil
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var nibbles = 0
        for (index, byte) in utf8.enumerated() {
            if hyphenated && (index == 8 || index == 13 || index == 18 || index == 23) {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard let nibble = HexDigits.value(of: byte) else { return nil }
            if nibbles < 16 { high = high << 4 | nibble } else { low = low << 4 | nibble }
            nibbles += 1
        }
        return ScopeIdentity(high: high, low: low)
    }

    private static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

import Synchronization

/// Fresh version-4 UUID strings for scopes and marks, made cheaply enough for the emit path.
///
/// A SplitMix64 sequence over one atomic counter, seeded once from the system's random source: each UUID costs one
/// atomic add and a handful of multiplications instead of a `getrandom` call (Foundation's `UUID()` measured about
/// 50 times slower on Linux). Each UUID draws from two counter values no other UUID uses, so its 122 random bits
/// are as unlikely to repeat as a `getrandom` UUID's; they are unique, not secret: nothing uses them for security.
enum EventUUID {
    private static let golden: UInt64 = 0x9e37_79b9_7f4a_7c15
    private static let counter = Atomic<UInt64>(UInt64.random(in: .min ... .max))

    /// A new lowercase `8-4-4-4-12` UUID string.
    static func make() -> String {
        let base = counter.wrappingAdd(2 &* golden, ordering: .relaxed).oldValue
        // Version 4 in the 13th nibble, variant 10 in the top bits of the 17th.
        let high = (mix(base &+ golden) & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000
        let low = (mix(base &+ 2 &* golden) & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000
        return format(high: high, low: low)
    }

    /// The canonical string of the 16 bytes `high` ‖ `low`.
    static func format(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            HexDigits.write(high >> 32, nibbles: 8, into: buffer, at: 0)
            buffer[8] = UInt8(ascii: "-")
            HexDigits.write(high >> 16, nibbles: 4, into: buffer, at: 9)
            buffer[13] = UInt8(ascii: "-")
            HexDigits.write(high, nibbles: 4, into: buffer, at: 14)
            buffer[18] = UInt8(ascii: "-")
            HexDigits.write(low >> 48, nibbles: 4, into: buffer, at: 19)
            buffer[23] = UInt8(ascii: "-")
            HexDigits.write(low, nibbles: 12, into: buffer, at: 24)
            return 36
        }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

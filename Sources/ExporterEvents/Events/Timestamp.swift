#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A wall-clock instant with nanosecond precision, as nanoseconds since the Unix epoch.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanosecondsSinceEpoch: Int64

    /// Creates a timestamp from nanoseconds since the epoch.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// The current wall-clock time (`CLOCK_REALTIME`).
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(nanosecondsSinceEpoch: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }

    /// Creates a timestamp from float epoch seconds (the toolkit's format) so that `secondsSinceEpoch` gives the
    /// very same double back: the integral seconds are split off first, so only the fraction is rounded.
    public init(secondsSinceEpoch seconds: Double) {
        let whole = seconds.rounded(.down)
        let nanos = ((seconds - whole) * 1_000_000_000).rounded()
        self.nanosecondsSinceEpoch = Int64(whole) * 1_000_000_000 + Int64(nanos)
    }

    /// Float epoch seconds (the toolkit's format).
    public var secondsSinceEpoch: Double {
        let (whole, nanos) = nanosecondsSinceEpoch.quotientAndRemainder(dividingBy: 1_000_000_000)
        if nanos < 0 { return Double(whole - 1) + Double(nanos + 1_000_000_000) / 1_000_000_000 }
        return Double(whole) + Double(nanos) / 1_000_000_000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    /// The instant `nanoseconds` later.
    public func advanced(byNanoseconds nanoseconds: Int64) -> Timestamp {
        Timestamp(nanosecondsSinceEpoch: nanosecondsSinceEpoch + nanoseconds)
    }

    public var description: String { "\(nanosecondsSinceEpoch)ns" }
}

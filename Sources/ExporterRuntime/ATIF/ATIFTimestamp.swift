/// ATIF step timestamps: ISO 8601 in UTC with microseconds, as Python's `datetime.isoformat()` writes them
/// (`2025-10-09T08:53:20.104127+00:00`), so every Python version's `datetime.fromisoformat` reads them.
enum ATIFTimestamp {
    /// `timestamp` truncated to the microsecond.
    static func format(_ timestamp: Timestamp) -> String {
        let nanos = timestamp.nanosecondsSinceEpoch
        var fraction = nanos % 1_000_000_000
        if fraction < 0 { fraction += 1_000_000_000 }
        let wholeSeconds = RFC3339.format(Timestamp(nanosecondsSinceEpoch: nanos - fraction))
        let micros = String(fraction / 1000)
        let padded = String(repeating: "0", count: 6 - micros.count) + micros
        return "\(wholeSeconds.dropLast()).\(padded)+00:00"
    }
}

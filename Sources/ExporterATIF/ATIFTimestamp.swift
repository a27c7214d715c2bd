/// ATIF step timestamps: ISO 8601 in UTC with microseconds, as Python's `datetime.isoformat()` writes them
/// (`2025-10-09T08:53:20.104127+00:00`), so every Python version's `datetime.fromisoformat` reads them.
import ExporterEvents

enum ATIFTimestamp {
    /// `timestamp` rounded to the nearest microsecond, as Python's `datetime.fromtimestamp` rounds: a toolkit
    /// epoch-seconds float then prints the digits it was written with.
    static func format(_ timestamp: Timestamp) -> String {
        let (micros, _) = floorDivide(timestamp.nanosecondsSinceEpoch &+ 500, 1000)
        let (seconds, fraction) = floorDivide(micros, 1_000_000)
        let wholeSeconds = RFC3339.format(Timestamp(nanosecondsSinceEpoch: seconds &* 1_000_000_000))
        let digits = String(fraction)
        return "\(wholeSeconds.dropLast()).\(String(repeating: "0", count: 6 - digits.count))\(digits)+00:00"
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

import ExporterEvents

extension Timestamp {
    /// Like ``init(secondsSinceEpoch:)``, but nil for values outside the nanosecond range (NaN, infinities, years
    /// beyond ±292) instead of trapping, since the seconds come from files.
    init?(checkedSecondsSinceEpoch seconds: Double) {
        guard seconds.isFinite, abs(seconds) < 9_000_000_000 else { return nil }
        self.init(secondsSinceEpoch: seconds)
    }
}

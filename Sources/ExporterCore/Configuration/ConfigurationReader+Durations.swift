extension ConfigurationReader {
    /// The duration `key` gives (a number of seconds or a number with a unit), which must be longer than zero: a
    /// timeout or an interval of zero would never let anything through.
    public mutating func positiveDuration(_ key: String, in section: ConfigurationSection) -> Duration? {
        positiveDurationEntry(key, in: section)?.value
    }

    /// ``positiveDuration(_:in:)`` with where the value is written.
    public mutating func positiveDurationEntry(
        _ key: String,
        in section: ConfigurationSection
    ) -> ConfigurationEntry<Duration>? {
        let entry = check(value(key, in: section, as: ConfigDuration.self), hint: "for example 5s or 0.5") {
            $0.duration <= .zero ? "must be longer than zero" : nil
        }
        return entry.map {
            ConfigurationEntry(
                value: $0.value.duration,
                location: $0.location,
                origin: $0.origin,
                variable: $0.variable
            )
        }
    }
}

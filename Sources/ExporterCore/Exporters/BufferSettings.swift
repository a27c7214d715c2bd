/// The per-exporter buffer settings every built-in type accepts: `buffer_capacity` and `overflow_policy`.
public struct BufferSettings: Sendable, Hashable {
    /// Events the exporter buffers between the emitting code and its pipeline.
    public var capacity: Int
    /// What happens when the buffer is full.
    public var overflowPolicy: OverflowPolicy

    /// The largest `buffer_capacity` a configuration may ask for. The buffer's slots are allocated up front, so a
    /// capacity of, say, `9223372036854775807` would bring the process down instead of failing with a diagnostic.
    public static let maximumCapacity = 1_000_000

    /// Creates settings; the defaults suit interactive agents (10,000 events, refuse the newest when full).
    public init(capacity: Int = 10_000, overflowPolicy: OverflowPolicy = .dropNewest) {
        self.capacity = capacity
        self.overflowPolicy = overflowPolicy
    }
}

extension OverflowPolicy: Decodable {}

extension ConfigurationReader {
    /// `buffer_capacity` and `overflow_policy`, which every exporter type accepts: the one place they are read and
    /// checked for the built-in types.
    public mutating func buffer(in section: ConfigurationSection) -> BufferSettings {
        buffer(
            capacity: value("buffer_capacity", in: section),
            overflowPolicy: value("overflow_policy", in: section, as: OverflowPolicy.self)
        )
    }

    /// The buffer settings from entries decoded elsewhere (a generated configuration's `Document`), with the
    /// policy as written.
    public mutating func buffer(
        capacity: ConfigurationEntry<Int>?,
        overflowPolicy: ConfigurationEntry<String>?
    ) -> BufferSettings {
        let policy = convert(overflowPolicy, expected: "drop_newest or drop_oldest", secret: false) {
            OverflowPolicy(rawValue: $0)
        }
        return buffer(capacity: capacity, overflowPolicy: policy)
    }

    /// The buffer settings from entries decoded elsewhere; an omitted setting takes its default.
    public mutating func buffer(
        capacity: ConfigurationEntry<Int>?,
        overflowPolicy: ConfigurationEntry<OverflowPolicy>?
    ) -> BufferSettings {
        var settings = BufferSettings()
        let inRange = check(capacity) { capacity in
            if capacity < 1 { return "must be at least 1, not \(capacity)" }
            if capacity > BufferSettings.maximumCapacity {
                return
                    "must be at most \(BufferSettings.maximumCapacity) (its slots are allocated up front), not \(capacity)"
            }
            return nil
        }
        if let capacity = inRange {
            settings.capacity = capacity.value
        }
        if let overflowPolicy { settings.overflowPolicy = overflowPolicy.value }
        settle("buffer_capacity", inRange, default: "\(settings.capacity)")
        settle("overflow_policy", overflowPolicy, default: settings.overflowPolicy.rawValue) { $0.rawValue }
        return settings
    }
}

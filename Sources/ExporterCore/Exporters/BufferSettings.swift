import ExporterDiagnostics
import ExporterYAML

/// The per-exporter buffer settings every built-in type accepts: `buffer_capacity` and `overflow_policy`.
public struct BufferSettings: Sendable, Hashable {
    /// Events the exporter buffers between the emitting code and its pipeline.
    public var capacity: Int
    /// What happens when the buffer is full.
    public var overflowPolicy: OverflowPolicy

    /// Creates settings; the defaults suit interactive agents (10,000 events, refuse the newest when full).
    public init(capacity: Int = 10_000, overflowPolicy: OverflowPolicy = .dropNewest) {
        self.capacity = capacity
        self.overflowPolicy = overflowPolicy
    }
}

extension OverflowPolicy: Decodable {}

extension BufferSettings {
    /// Reads `buffer_capacity` and `overflow_policy` from a configuration's container.
    package static func decode<Key: CodingKey>(
        from container: KeyedDecodingContainer<Key>,
        capacityKey: Key,
        policyKey: Key,
        decoder: any Decoder
    ) throws -> BufferSettings {
        var settings = BufferSettings()
        if let capacity = try container.decodeIfPresent(Int.self, forKey: capacityKey) {
            guard capacity >= 1 else {
                throw DiagnosticError(
                    .error(
                        .configurationInvalidValue,
                        "'buffer_capacity' must be at least 1, not \(capacity)",
                        at: (try? container.superDecoder(forKey: capacityKey))?.yamlLocation ?? decoder.yamlLocation
                    )
                )
            }
            settings.capacity = capacity
        }
        if let policy = try container.decodeIfPresent(OverflowPolicy.self, forKey: policyKey) {
            settings.overflowPolicy = policy
        }
        return settings
    }
}

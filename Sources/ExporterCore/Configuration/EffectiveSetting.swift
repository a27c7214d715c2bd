import ExporterDiagnostics
import ExporterYAML

/// Where a value of an exporter's effective configuration came from.
public enum ConfigurationSource: Sendable, Hashable {
    /// Written in the workflow YAML, at this position.
    case workflow(SourceLocation?)
    /// The environment variable of this name.
    case environment(String)
    /// The exporter type's default.
    case `default`
}

/// One key of an exporter's effective configuration: the value in use, and where it came from. A secret's value
/// is ``Secret/redacted``.
public struct EffectiveSetting: Sendable, Hashable {
    /// The configuration key (`endpoint`).
    public var key: String
    /// The value in use, as text; ``Secret/redacted`` for a secret.
    public var value: String
    /// Where it came from.
    public var source: ConfigurationSource

    /// Creates a setting.
    public init(key: String, value: String, source: ConfigurationSource) {
        self.key = key
        self.value = value
        self.source = source
    }
}

extension EffectiveSetting {
    /// What ``complete(_:keys:section:)`` shows for a key whose type settles no value.
    public static let unrecorded = "(not recorded)"

    /// `settings` and, after them, every other key of `keys` (those a type reads): so the listing names every key
    /// even of a type that settles none. Such a key's value is not shown (it may be a secret), only whether it is
    /// written and where.
    package static func complete(_ settings: [EffectiveSetting], keys: [String], section: YAMLNode) -> [Self] {
        let settled = Set(settings.map { $0.key.split(separator: ".").first.map(String.init) ?? $0.key })
        var complete = settings
        for key in keys where !settled.contains(key) {
            let written = section.mapping?.first { $0.key.scalar?.value == key }
            complete.append(
                EffectiveSetting(
                    key: key,
                    value: unrecorded,
                    source: written.map { .workflow($0.key.location) } ?? .default
                )
            )
        }
        return complete
    }
}

extension ConfigurationReader {
    /// Records the effective value of `key`: the entry's (with its source), else `defaultValue` as the type's
    /// default. `secret` shows ``Secret/redacted`` instead of the value (a default included).
    public mutating func settle<Value>(
        _ key: String,
        _ entry: ConfigurationEntry<Value>?,
        default defaultValue: String?,
        secret: Bool = false,
        render: (Value) -> String = { "\($0)" }
    ) {
        if let entry {
            settle(key, value: secret ? Secret.redacted : render(entry.value), source: entry.source)
        } else if let defaultValue {
            settle(key, value: secret ? Secret.redacted : defaultValue, source: .default)
        }
    }

    /// Records the effective value of `key`, already rendered (and masked, for a secret).
    public mutating func settle(_ key: String, value: String, source: ConfigurationSource) {
        settings.append(EffectiveSetting(key: key, value: value, source: source))
    }
}

import Synchronization

/// Collects the effective settings a section's ``ConfigurationReader`` settles, for `scaffold replay
/// --explain-config`: the registry hands one to the decoder of each exporter section
/// (``CodingUserInfoKey/configurationRecorder``), so every type whose configuration reads its section through a
/// ``ConfigurationSection`` reports its settings without doing anything else.
package final class ConfigurationRecorder: Sendable {
    private let recorded = Mutex<[EffectiveSetting]>([])

    package init() {}

    /// The settings of the last reader that finished with any.
    package var settings: [EffectiveSetting] { recorded.withLock { $0 } }

    /// Keeps `settings`, replacing those of an earlier reader of the same section (a generated configuration
    /// reads its section once to check it and once more to resolve it).
    package func record(_ settings: [EffectiveSetting]) {
        guard !settings.isEmpty else { return }
        recorded.withLock { $0 = settings }
    }
}

extension CodingUserInfoKey {
    /// The ``ConfigurationRecorder`` an exporter section's readers report their settings to.
    package static let configurationRecorder = CodingUserInfoKey(rawValue: "exporter.configurationRecorder")!
}

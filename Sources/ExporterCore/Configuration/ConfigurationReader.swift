import ExporterDiagnostics

/// Reads the fields of a configuration section, collecting every problem so that all are reported at once: the one
/// way every exporter type reads its section, the engine of the `resolve(environment:)` that generated exporter
/// configurations have and of the built-in types' `init(from:)` (which read a ``ConfigurationSection``).
///
/// Each step takes and returns an optional ``ConfigurationEntry``: nil means "absent or already reported", so the
/// steps chain without checks in between, and ``finish()`` throws every recorded problem as `CFG004` diagnostics,
/// each at the value's position (the section's, for a missing key or a value from the environment).
///
/// ```swift
/// var reader = ConfigurationReader(section: location, environment: environment)
/// let raw = reader.read(batchSize, key: "batch_size", env: "BATCH", expected: "an integer") { Int($0) }
/// let size = reader.check(raw) { $0 >= 1 ? nil : "must be at least 1, not \($0)" }
/// try reader.finish()
/// ```
public struct ConfigurationReader: Sendable {
    /// Where the section starts: the position of problems that have no value of their own.
    public let section: SourceLocation?
    /// The environment fallbacks are read from.
    public let environment: [String: String]
    /// The problems recorded so far.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// The effective value of every key settled so far (``settle(_:_:default:secret:render:)``), in order: what
    /// `scaffold replay --explain-config` shows.
    public internal(set) var settings: [EffectiveSetting] = []
    /// Where ``finish()`` reports ``settings``: set for a section the registry decodes.
    var recorder: ConfigurationRecorder?

    /// Creates a reader for the section at `section`.
    public init(section: SourceLocation?, environment: [String: String]) {
        self.section = section
        self.environment = environment
    }

    /// The written value, else the environment variable's text parsed by `parse`, else nil. An environment value
    /// that does not parse is recorded as a problem; its text is never shown (it may be a secret).
    public mutating func read<Value>(
        _ written: ConfigurationEntry<Value>?,
        key: String,
        env: String?,
        expected: String,
        parse: (String) -> Value?
    ) -> ConfigurationEntry<Value>? {
        if let written { return written }
        guard let env, let text = environment[env] else { return nil }
        guard let value = parse(text) else {
            diagnostics.append(
                .error(
                    .configurationInvalidValue,
                    "environment variable \(env) (the fallback of '\(key)') is not \(expected)",
                    at: section
                )
            )
            return nil
        }
        return ConfigurationEntry(
            value: value,
            location: section,
            origin: "environment variable \(env)",
            variable: env
        )
    }

    /// `entry`, recording a missing-key problem when it is nil.
    public mutating func require<Value>(
        _ entry: ConfigurationEntry<Value>?,
        key: String,
        env: String?
    ) -> ConfigurationEntry<Value>? {
        if entry == nil {
            diagnostics.append(
                .error(
                    .configurationInvalidValue,
                    "missing required key '\(key)'",
                    at: section,
                    hint: env.map { "set '\(key)' in the workflow YAML or the environment variable \($0)" }
                )
            )
        }
        return entry
    }

    /// The entry's value transformed, recording a problem when `transform` gives nil; with `secret`, the message
    /// does not show the value.
    public mutating func convert<Value, Result>(
        _ entry: ConfigurationEntry<Value>?,
        expected: String,
        secret: Bool,
        _ transform: (Value) -> Result?
    ) -> ConfigurationEntry<Result>? {
        convert(entry, expected: expected, secret: secret, hint: nil, transform)
    }

    /// The entry, recording the problem `problem` finds (nil: none); a faulty entry is dropped.
    @discardableResult
    public mutating func check<Value>(
        _ entry: ConfigurationEntry<Value>?,
        _ problem: (Value) -> String?
    ) -> ConfigurationEntry<Value>? {
        check(entry, hint: nil, problem)
    }

    /// Throws every recorded problem at once, and hands the settled values to the section's recorder.
    ///
    /// - Throws: a `DiagnosticError` with all recorded diagnostics, when there is one.
    public func finish() throws(DiagnosticError) {
        recorder?.record(settings)
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
    }
}

import ExporterDiagnostics
import ExporterYAML

/// The steps with a hint, and problems of no single value: what the built-in configurations need beyond the steps
/// generated configurations call.
extension ConfigurationReader {
    /// ``convert(_:expected:secret:_:)`` with a hint for the problem.
    public mutating func convert<Value, Result>(
        _ entry: ConfigurationEntry<Value>?,
        expected: String,
        secret: Bool,
        hint: String?,
        _ transform: (Value) -> Result?
    ) -> ConfigurationEntry<Result>? {
        guard let entry else { return nil }
        guard let result = transform(entry.value) else {
            let shown = secret ? "" : ", not '\(entry.value)'"
            report("\(entry.origin) must be \(expected)\(shown)", at: entry.location, hint: hint)
            return nil
        }
        return ConfigurationEntry(
            value: result,
            location: entry.location,
            origin: entry.origin,
            variable: entry.variable
        )
    }

    /// ``check(_:_:)`` with a hint for the problem.
    @discardableResult
    public mutating func check<Value>(
        _ entry: ConfigurationEntry<Value>?,
        hint: String?,
        _ problem: (Value) -> String?
    ) -> ConfigurationEntry<Value>? {
        guard let entry else { return nil }
        if let message = problem(entry.value) {
            report("\(entry.origin) \(message)", at: entry.location, hint: hint)
            return nil
        }
        return entry
    }

    /// Records a problem no single value's check finds, such as a rule about two keys.
    public mutating func report(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        diagnostics.append(.error(.configurationInvalidValue, message, at: location, hint: hint))
    }

    /// Records that the required `key` is missing (`YAML011`, as the decoder reports a missing key), at the
    /// section, with a hint that names where else it may come from.
    public mutating func reportMissing(_ key: String, hint: String?) {
        diagnostics.append(.error(.yamlMissingKey, "missing required key '\(key)'", at: section, hint: hint))
    }
}

import ExporterDiagnostics
import ExporterYAML

/// A configuration section as written, for an `init(from:)` that reads it key by key into a
/// ``ConfigurationReader`` (as the built-in types do).
///
/// Each value is decoded with the decoder's own rules (the toolkit's YAML 1.1 booleans and quoted numbers in a
/// workflow file, enum spellings with a did-you-mean), but a value that does not decode is recorded in the reader
/// instead of thrown, so a type that adopts `YAMLReportsAllProblems` reports its wrong types, bad values and
/// unknown keys together, from one ``ConfigurationReader/finish()``.
///
/// ```swift
/// let section = try ConfigurationSection(decoder)
/// var reader = section.reader()
/// let files = reader.check(reader.value("max_files", in: section, as: Int.self)) { $0 < 0 ? "cannot be negative" : nil }
/// try reader.finish()
/// ```
public struct ConfigurationSection {
    /// Where the section starts.
    public let location: SourceLocation?
    /// The environment the registry builds the exporter with (``CodingUserInfoKey/configurationEnvironment``),
    /// for fallbacks such as `OTEL_*` variables; empty when the decoder was not given one.
    public let environment: [String: String]
    fileprivate let container: KeyedDecodingContainer<ConfigurationKey>
    /// Where the reader's settings go, when the registry decodes the section.
    let recorder: ConfigurationRecorder?

    /// The section `decoder` decodes.
    ///
    /// - Throws: the decoder's error when the section is not a mapping.
    public init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: ConfigurationKey.self)
        location = decoder.yamlLocation
        environment = decoder.userInfo[.configurationEnvironment] as? [String: String] ?? [:]
        recorder = decoder.userInfo[.configurationRecorder] as? ConfigurationRecorder
    }

    /// A reader with the section's environment, whose problems without a value of their own are placed at the
    /// section.
    public func reader() -> ConfigurationReader {
        var reader = ConfigurationReader(section: location, environment: environment)
        reader.recorder = recorder
        return reader
    }

    /// Whether `key` is written with a value other than null (which ``ConfigurationReader/value(_:in:as:)``
    /// takes as absent), even one that does not decode: a rule about several keys then knows that a nil entry
    /// is a problem already recorded, not a key left out.
    public func isWritten(_ key: String) -> Bool {
        let key = ConfigurationKey(key)
        return container.contains(key) && (try? container.decodeNil(forKey: key)) == false
    }
}

extension ConfigurationReader {
    /// The value of `key` as written; nil when it is absent (or null) or does not decode, which is recorded.
    public mutating func value<Value: Decodable>(
        _ key: String,
        in section: ConfigurationSection,
        as type: Value.Type = Value.self
    ) -> ConfigurationEntry<Value>? {
        recording(key, in: section) { try $0.decodeIfPresent(ConfigurationEntry<Value>.self, forKey: $1) }
    }

    /// The value of `key`, which must be written; a missing key is recorded as the decoder reports one (at the
    /// section, with a did-you-mean among the keys written).
    public mutating func required<Value: Decodable>(
        _ key: String,
        in section: ConfigurationSection,
        as type: Value.Type = Value.self
    ) -> ConfigurationEntry<Value>? {
        recording(key, in: section) { try $0.decode(ConfigurationEntry<Value>.self, forKey: $1) }
    }

    private mutating func recording<Value>(
        _ key: String,
        in section: ConfigurationSection,
        _ decode: (KeyedDecodingContainer<ConfigurationKey>, ConfigurationKey) throws -> ConfigurationEntry<Value>?
    ) -> ConfigurationEntry<Value>? {
        do {
            return try decode(section.container, ConfigurationKey(key))
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        } catch {
            // Only decoders other than the YAML decoder throw plain errors; they know no positions.
            report("'\(key)' is invalid: \(error)", at: section.location)
        }
        return nil
    }
}

extension CodingUserInfoKey {
    /// The environment variables an exporter section is decoded with; ``ExporterRegistry`` sets it, so a
    /// configuration's `init(from:)` falls back to the same environment its factory gets.
    public static let configurationEnvironment = CodingUserInfoKey(rawValue: "exporter.configurationEnvironment")!
}

/// Any key: a section's keys are named by the reader's calls, not by an enumeration.
struct ConfigurationKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

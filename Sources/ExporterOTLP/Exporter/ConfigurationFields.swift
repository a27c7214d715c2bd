import ExporterCore
import ExporterDiagnostics
import ExporterHTTP
import ExporterYAML
import Foundation

/// Reads and validates the fields of an exporter configuration, reporting every invalid value as `CFG004` at the
/// value's position.
struct ConfigurationFields<Key: CodingKey> {
    let container: KeyedDecodingContainer<Key>
    let decoder: any Decoder

    /// Where the value of `key` starts, else where the section starts.
    func location(_ key: Key) throws -> SourceLocation? {
        (try? container.superDecoder(forKey: key))?.yamlLocation ?? decoder.yamlLocation
    }

    func invalid(_ key: Key, _ message: String, hint: String? = nil) throws -> DiagnosticError {
        DiagnosticError(.error(ConfigurationCode.invalidValue, message, at: try location(key), hint: hint))
    }

    /// An absolute `http` or `https` URL with a host. The text is not repeated in the message: it may carry
    /// credentials (`https://user:token@host/...`).
    func endpoint(_ key: Key) throws -> URL {
        let text = try container.decode(String.self, forKey: key)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw try invalid(
                key,
                "'\(key.stringValue)' must be an absolute http:// or https:// URL with a host",
                hint: "for example http://localhost:4318/v1/traces"
            )
        }
        return url
    }

    func nonEmptyString(_ key: Key) throws -> String? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        if text.isEmpty { throw try invalid(key, "'\(key.stringValue)' cannot be empty") }
        return text
    }

    func integer(_ key: Key, atLeast minimum: Int) throws -> Int? {
        guard let value = try container.decodeIfPresent(Int.self, forKey: key) else { return nil }
        if value < minimum { throw try invalid(key, "'\(key.stringValue)' must be at least \(minimum), not \(value)") }
        return value
    }

    func positiveDuration(_ key: Key) throws -> Duration? {
        guard let value = try container.decodeIfPresent(ConfigDuration.self, forKey: key) else { return nil }
        if value.duration <= .zero {
            throw try invalid(key, "'\(key.stringValue)' must be longer than zero", hint: "for example 5s or 0.5")
        }
        return value.duration
    }

    /// A prefix of attribute keys: dot-separated words of letters, digits, `_` and `-`.
    func attributePrefix(_ key: Key) throws -> String? {
        guard let prefix = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        let words = prefix.split(separator: ".", omittingEmptySubsequences: false)
        let valid = words.allSatisfy { word in
            !word.isEmpty
                && word.unicodeScalars.allSatisfy { $0.isASCII && (Self.isAlphanumeric($0) || $0 == "_" || $0 == "-") }
        }
        if !valid {
            throw try invalid(
                key,
                "'\(key.stringValue)' must be dot-separated words of letters, digits, '_' and '-', not '\(prefix)'",
                hint: "for example nat or my_app.agent"
            )
        }
        return prefix
    }

    /// Header fields in the order written. Names must be HTTP tokens and must not be ones the exporter sets
    /// itself; values must be scalars without line breaks. Values never appear in messages.
    func headers(_ key: Key) throws -> HTTPHeaders {
        guard container.contains(key) else { return HTTPHeaders() }
        let fieldDecoder = try container.superDecoder(forKey: key)
        guard let node = fieldDecoder.yamlNode else {
            let pairs = try container.decode([String: String].self, forKey: key).sorted { $0.key < $1.key }
            return HTTPHeaders(pairs.map { ($0.key, $0.value) })
        }
        if node.isNull { return HTTPHeaders() }
        guard let entries = node.mapping else {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.invalidValue,
                    "'\(key.stringValue)' must map header names to values",
                    at: node.location
                )
            )
        }
        var headers = HTTPHeaders()
        for entry in entries {
            guard let name = entry.key.scalar?.value, Self.isToken(name) else {
                throw DiagnosticError(
                    .error(
                        ConfigurationCode.invalidValue,
                        "header names must be HTTP tokens (letters, digits and !#$%&'*+-.^_`|~)",
                        at: entry.key.location
                    )
                )
            }
            if Self.reservedHeaders.contains(name.lowercased()) {
                throw DiagnosticError(
                    .error(
                        ConfigurationCode.invalidValue,
                        "header '\(name)' is set by the exporter itself",
                        at: entry.key.location,
                        hint: "use 'encoding' for Content-Type and 'compression' for Content-Encoding"
                    )
                )
            }
            guard let scalar = entry.value.scalar, !entry.value.isNull,
                !scalar.value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" })
            else {
                throw DiagnosticError(
                    .error(
                        ConfigurationCode.invalidValue,
                        "the value of header '\(name)' must be text on one line",
                        at: entry.value.location
                    )
                )
            }
            headers.add(name: name, value: scalar.value)
        }
        return headers
    }

    static var reservedHeaders: Set<String> { ["content-type", "content-encoding", "content-length", "host"] }

    static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (isAlphanumeric(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
            }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

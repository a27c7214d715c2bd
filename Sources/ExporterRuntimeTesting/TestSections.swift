import ExporterCore
import ExporterDiagnostics
import Foundation

/// Workflow-YAML sections for the tests of a configuration type: what every generated package's tests use to
/// write a section, pick sample values and collect the problems of decoding one.
public enum TestSections {
    /// A section (a YAML flow mapping) of `entries`, whose values are JSON texts, keys sorted.
    public static func section(_ entries: [String: String]) -> String {
        var pairs: [String] = []
        for key in entries.keys.sorted() {
            pairs.append(json(key) + ": " + (entries[key] ?? "null"))
        }
        return "{" + pairs.joined(separator: ", ") + "}"
    }

    /// `text` as a JSON string.
    public static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The first of `candidates` that matches `pattern` as a whole (or does not, with `matching: false`).
    public static func sample(_ pattern: String, matching: Bool, candidates: [String]) -> String {
        candidates.first { ConfigurationReader.matches($0, pattern) == matching } ?? candidates[0]
    }

    /// The problems `decode` reports, or nil when it succeeds.
    public static func problems<Value>(_ decode: () throws(DiagnosticError) -> Value) -> [Diagnostic]? {
        do {
            _ = try decode()
            return nil
        } catch {
            return error.diagnostics
        }
    }
}

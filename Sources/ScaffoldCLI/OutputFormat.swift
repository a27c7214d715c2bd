import ArgumentParser
import ExporterDiagnostics
import ExporterRuntime

/// `--format text|json` of every command that reports: text for people (problems on standard error), or one JSON
/// document on standard output holding the report and its diagnostics (shapes in docs/cli.md).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// The JSON documents the reporting commands print: one object per run, written on one line.
enum JSONReport {
    /// `value` as compact JSON text.
    static func text(_ value: JSONValue) -> String {
        var buffer: [UInt8] = []
        JSONWriter.write(value, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The diagnostics in the shape every command shares, `DiagnosticRenderer.json`'s: objects with `severity`,
    /// `code`, `message` and, when known, `file`, `line`, `column`, `hint`.
    static func diagnostics(_ diagnostics: [Diagnostic]) -> JSONValue {
        .array(
            diagnostics.map { diagnostic in
                var object: JSONObject = [
                    "severity": .string(diagnostic.severity.rawValue),
                    "code": .string(diagnostic.code.rawValue),
                    "message": .string(diagnostic.message),
                ]
                if let location = diagnostic.location {
                    if let file = location.file { object["file"] = .string(file) }
                    object["line"] = .int(Int64(location.line))
                    object["column"] = .int(Int64(location.column))
                }
                if let hint = diagnostic.hint { object["hint"] = .string(hint) }
                return .object(object)
            }
        )
    }

    /// Prints `object` with its `diagnostics` as the command's one document on standard output.
    static func print(_ object: JSONObject, diagnostics: [Diagnostic]) {
        var object = object
        object["diagnostics"] = Self.diagnostics(diagnostics)
        Swift.print(text(.object(object)))
    }
}

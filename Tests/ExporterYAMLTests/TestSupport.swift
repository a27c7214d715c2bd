import ExporterDiagnostics
import ExporterYAML
import Testing

/// The diagnostics `body` throws; empty when it does not throw. Any other error fails the test.
func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
    do {
        try body()
        return []
    } catch let error as DiagnosticError {
        return error.diagnostics
    } catch {
        Issue.record("expected a DiagnosticError, got \(error)")
        return []
    }
}

/// The single diagnostic `body` throws, or nil when it throws none or several.
func diagnostic(_ body: () throws -> Void) -> Diagnostic? {
    let found = diagnostics(body)
    return found.count == 1 ? found[0] : nil
}

/// `line:column` of a diagnostic, for compact position assertions.
func position(_ diagnostic: Diagnostic?) -> String? {
    diagnostic?.location.map { "\($0.line):\($0.column)" }
}

func parse(_ text: String, file: String? = "test.yaml") throws(DiagnosticError) -> YAMLNode? {
    try YAMLParser.parse(text, file: file)
}

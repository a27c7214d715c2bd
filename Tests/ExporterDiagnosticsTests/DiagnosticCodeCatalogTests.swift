import Foundation
import Testing

/// `docs/diagnostic-codes.md` is the catalog of `DiagnosticCode+*.swift` as committed, and the catalog is complete:
/// every code is declared once, documented, and named by the one rule.
@Suite("Diagnostic code catalog")
struct DiagnosticCodeCatalogTests {
    @Test("docs/diagnostic-codes.md lists every declared code; SCAFFOLD_RECORD=1 re-records it")
    func page() throws {
        let catalog = try DiagnosticCodeCatalog()
        let url = DiagnosticCodeCatalog.packageRoot.appendingPathComponent(DiagnosticCodeCatalog.pagePath)
        if ProcessInfo.processInfo.environment["SCAFFOLD_RECORD"] == "1" {
            try Data(catalog.page.utf8).write(to: url)
        }
        let recorded = try? String(contentsOf: url, encoding: .utf8)
        #expect(recorded == catalog.page, "\(DiagnosticCodeCatalog.pagePath) is stale; SCAFFOLD_RECORD=1 re-records")
    }

    @Test("every code and every name is declared once, with a doc comment")
    func unique() throws {
        let entries = try DiagnosticCodeCatalog().entries
        #expect(entries.count >= 100, "the declaration files were not found under \(DiagnosticCodeCatalog.sources)")
        for (code, count) in Dictionary(entries.map { ($0.code, 1) }, uniquingKeysWith: +) where count > 1 {
            Issue.record("\(code) is declared \(count) times")
        }
        for (name, count) in Dictionary(entries.map { ($0.name, 1) }, uniquingKeysWith: +) where count > 1 {
            Issue.record("DiagnosticCode.\(name) is declared \(count) times")
        }
        for entry in entries where entry.summary.isEmpty {
            Issue.record("DiagnosticCode.\(entry.name) (\(entry.file)) has no doc comment")
        }
    }

    /// The area spelt out, where it is not just the code's letters in lower case.
    static let namePrefixes = ["CFG": "configuration", "PRC": "processor", "GEN": "generator"]

    @Test("codes are capital letters and three digits; names start with their area")
    func style() throws {
        for entry in try DiagnosticCodeCatalog().entries {
            #expect(entry.code.wholeMatch(of: /[A-Z]{2,6}[0-9]{3}/) != nil, "\(entry.code) in \(entry.file)")
            let prefix = Self.namePrefixes[entry.area] ?? entry.area.lowercased()
            let rest = entry.name.dropFirst(prefix.count)
            #expect(
                entry.name.hasPrefix(prefix) && rest.first?.isUppercase == true,
                "DiagnosticCode.\(entry.name) (\(entry.code)) should be \(prefix) followed by the problem"
            )
        }
    }

    @Test("sources name codes through DiagnosticCode members, never as string literals")
    func noLiterals() throws {
        let literal = /"[A-Z]{2,6}[0-9]{3}"/
        for path in DiagnosticCodeCatalog.swiftFiles() where !DiagnosticCodeCatalog.isDeclarationFile(path) {
            let text = try String(
                contentsOf: DiagnosticCodeCatalog.sources.appendingPathComponent(path),
                encoding: .utf8
            )
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(literal) {
                Issue.record(
                    "Sources/\(path):\(index + 1) writes a code as a literal; declare it in DiagnosticCode+*.swift"
                )
            }
        }
    }
}

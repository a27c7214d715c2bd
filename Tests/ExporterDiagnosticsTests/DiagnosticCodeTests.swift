import ExporterDiagnostics
import Foundation
import Testing

/// Scripts read codes from the compiler-style text and from JSON, as they did when a code was a `String`.
@Suite("DiagnosticCode")
struct DiagnosticCodeTests {
    @Test("a diagnostic encodes its code as a bare string and decodes it back")
    func codable() throws {
        let diagnostic = Diagnostic.error(DiagnosticCode("CFG003"), "unknown exporter type 'fiel'")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(diagnostic), as: UTF8.self)
        #expect(json == #"{"code":"CFG003","message":"unknown exporter type 'fiel'","severity":"error"}"#)
        #expect(try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8)) == diagnostic)
    }

    @Test("the renderer's JSON and the header print the raw value")
    func printed() {
        let diagnostic = Diagnostic.error("YAML012", "unknown key 'a'")
        #expect(diagnostic.description == "error[YAML012]: unknown key 'a'")
        #expect(DiagnosticRenderer.json([diagnostic]).contains(#""code":"YAML012""#))
    }
}

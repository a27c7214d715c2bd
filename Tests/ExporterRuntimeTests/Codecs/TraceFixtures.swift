import ExporterDiagnostics
import ExporterRuntime
import Foundation
import Testing

@testable import ExporterEvents

/// Loads the hand-written trace fixtures shared by codec tests.
enum TraceFixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures"),
            "fixture \(name).jsonl is missing"
        )
        return [UInt8](try Data(contentsOf: url))
    }

    static func path(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures")).path
    }

    /// The non-blank lines of a fixture.
    static func lines(_ name: String) throws -> [[UInt8]] {
        try bytes(name).split(separator: UInt8(ascii: "\n")).map(Array.init).filter { !$0.isEmpty }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONParser().parse(bytes)
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser().parse(text)
    }

    /// The diagnostic a throwing call raised.
    static func diagnostic(_ body: () throws(DiagnosticError) -> Void) -> Diagnostic? {
        do {
            try body()
            return nil
        } catch {
            return error.diagnostics.first
        }
    }
}

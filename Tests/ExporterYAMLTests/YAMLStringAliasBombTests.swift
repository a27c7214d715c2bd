import ExporterDiagnostics
import Foundation
import Testing

@testable import ExporterYAML

/// Alias bombs made of long strings rather than many nodes: few nodes, a lot of text once expanded.
@Suite("YAMLStringAliasBombs")
struct YAMLStringAliasBombTests {
    /// One anchored 100 KB scalar and `aliases` aliases of it (about 108 KB of text for 2,000 aliases).
    static func longStringBomb(aliases: Int, withVariable: Bool) -> String {
        let scalar = (withVariable ? "${HOME}" : "") + String(repeating: "x", count: 100_000)
        let references = Array(repeating: "*a", count: aliases).joined(separator: ", ")
        return "long: &a \"\(scalar)\"\ncopies: [\(references)]\n"
    }

    /// `levels` levels of sequences, each holding `width` aliases of the level below; the leaves are `leaf`.
    static func nestedBomb(levels: Int, width: Int, leaf: String) -> String {
        var lines = ["l0: &l0 [\(Array(repeating: leaf, count: width).joined(separator: ", "))]"]
        for level in 1..<levels {
            let aliases = Array(repeating: "*l\(level - 1)", count: width).joined(separator: ", ")
            lines.append("l\(level): &l\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func timed<T>(_ body: () -> T) -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = body()
        return (result, clock.now - start)
    }

    @Test("2,000 aliases of a 100 KB string are refused in well under a second, at the alias crossing the limit")
    func longStringRefused() {
        for withVariable in [false, true] {
            let text = Self.longStringBomb(aliases: 2_000, withVariable: withVariable)
            let (found, elapsed) = timed {
                diagnostics {
                    _ = try YAMLDecoder().decode(YAMLNode.self, from: text, environment: ["HOME": "/root"])
                }
            }
            #expect(elapsed < .seconds(1), "took \(elapsed)")
            #expect(found.count == 1)
            #expect(found.first?.code == .yamlAliasExpansionLimit)
            #expect(found.first?.message.contains("expanding alias '*a'") == true)
            #expect(found.first?.location?.line == 2)
            // 16 MiB of text allows 167 copies of 100 KB plus the anchor: the 167th alias crosses the limit.
            let column = 10 + 4 * 166
            #expect(found.first?.location?.column == column)
        }
    }

    @Test("the byte cap is an option; the node cap alone would have accepted the long-string bomb")
    func byteCapIsConfigurable() throws {
        let text = Self.longStringBomb(aliases: 20, withVariable: false)
        let small = YAMLParseOptions(maxExpandedBytes: 1_000_000)
        let found = diagnostic { _ = try YAMLParser.parse(text, options: small) }
        #expect(found?.code == .yamlAliasExpansionLimit)
        let root = try #require(try YAMLParser.parse(text, options: YAMLParseOptions(maxExpandedBytes: 3_000_000)))
        #expect(root["copies"]?.sequence?.count == 20)
    }

    @Test("interpolation substitutes an aliased node once: a 9^6 bomb of '$x ${HOME}' leaves is accepted quickly")
    func nestedBombInterpolatedOnce() throws {
        let text = Self.nestedBomb(levels: 6, width: 9, leaf: "\"$x ${HOME}\"")
        let (result, elapsed) = timed {
            Result { () throws(DiagnosticError) in
                try YAMLDecoder().decode(YAMLNode.self, from: text, environment: ["HOME": "/root"])
            }
        }
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        let root = try result.get()
        var node = try #require(root["l5"])
        for _ in 0..<5 { node = try #require(node[8]) }
        #expect(node[8]?.stringValue == "$x /root")
    }

    @Test("an unset variable inside an aliased value is reported once, at its position")
    func unsetVariableInAliasReportedOnce() {
        let text = "base: &b \"${MISSING}\"\nuses: [*b, *b, *b]\n"
        let found = diagnostics { _ = try YAMLDecoder().decode(YAMLNode.self, from: text, environment: [:]) }
        #expect(found.map(\.code) == [.yamlUnsetVariable])
        #expect(found.first?.location?.line == 1)
    }
}

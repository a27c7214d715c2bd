import ExporterDiagnostics
import Foundation
import Testing

@testable import ExporterYAML

@Suite("YAMLAliases")
struct YAMLAliasTests {
    @Test("an alias is a copy of the anchored node")
    func aliasCopies() throws {
        let root = try #require(
            try parse(
                """
                defaults: &defaults
                  timeout: 5
                  tags: [a, b]
                first: *defaults
                second:
                  nested: *defaults
                name: &n hello
                again: *n
                """
            )
        )
        #expect(root["first"] == root["defaults"])
        #expect(root["second"]?["nested"]?["tags"]?[1]?.stringValue == "b")
        #expect(root["again"]?.stringValue == "hello")
        // The copy keeps the anchored content's positions: that is where it is written.
        #expect(root["first"]?["timeout"]?.location.line == 2)
    }

    @Test("an unknown alias is an error at its position with a did-you-mean")
    func unknownAlias() {
        let found = diagnostic { _ = try parse("base: &base {a: 1}\nother: *bas\n") }
        #expect(found?.code == "YAML009")
        #expect(found?.message == "alias '*bas' refers to no anchor defined before it")
        #expect(position(found) == "2:8")
        #expect(found?.hint == "did you mean '*base'?")
    }

    @Test("an alias inside the collection it names is refused")
    func recursiveAlias() {
        let found = diagnostic { _ = try parse("a: &loop\n  - *loop\n") }
        #expect(found?.code == "YAML009")
        #expect(found?.hint == "an alias cannot refer to a collection that contains it")
    }

    @Test("a billion-laughs alias bomb is refused quickly at the alias that crosses the limit")
    func aliasBomb() {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            let aliases = Array(repeating: previous, count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        let text = lines.joined(separator: "\n")
        let clock = ContinuousClock()
        let start = clock.now
        let found = diagnostic { _ = try parse(text) }
        let elapsed = clock.now - start
        #expect(found?.code == "YAML003")
        #expect(found?.location?.line == 7)
        #expect(elapsed < .seconds(1))
    }

    @Test("the alias count cap applies even to tiny anchors")
    func aliasCountCap() {
        let text = "a: &x 1\nlist: [" + Array(repeating: "*x", count: 20).joined(separator: ", ") + "]\n"
        let found = diagnostic { _ = try YAMLParser.parse(text, options: YAMLParseOptions(maxAliases: 10)) }
        #expect(found?.code == "YAML003")
        #expect(found?.message == "the document uses more than 10 aliases")
        #expect(position(found) == "2:48")
    }

    @Test("the node cap counts expanded aliases")
    func nodeCap() throws {
        let text = "a: &x [1, 2, 3]\nb: [*x, *x, *x]\n"
        // 1 root + 2 keys + 4 (a) + 1 (b) + 3 × 4 expanded = 20 nodes.
        #expect(try YAMLParser.parse(text, options: YAMLParseOptions(maxNodes: 20)) != nil)
        let found = diagnostic { _ = try YAMLParser.parse(text, options: YAMLParseOptions(maxNodes: 19)) }
        #expect(found?.code == "YAML003")
        #expect(position(found) == "2:13")
    }

    @Test("aliases cannot nest the tree deeper than maxDepth")
    func aliasDepth() throws {
        let text = "a: &a [[[1]]]\nb: [*a]\n"
        #expect(try YAMLParser.parse(text, options: YAMLParseOptions(maxDepth: 5)) != nil)
        let found = diagnostic { _ = try YAMLParser.parse(text, options: YAMLParseOptions(maxDepth: 4)) }
        #expect(found?.code == "YAML005")
        #expect(position(found) == "2:5")
    }

    @Test("merge keys: explicit keys win, earlier merged mappings win over later ones")
    func mergeKeys() throws {
        let root = try #require(
            try parse(
                """
                base: &base {a: 1, b: 1}
                extra: &extra {b: 2, c: 2}
                one:
                  <<: *base
                  a: 9
                many:
                  <<: [*base, *extra]
                  d: 4
                """
            )
        )
        let one = try #require(root["one"])
        #expect(one.mapping?.compactMap { $0.key.stringValue } == ["b", "a"])
        #expect(one["a"]?.intValue == 9)
        #expect(one["b"]?.intValue == 1)
        #expect(one.mapping?.count == 2)
        let many = try #require(root["many"])
        #expect(many.mapping?.compactMap { $0.key.stringValue } == ["a", "b", "c", "d"])
        #expect(many["b"]?.intValue == 1)
        #expect(many["c"]?.intValue == 2)
    }

    @Test("a merge key with a scalar value is refused at the value")
    func invalidMerge() {
        let found = diagnostic { _ = try parse("a:\n  <<: 5\n") }
        #expect(found?.code == "YAML015")
        #expect(position(found) == "2:7")
        let inSequence = diagnostic { _ = try parse("x: &x {a: 1}\na:\n  <<: [*x, 3]\n") }
        #expect(inSequence?.code == "YAML015")
        #expect(position(inSequence) == "3:12")
    }
}

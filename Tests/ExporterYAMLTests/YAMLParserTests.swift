import ExporterDiagnostics
import Foundation
import Testing

@testable import ExporterYAML

@Suite("YAMLParser")
struct YAMLParserTests {
    @Test("every node carries its 1-based line, column and file")
    func positions() throws {
        let root = try #require(
            try parse(
                """
                name: demo
                tracing:
                  otel:
                    endpoint: "http://x"
                    ports: [1, 2]
                """
            )
        )
        #expect(root.location == SourceLocation(file: "test.yaml", line: 1, column: 1))
        let entries = try #require(root.mapping)
        #expect(entries[0].key.location == SourceLocation(file: "test.yaml", line: 1, column: 1))
        #expect(entries[0].value.location == SourceLocation(file: "test.yaml", line: 1, column: 7))
        let otel = try #require(root["tracing"]?["otel"])
        // A block mapping starts at its first key.
        #expect(otel.location.line == 4 && otel.location.column == 5)
        let endpoint = try #require(otel["endpoint"])
        #expect(endpoint.location.line == 4 && endpoint.location.column == 15)
        #expect(endpoint.scalar?.style == .doubleQuoted)
        #expect(endpoint.stringValue == "http://x")
        let second = try #require(otel["ports"]?[1])
        #expect(second.location.line == 5 && second.location.column == 16)
        #expect(second.intValue == 2)
    }

    @Test("scalar styles and tags are kept")
    func styles() throws {
        let root = try #require(
            try parse("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  lit\ne: >\n  fold\nf: !!str 12\n")
        )
        #expect(root["a"]?.scalar?.style == .plain)
        #expect(root["b"]?.scalar?.style == .singleQuoted)
        #expect(root["c"]?.scalar?.style == .doubleQuoted)
        #expect(root["d"]?.scalar == YAMLScalar("lit\n", style: .literal))
        #expect(root["e"]?.scalar?.style == .folded)
        #expect(root["f"]?.scalar?.tag == "tag:yaml.org,2002:str")
        #expect(root["f"]?.intValue == nil)
        #expect(root["f"]?.stringValue == "12")
    }

    @Test("scalar equality ignores where the source placed the value")
    func scalarEquality() throws {
        let root = try #require(try parse("a: x\nb: 'x'\n"))
        #expect(root["a"]?.scalar == YAMLScalar("x"))
        #expect(root["b"]?.scalar == YAMLScalar("x", style: .singleQuoted))
        #expect(root["a"]?.scalar != root["b"]?.scalar)
    }

    @Test("syntax errors carry libyaml's problem at its 1-based mark")
    func syntaxError() {
        let found = diagnostic { _ = try parse("a: [1, 2\nb: 3\n") }
        #expect(found?.code == "YAML001")
        #expect(found?.message == "did not find expected ',' or ']'")
        #expect(position(found) == "2:2")
        #expect(found?.location?.file == "test.yaml")
        #expect(found?.hint == "while parsing a flow sequence at 1:4")
    }

    @Test("a mapping value where none may start is a syntax error at the exact spot")
    func badMappingValue() {
        let found = diagnostic { _ = try parse("key: value\n  other: x: y\n") }
        #expect(found?.code == "YAML001")
        #expect(found?.message == "mapping values are not allowed in this context")
        #expect(position(found) == "2:8")
    }

    @Test("a tab in indentation is a syntax error with a hint about spaces")
    func tabIndentation() {
        let found = diagnostic { _ = try parse("a:\n\tb: 1\n") }
        #expect(found?.code == "YAML001")
        #expect(found?.message == "found character that cannot start any token")
        #expect(position(found) == "2:1")
        #expect(found?.hint == "YAML does not allow tabs for indentation; indent with spaces")
    }

    @Test("a duplicate key is reported at the second occurrence with the first one's position")
    func duplicateKey() {
        let found = diagnostic { _ = try parse("server:\n  port: 1\n  host: x\n  port: 2\n") }
        #expect(found?.code == "YAML002")
        #expect(found?.message == "duplicate key 'port'")
        #expect(position(found) == "4:3")
        #expect(found?.hint == "'port' is first defined at 2:3")
    }

    @Test("quoted and plain spellings of a key are the same key")
    func duplicateQuotedKey() {
        let found = diagnostic { _ = try parse("a: 1\n\"a\": 2\n") }
        #expect(found?.code == "YAML002")
        #expect(position(found) == "2:1")
    }

    @Test("empty input, comments only and a bare '---' give no document")
    func emptyInput() throws {
        #expect(try parse("") == nil)
        #expect(try parse("# only a comment\n\n") == nil)
        #expect(try parse("---\n") == nil)
        #expect(try parse("~")?.isNull == true)
        #expect(try YAMLParser.parse(utf8: []) == nil)
    }

    @Test("a second document is an error at its start")
    func multipleDocuments() {
        let found = diagnostic { _ = try parse("a: 1\n---\nb: 2\n") }
        #expect(found?.code == "YAML008")
        #expect(position(found) == "2:1")
    }

    @Test("a UTF-8 byte order mark is accepted and does not shift columns")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: x\n".utf8)
        let root = try #require(try YAMLParser.parse(utf8: bytes, file: "bom.yaml"))
        #expect(root["a"]?.intValue == 1)
        #expect(root.mapping?[0].key.location == SourceLocation(file: "bom.yaml", line: 1, column: 1))
        let fromString = try #require(try parse("\u{FEFF}a: 1"))
        #expect(fromString["a"]?.location.column == 4)
    }

    @Test("invalid UTF-8 is a diagnostic at the offending byte")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("a: 1\nb: x".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let found = diagnostic { _ = try YAMLParser.parse(utf8: bytes, file: "bad.yaml") }
        #expect(found?.code == "YAML007")
        #expect(found?.message == "the text is not valid UTF-8 (byte 0xC3)")
        #expect(position(found) == "2:5")
        let utf16 = diagnostic { _ = try YAMLParser.parse(utf8: [0xFF, 0xFE, 0x61, 0x00]) }
        #expect(utf16?.code == "YAML007")
        #expect(position(utf16) == "1:1")
    }

    @Test("a control character is a diagnostic at its position")
    func controlCharacter() {
        let found = diagnostic { _ = try parse("a: 1\nb: \"x\u{1}\"\n") }
        #expect(found?.code == "YAML007")
        #expect(found?.message == "control characters are not allowed (U+1)")
        #expect(position(found) == "2:6")
    }

    @Test("columns count Unicode scalars, not bytes")
    func unicodeColumns() throws {
        let root = try #require(try parse("ключ: значение\nb: [é, x]\n"))
        #expect(root["ключ"]?.location.column == 7)
        #expect(root["b"]?[1]?.location.column == 8)
    }

    @Test("a missing file, a directory and a real file")
    func files() throws {
        let missing = diagnostic { _ = try YAMLParser.parse(contentsOf: "/nonexistent/config.yaml") }
        #expect(missing?.code == "YAML020")
        #expect(missing?.message == "no such file '/nonexistent/config.yaml'")
        let directory = diagnostic { _ = try YAMLParser.parse(contentsOf: NSTemporaryDirectory()) }
        #expect(directory?.code == "YAML020")
        let path = NSTemporaryDirectory() + "yaml-parser-test-\(UUID().uuidString).yaml"
        try Data("x: [1, oops\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let syntax = diagnostic { _ = try YAMLParser.parse(contentsOf: path, file: "config.yaml") }
        #expect(syntax?.location?.file == "config.yaml")
        #expect(syntax?.code == "YAML001")
    }

    @Test("nesting deeper than maxDepth is refused")
    func depthLimit() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let found = diagnostic { _ = try parse(deep) }
        #expect(found?.code == "YAML005")
        #expect(position(found) == "1:257")
        #expect(diagnostics { _ = try YAMLParser.parse(deep, options: YAMLParseOptions(maxDepth: 400)) }.isEmpty)
    }
}

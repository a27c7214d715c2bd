import ExporterDiagnostics
import Testing

@testable import ExporterYAML

@Suite("YAML tags and line breaks")
struct YAMLTagAndLineBreakTests {
    @Test(
        "an unknown tag is refused at its file:line:col",
        arguments: [
            ("a: 1\nb: !foo bar\n", "2:4", "unsupported tag '!foo'"),
            ("a: !!binary aGVsbG8=\n", "1:4", "unsupported tag '!!binary'"),
            ("a: !local [1, 2]\n", "1:4", "unsupported tag '!local' on a sequence"),
            (
                "a:\n  b: !<tag:example.com,2000:x> {c: 1}\n", "2:6",
                "unsupported tag 'tag:example.com,2000:x' on a mapping"
            ),
            ("a: !!int abc\n", "1:4", "'abc' is not a valid '!!int'"),
            ("a: !!bool maybe\n", "1:4", "'maybe' is not a valid '!!bool'"),
        ]
    )
    func unknownTag(text: String, at expected: String, message: String) {
        let found = diagnostic { _ = try parse(text) }
        #expect(found?.code == "YAML018")
        #expect(found?.message == message)
        #expect(position(found) == expected)
        #expect(found?.location?.file == "test.yaml")
    }

    @Test("core tags do what YAML says: !!str makes a string, !!int an integer of a quoted value, ! a string")
    func coreTags() throws {
        let root = try #require(
            try parse(
                "a: !!str 12\nb: !!int \"42\"\nc: !!float 1\nd: !!bool \"true\"\ne: !!null ''\nf: ! 12\n"
                    + "g: !!seq [1]\nh: !!map {x: 1}\n"
            )
        )
        #expect(root["a"]?.stringValue == "12")
        #expect(root["a"]?.intValue == nil)
        #expect(root["b"]?.intValue == 42)
        #expect(root["c"]?.scalar?.resolvedType == .int)
        #expect(root["d"]?.scalar?.resolvedType == .bool)
        #expect(root["f"]?.stringValue == "12")
        #expect(root["g"]?[0]?.intValue == 1)
        #expect(root["h"]?["x"]?.intValue == 1)
    }

    @Test("a lone CR is a line break: positions of nodes and errors count it, and the quoted line is right")
    func carriageReturnOnly() throws {
        let root = try #require(try parse("first: 1\rsecond:\r  nested: 2\r"))
        #expect(root["second"]?["nested"]?.location == SourceLocation(file: "test.yaml", line: 3, column: 11))
        let text = "a: 1\rb: [1, 2\rc: 3\r"
        let found = diagnostic { _ = try parse(text) }
        #expect(found?.code == "YAML001")
        #expect(found?.location?.line == 3)
        let tagged = "a: 1\rb: 2\rc: !foo x\r"
        let tag = try #require(diagnostic { _ = try parse(tagged) })
        #expect(position(tag) == "3:4")
        let rendered = DiagnosticRenderer().render(tag, source: tagged).split(separator: "\n")
        #expect(rendered.count >= 3 && rendered[1] == "  c: !foo x" && rendered[2] == "     ^", "\(rendered)")
    }

    @Test("a tab used for indentation on a CR-only line is found and explained")
    func tabOnCarriageReturnLine() {
        let found = diagnostic { _ = try parse("a:\r\tb: 1\r") }
        #expect(found?.code == "YAML001")
        #expect(found?.hint == "YAML does not allow tabs for indentation; indent with spaces")
    }
}

import ExporterYAML
import Testing

@testable import ScaffoldCLI

/// `scaffold new` writes every value it was given as a YAML double-quoted scalar, so no input changes the spec's
/// shape and each value reads back as typed.
@Suite("scaffold new spec text")
struct NewCommandSpecTextTests {
    @Test(arguments: ["tab\there", "new\nline", "del\u{7F}", "c1\u{80}", "line\u{2028}sep", "\u{85}nel", "\\\"#: '"])
    func hostileValuesReadBack(value: String) throws {
        let text = try NewCommand.specText(name: value, base: value, transport: value, fields: ["f:\(value)=\(value)"])
        let root = try #require(try YAMLParser.parse(text, file: "exporter.yaml"))
        let field = root["config"]?["fields"]?[0]
        for node in [root["name"], root["base"], root["transport"]?["kind"], field?["type"], field?["default"]] {
            #expect(node?.stringValue.map { Array($0.unicodeScalars) } == Array(value.unicodeScalars))
        }
    }
}

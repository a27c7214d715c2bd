import ExporterDiagnostics
import Testing

@testable import ScaffoldGenerator

/// Rewriting a spec's `runtime:` entry keeps every other byte.
@Suite("Spec runtime rewriting")
struct SpecRuntimeRewriterTests {
    static let head = """
        # yaml-language-server: $schema=.scaffold/exporter.schema.json
        spec_version: 1
        name: acme  # the _type
        base: span
        """
    static let tail = """
        transport:
          kind: console
        """

    @Test("a block entry in the middle is replaced; comments and the rest stay as written")
    func replacesBlock() throws {
        let text =
            Self.head + "\nruntime:\n  # where the runtime is\n  url: https://example.com/r.git\n  from: 1.0.0\n\n"
            + Self.tail + "\n"
        let rewritten = try SpecRuntimeRewriter.rewrite(text, runtime: .path("../exporter-scaffold"), file: "e.yaml")
        #expect(rewritten == Self.head + "\nruntime:\n  path: \"../exporter-scaffold\"\n\n" + Self.tail + "\n")
        #expect(try SpecLoader.load(text: rewritten).runtime == .path("../exporter-scaffold"))
    }

    @Test("a flow entry at the end is replaced")
    func replacesFlow() throws {
        let text = Self.head + "\n" + Self.tail + "\nruntime: {path: ../old}\n"
        let rewritten = try SpecRuntimeRewriter.rewrite(
            text,
            runtime: .url("https://x.test/r.git", from: "0.2.0"),
            file: "e"
        )
        #expect(
            rewritten == Self.head + "\n" + Self.tail
                + "\nruntime:\n  url: \"https://x.test/r.git\"\n  from: \"0.2.0\"\n"
        )
    }

    @Test("an absent entry is appended; nil removes one; the same runtime leaves the text alone")
    func appendsRemovesKeeps() throws {
        let text = Self.head + "\n" + Self.tail + "\n"
        let appended = try SpecRuntimeRewriter.rewrite(text, runtime: .path("a \"quoted\" path"), file: "e")
        #expect(appended == text + "runtime:\n  path: \"a \\\"quoted\\\" path\"\n")
        #expect(try SpecLoader.load(text: appended).runtime == .path("a \"quoted\" path"))
        #expect(try SpecRuntimeRewriter.rewrite(appended, runtime: nil, file: "e") == text)
        #expect(try SpecRuntimeRewriter.rewrite(appended, runtime: .path("a \"quoted\" path"), file: "e") == appended)
    }

    @Test(
        "any runtime path is written as a YAML string that reads back exactly",
        arguments: ["tab\there", "new\nline", "del\u{7F}", "c1\u{80}", "line\u{2028}sep", "\u{85}nel", "\\\"#: '"]
    )
    func hostileRuntimeValues(value: String) throws {
        let text = Self.head + "\n" + Self.tail + "\n"
        let path = try SpecRuntimeRewriter.rewrite(text, runtime: .path(value), file: "e")
        #expect(try SpecLoader.load(text: path).runtime == .path(value))
    }

    @Test("an invalid spec reports its own diagnostics")
    func invalidSpec() {
        #expect(throws: DiagnosticError.self) {
            try SpecRuntimeRewriter.rewrite("spec_version: 1\nname: 7\n", runtime: .path("x"), file: "e")
        }
    }
}

import ExporterDiagnostics
import Testing

@testable import ExporterYAML

@Suite("YAMLInterpolation")
struct YAMLInterpolationTests {
    private func interpolated(_ text: String, _ environment: [String: String]) throws(DiagnosticError) -> YAMLNode? {
        try parse(text)?.interpolatingEnvironment(environment)
    }

    @Test("variables and defaults are substituted in values")
    func substitution() throws {
        let root = try #require(
            try interpolated(
                """
                endpoint: "http://${HOST}:${PORT:-4318}/v1"
                empty_uses_default: ${EMPTY:-fallback}
                empty_without_default: "[${EMPTY}]"
                blank_default: "[${NOPE:-}]"
                """,
                ["HOST": "collector", "EMPTY": ""]
            )
        )
        #expect(root["endpoint"]?.stringValue == "http://collector:4318/v1")
        #expect(root["empty_uses_default"]?.stringValue == "fallback")
        #expect(root["empty_without_default"]?.stringValue == "[]")
        #expect(root["blank_default"]?.stringValue == "[]")
    }

    @Test("substitution happens once: substituted text is never expanded again")
    func onceOnly() throws {
        let root = try #require(
            try interpolated("a: ${OUTER}\nb: ${MISSING:-${OUTER}}\n", ["OUTER": "${INNER}", "INNER": "deep"])
        )
        #expect(root["a"]?.stringValue == "${INNER}")
        // The default ends at the first '}', and is itself taken literally.
        #expect(root["b"]?.stringValue == "${OUTER}")
    }

    @Test("'$${' writes a literal '${', other dollars stay")
    func escape() throws {
        let root = try #require(try interpolated("a: \"$${HOME} and $$ and $x and ${V}\"\n", ["V": "v", "HOME": "/h"]))
        #expect(root["a"]?.stringValue == "${HOME} and $$ and $x and v")
    }

    @Test("keys are never interpolated")
    func keysUntouched() throws {
        let root = try #require(try interpolated("${K}: ${V}\n", ["K": "key", "V": "value"]))
        #expect(root.mapping?.first?.key.stringValue == "${K}")
        #expect(root["${K}"]?.stringValue == "value")
    }

    @Test("a plain scalar is re-typed after substitution; a quoted one stays a string")
    func retyping() throws {
        let root = try #require(
            try interpolated(
                "port: ${PORT:-4318}\nquoted: \"${PORT:-4318}\"\nflag: ${FLAG}\nnone: ${EMPTY}\n",
                ["FLAG": "true", "EMPTY": ""]
            )
        )
        #expect(root["port"]?.intValue == 4318)
        #expect(root["quoted"]?.intValue == nil)
        #expect(root["quoted"]?.stringValue == "4318")
        #expect(root["flag"]?.boolValue == true)
        #expect(root["none"]?.isNull == true)
    }

    @Test("every unset variable is reported at once, at the '${' when the scalar is verbatim")
    func unsetVariables() {
        let found = diagnostics {
            _ = try interpolated(
                """
                a: ${ONE}
                list:
                  - "x ${TWO} ${THREE:-3} ${FOUR}"
                  - 'it''s ${FIVE}'
                block: |
                  ${SIX}
                """,
                [:]
            )
        }
        #expect(found.map { $0.code } == Array(repeating: "YAML004", count: 5))
        #expect(
            found.map { $0.message }
                == ["ONE", "TWO", "FOUR", "FIVE", "SIX"].map { "environment variable '\($0)' is not set" }
        )
        // Verbatim scalars point at the '${'; escaped or block scalars at the scalar itself.
        #expect(found.map { position($0) ?? "" } == ["1:4", "3:8", "3:27", "4:5", "5:8"])
        #expect(found.first?.hint == "set ONE, or give a default with ${ONE:-value}")
    }

    @Test("an alias repeats a scalar, but its unset variable is reported once")
    func aliasReportedOnce() {
        let found = diagnostics { _ = try interpolated("a: &a ${X}\nb: *a\nc: [*a, *a]\n", [:]) }
        #expect(found.count == 1)
        #expect(position(found.first) == "1:7")
    }

    @Test("malformed references are diagnostics")
    func malformed() {
        let unclosed = diagnostic { _ = try interpolated("a: abc ${NAME\n", [:]) }
        #expect(unclosed?.code == "YAML006")
        #expect(position(unclosed) == "1:8")
        #expect(unclosed?.hint == "write '$${' for a literal '${'")
        let badName = diagnostic { _ = try interpolated("a: ${1X}\n", ["1X": "v"]) }
        #expect(badName?.code == "YAML006")
        #expect(badName?.message == "'${1X}' does not name a variable")
        let spaced = diagnostic { _ = try interpolated("a: ${ X }\n", [:]) }
        #expect(spaced?.code == "YAML006")
    }
}

import ExporterDiagnostics
import Foundation
import Testing

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("the header is compiler-style path:line:col: error[CODE]: message")
    func header() {
        let diagnostic = Diagnostic.error(
            "CFG003",
            "unknown exporter type 'fiel'",
            at: SourceLocation(file: "workflow.yml", line: 5, column: 16)
        )
        #expect(diagnostic.description == "workflow.yml:5:16: error[CFG003]: unknown exporter type 'fiel'")
    }

    @Test("rendering shows the source line and a caret under the column, then the hint")
    func rendering() {
        let source = "general:\n  telemetry:\n\ttracing: {a: 1}\n"
        let diagnostic = Diagnostic.error(
            "YAML012",
            "unknown key 'a'",
            at: SourceLocation(file: "w.yml", line: 3, column: 12),
            hint: "did you mean 'b'?"
        )
        let text = DiagnosticRenderer(colored: false).render(diagnostic, source: source)
        #expect(
            text == """
                w.yml:3:12: error[YAML012]: unknown key 'a'
                  \ttracing: {a: 1}
                  \t          ^
                  hint: did you mean 'b'?
                """
        )
    }

    @Test("the quoted line is the diagnostic's line in a file with CRLF and mixed line endings")
    func crlfSource() {
        let source = "first\r\nsecond\r\n\nfourth\nfifth\r\n"
        let renderer = DiagnosticRenderer(colored: false)
        for (line, text) in [(1, "first"), (2, "second"), (3, ""), (4, "fourth"), (5, "fifth")] {
            let diagnostic = Diagnostic.error("X001", "here", at: SourceLocation(file: "f", line: line, column: 1))
            let rendered = renderer.render(diagnostic, source: source).split(separator: "\n")
            #expect(rendered.count == 3 && rendered[1] == "  \(text)", "line \(line): \(rendered)")
        }
    }

    @Test("colour is only added when asked for")
    func colour() {
        let diagnostic = Diagnostic.error("X001", "boom")
        #expect(!DiagnosticRenderer(colored: false).render(diagnostic).contains("\u{1B}["))
        #expect(DiagnosticRenderer(colored: true).render(diagnostic).contains("\u{1B}[31;1m"))
    }

    @Test("NO_COLOR turns colour off whatever the stream is")
    func noColor() {
        #expect(!TerminalColor.enabled(fileDescriptor: 1, environment: ["NO_COLOR": "1"]))
    }

    @Test("the JSON form carries every field")
    func json() throws {
        let diagnostics = [
            Diagnostic.error(
                "SPEC001",
                "bad \"name\"",
                at: SourceLocation(file: "e.yaml", line: 2, column: 7),
                hint: "h"
            ),
            Diagnostic(.warning, code: "SPEC100", message: "no location"),
        ]
        let data = Data(DiagnosticRenderer.json(diagnostics).utf8)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["code"] as? String == "SPEC001")
        #expect(rows[0]["message"] as? String == "bad \"name\"")
        #expect(rows[0]["line"] as? Int == 2)
        #expect(rows[0]["column"] as? Int == 7)
        #expect(rows[0]["file"] as? String == "e.yaml")
        #expect(rows[0]["hint"] as? String == "h")
        #expect(rows[1]["severity"] as? String == "warning")
        #expect(rows[1]["line"] == nil)
    }

    @Test("did-you-mean counts a swap of adjacent letters as one edit and refuses far-fetched matches")
    func didYouMean() {
        #expect(DidYouMean.suggestion(for: "fiel", among: ["console", "file"]) == "file")
        #expect(DidYouMean.suggestion(for: "endpiont", among: ["endpoint", "project"]) == "endpoint")
        #expect(DidYouMean.suggestion(for: "zzz", among: ["console", "file"]) == nil)
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
    }

    @Test("did-you-mean completes an abbreviation to the shortest candidate it starts, from 3 characters on")
    func didYouMeanCompletesPrefixes() {
        #expect(
            DidYouMean.suggestion(for: "otel", among: ["atif", "console", "file", "otelcollector"]) == "otelcollector"
        )
        #expect(DidYouMean.suggestion(for: "OTEL", among: ["otelcollector", "otel_http_long"]) == "otelcollector")
        #expect(DidYouMean.suggestion(for: "co", among: ["console", "file"]) == nil)
        // A close typo still wins over a completion.
        #expect(DidYouMean.suggestion(for: "fil", among: ["file", "filesystem"]) == "file")
    }
}

@Suite("Diagnostic rendering of long and CR-only lines")
struct DiagnosticWindowTests {
    @Test("a huge line is quoted as a window around the column, the caret under the column")
    func hugeLine() {
        let column = 3_000_000
        let line = String(repeating: "a", count: column - 1) + "X" + String(repeating: "b", count: 2_000_000)
        let diagnostic = Diagnostic.error("X001", "here", at: SourceLocation(file: "f", line: 2, column: column))
        let rendered = DiagnosticRenderer(colored: false).render(diagnostic, source: "first\n" + line + "\nlast\n")
        let lines = rendered.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].count <= DiagnosticRenderer.maximumQuotedLine + 4)
        #expect(lines[1].hasPrefix("  …") && lines[1].hasSuffix("…"))
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let marked = lines[1].firstIndex(of: "X").map { lines[1].distance(from: lines[1].startIndex, to: $0) }
        #expect(caret != nil && caret == marked)
    }

    @Test("columns near either end of a long line keep that end, uncut")
    func longLineEnds() {
        let line = "X" + String(repeating: "-", count: 500) + "Y"
        let renderer = DiagnosticRenderer(colored: false)
        let start = renderer.render(
            Diagnostic.error("X001", "here", at: SourceLocation(file: "f", line: 1, column: 1)),
            source: line
        ).split(separator: "\n").map(String.init)
        #expect(start[1].hasPrefix("  X") && start[1].hasSuffix("…") && start[2] == "  ^")
        let end = renderer.render(
            Diagnostic.error("X001", "here", at: SourceLocation(file: "f", line: 1, column: 502)),
            source: line
        ).split(separator: "\n").map(String.init)
        #expect(end[1].hasPrefix("  …") && end[1].hasSuffix("Y"))
        #expect(end[2].count == end[1].count)
        let short = renderer.render(
            Diagnostic.error("X001", "here", at: SourceLocation(file: "f", line: 1, column: 3)),
            source: "abcdef"
        ).split(separator: "\n").map(String.init)
        #expect(short[1] == "  abcdef" && short[2] == "    ^")
    }

    @Test("a lone CR ends a line for the quoted source, as CRLF and LF do")
    func carriageReturnOnly() {
        let source = "first\rsecond\r\rfourth\r\nfifth\nsixth"
        let renderer = DiagnosticRenderer(colored: false)
        for (line, text) in [(1, "first"), (2, "second"), (3, ""), (4, "fourth"), (5, "fifth"), (6, "sixth")] {
            let diagnostic = Diagnostic.error("X001", "here", at: SourceLocation(file: "f", line: line, column: 1))
            let rendered = renderer.render(diagnostic, source: source).split(separator: "\n")
            #expect(rendered.count == 3 && rendered[1] == "  \(text)", "line \(line): \(rendered)")
        }
        let beyond = Diagnostic.error("X001", "here", at: SourceLocation(file: "f", line: 7, column: 1))
        #expect(renderer.render(beyond, source: source).split(separator: "\n").count == 1)
    }
}

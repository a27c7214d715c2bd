import ExporterDiagnostics
import Foundation
import Testing

@testable import ExporterYAML

private struct Sink: Decodable, YAMLRejectsUnknownKeys {
    enum Mode: String, Decodable, CaseIterable { case append, overwrite }
    var path: String
    var mode: Mode?
    var count: Int?
    var enabled: Bool?
}

private struct Lax: Decodable, Equatable {
    var enabled: Bool
    var count: Int
    var ratio: Double
}

/// Needs `path` or `dir`; a `path` ending in `/` is refused at the path.
private struct EitherPath: Decodable {
    enum CodingKeys: String, CodingKey { case path, dir, count }
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let path = try container.decodeIfPresent(String.self, forKey: .path)
        let dir = try container.decodeIfPresent(String.self, forKey: .dir)
        if let path, path.hasSuffix("/") {
            let location = try container.superDecoder(forKey: .path).yamlLocation
            throw DiagnosticError(.error("T001", "'path' must name a file", at: location))
        }
        if path == nil, dir == nil {
            throw DiagnosticError(.error("T002", "needs 'path' or 'dir'", at: decoder.yamlLocation))
        }
        _ = try container.decodeIfPresent(Int.self, forKey: .count)
    }
}

@Suite("YAMLDecoderRecovery")
struct YAMLDecoderRecoveryTests {
    private func node(_ text: String) throws -> YAMLNode {
        try #require(try YAMLParser.parse(text, file: "s.yaml"))
    }

    @Test("a bad value, an unknown key and a wrong type of one mapping are reported together, in source order")
    func severalProblemsAtOnce() throws {
        let section = try node("path: out.jsonl\nmode: apend\ncolr: 1\ncount: many\nenabled: true\n")
        let found = diagnostics { _ = try YAMLDecoder().decode(Sink.self, from: section) }
        #expect(found.map(\.code) == ["YAML014", "YAML012", "YAML010"])
        #expect(found.map { position($0) ?? "" } == ["2:7", "3:1", "4:8"])
        #expect(found[0].message == "invalid value 'apend' at 'mode'")
        #expect(found[1].message == "unknown key 'colr'")
        #expect(found[2].message == "expected an integer at 'count', found string \"many\"")
    }

    @Test("unknown keys come with the first error even when the failing key is required")
    func unknownKeysWithRequiredFailure() throws {
        let section = try node("path: [a]\ncolr: 1\n")
        let found = diagnostics { _ = try YAMLDecoder().decode(Sink.self, from: section) }
        #expect(found.map(\.code) == ["YAML010", "YAML012"])
        #expect(found.map { $0.location?.line } == [1, 2])
    }

    @Test("key paths start where the node sits in its document")
    func keyPathPrefix() throws {
        let section = try node("path: out.jsonl\nmode: apend\n")
        let found = diagnostic {
            _ = try YAMLDecoder().decode(Sink.self, from: section, at: ["general", "telemetry", "tracing", "out"])
        }
        #expect(found?.message == "invalid value 'apend' at 'general.telemetry.tracing.out.mode'")
        let unknown = diagnostic {
            _ = try YAMLDecoder().decode(Sink.self, from: try node("path: x\nextra: 1\n"), at: ["tracing", "out"])
        }
        #expect(unknown?.message == "unknown key 'extra' in 'tracing.out'")
    }

    @Test("lenient scalars read the toolkit's YAML 1.1 booleans and quoted numbers; strict decoding refuses them")
    func lenientScalars() throws {
        let text = "enabled: yes\ncount: \"5\"\nratio: '0.5'\n"
        let strict = diagnostics { _ = try YAMLDecoder().decode(Lax.self, from: text) }
        // Every key is required, so decoding cannot go on past the first: one problem.
        #expect(strict.map(\.code) == ["YAML010"])
        #expect(strict.first?.message == "expected a boolean (true or false) at 'enabled', found string \"yes\"")
        var lenient = YAMLDecoder()
        lenient.lenientScalars = true
        #expect(try lenient.decode(Lax.self, from: text) == Lax(enabled: true, count: 5, ratio: 0.5))
        let spellings = ["on": true, "Off": false, "NO": false, "y": true, "0": false, "\"true\"": true]
        for (written, expected) in spellings {
            let value = try lenient.decode(Lax.self, from: "enabled: \(written)\ncount: 1\nratio: 1\n")
            #expect(value.enabled == expected, "\(written)")
        }
        for text in ["enabled: maybe\ncount: 1\nratio: 1\n", "enabled: yes\ncount: \"5x\"\nratio: 1\n"] {
            #expect(diagnostics { _ = try lenient.decode(Lax.self, from: text) }.map(\.code) == ["YAML010"])
        }
    }

    @Test("a problem of the whole mapping that only leaving an entry out caused is not reported")
    func noConsequentialProblems() throws {
        let found = diagnostics { _ = try YAMLDecoder().decode(EitherPath.self, from: "path: dir/\ncount: x\n") }
        #expect(found.map(\.code) == ["T001"])
        let both = diagnostics { _ = try YAMLDecoder().decode(EitherPath.self, from: "dir: d\npath: [x]\ncount: x\n") }
        #expect(both.map(\.code) == ["YAML010", "YAML010"])
    }
}

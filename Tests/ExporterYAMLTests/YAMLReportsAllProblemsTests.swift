import ExporterDiagnostics
import Testing

@testable import ExporterYAML

/// `label` may be left out only while `low` is at most 10, and must not be empty; reads every key and throws
/// every problem it finds at once.
private struct Labelled: Decodable, YAMLReportsAllProblems {
    enum CodingKeys: String, CodingKey { case low, label }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var found: [Diagnostic] = []
        let low = (try? container.decodeIfPresent(Int.self, forKey: .low)) ?? 0
        let label = try? container.decodeIfPresent(String.self, forKey: .label)
        if label == nil, low > 10 {
            let location = try container.superDecoder(forKey: .low).yamlLocation
            found.append(.error("T001", "a 'low' above 10 needs a 'label'", at: location))
        }
        if label == "" {
            let location = try container.superDecoder(forKey: .label).yamlLocation
            found.append(.error("T002", "'label' cannot be empty", at: location))
        }
        if !found.isEmpty { throw DiagnosticError(found) }
    }
}

@Suite("YAMLReportsAllProblems")
struct YAMLReportsAllProblemsTests {
    @Test("its problems come with its unknown keys, and no retry without an entry invents others")
    func problemsAndUnknownKeys() throws {
        let section = try #require(try YAMLParser.parse("low: 20\nlabel: \"\"\nlable: x\n", file: "s.yaml"))
        let found = diagnostics { _ = try YAMLDecoder().decode(Labelled.self, from: section) }
        // A retry without `label`, the key read last, would report that a 'low' of 20 needs one.
        #expect(found.map(\.code) == ["T002", "YAML012"])
        #expect(found.map { position($0) ?? "" } == ["2:8", "3:1"])
        #expect(found.last?.hint == "did you mean 'label'?")
    }

    @Test("a type that decodes reports its unknown keys as any strict type does")
    func unknownKeysAlone() throws {
        let section = try #require(try YAMLParser.parse("low: 1\nlabel: a\nlwo: 5\n", file: "s.yaml"))
        let found = diagnostics { _ = try YAMLDecoder().decode(Labelled.self, from: section) }
        #expect(found.map(\.code) == ["YAML012"])
        #expect(found.first?.hint == "did you mean 'low'?")
    }
}

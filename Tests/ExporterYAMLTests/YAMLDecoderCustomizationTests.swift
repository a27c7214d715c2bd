import ExporterDiagnostics
import Foundation
import Testing

@testable import ExporterYAML

private struct Strict: YAMLRejectsUnknownKeys, Equatable {
    var endpoint: String
    var timeout: Int?
    var inner: Inner?
}

private struct Inner: YAMLRejectsUnknownKeys, Equatable {
    var level: Int
}

/// Validates its own value and reports the problem at its node.
private struct Percentage: Decodable {
    var value: Int
    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
        guard (0...100).contains(value) else {
            throw DiagnosticError(
                .error("CFG001", "percentage \(value) is not within 0...100", at: decoder.yamlLocation)
            )
        }
    }
}

/// Keeps a raw subtree to interpret later.
private struct Plugin: Decodable {
    var kind: String
    var settings: YAMLNode
}

/// Uses containers the synthesized code does not: nested containers, allKeys and super decoders.
private struct Manual: Decodable {
    enum Keys: String, CodingKey { case pair, extras, base }
    var pair: [Int]
    var extras: [String]
    var baseLine: Int?
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        var pairContainer = try container.nestedUnkeyedContainer(forKey: .pair)
        var values: [Int] = []
        while !pairContainer.isAtEnd { values.append(try pairContainer.decode(Int.self)) }
        pair = values
        let extras = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .extras)
        self.extras = extras.allKeys.map(\.stringValue)
        baseLine = try container.superDecoder(forKey: .base).yamlLocation?.line
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

@Suite("YAMLDecoderCustomization")
struct YAMLDecoderCustomizationTests {
    @Test("unknown keys are all reported at their positions with did-you-mean")
    func unknownKeys() {
        let text = "endpiont: x\nendpoint: y\ntimeuot: 3\nextra: 1\n"
        let found = diagnostics { _ = try YAMLDecoder().decode(Strict.self, from: text, file: "s.yaml") }
        #expect(found.map { $0.code } == ["YAML012", "YAML012", "YAML012"])
        #expect(found.map { $0.message } == ["unknown key 'endpiont'", "unknown key 'timeuot'", "unknown key 'extra'"])
        #expect(found.map { position($0) ?? "" } == ["1:1", "3:1", "4:1"])
        #expect(found.map { $0.hint } == ["did you mean 'endpoint'?", "did you mean 'timeout'?", nil])
    }

    @Test("nested strict types report with the key path; ignored keys are exempt")
    func nestedUnknownKeys() throws {
        let text = "_type: strict\nendpoint: y\ninner:\n  level: 1\n  levle: 2\n"
        let found = diagnostic { _ = try YAMLDecoder(ignoredKeys: ["_type"]).decode(Strict.self, from: text) }
        #expect(found?.message == "unknown key 'levle' in 'inner'")
        #expect(position(found) == "5:3")
        let ok = try YAMLDecoder(ignoredKeys: ["_type"]).decode(Strict.self, from: "_type: s\nendpoint: y\n")
        #expect(ok == Strict(endpoint: "y", timeout: nil, inner: nil))
        let strictAboutType = diagnostic { _ = try YAMLDecoder().decode(Strict.self, from: "_type: s\nendpoint: y\n") }
        #expect(strictAboutType?.code == "YAML012")
    }

    @Test("types that do not opt in accept unknown keys")
    func lenientByDefault() throws {
        struct Lenient: Decodable { var endpoint: String }
        #expect(try YAMLDecoder().decode(Lenient.self, from: "endpoint: a\nother: b\n").endpoint == "a")
    }

    @Test("a DiagnosticError thrown by a type passes through unchanged, at the location it chose")
    func passThrough() {
        let found = diagnostic { _ = try YAMLDecoder().decode([String: Percentage].self, from: "a: 5\nb: 150\n") }
        #expect(
            found == .error("CFG001", "percentage 150 is not within 0...100", at: SourceLocation(line: 2, column: 4))
        )
    }

    @Test("a YAMLNode field keeps the raw subtree with positions")
    func rawNode() throws {
        let plugin = try YAMLDecoder().decode(Plugin.self, from: "kind: k\nsettings:\n  depth: 3\n", file: "p.yaml")
        #expect(plugin.settings["depth"]?.intValue == 3)
        #expect(plugin.settings["depth"]?.location == SourceLocation(file: "p.yaml", line: 3, column: 10))
        let root = try #require(try parse("a: 1"))
        #expect(try YAMLDecoder().decode(YAMLNode.self, from: root) == root)
    }

    @Test("yamlLocation and yamlNode are nil for other decoders")
    func otherDecoders() throws {
        struct Probe: Decodable {
            var hadLocation: Bool
            init(from decoder: any Decoder) throws {
                hadLocation = decoder.yamlLocation != nil || decoder.yamlNode != nil
            }
        }
        let probe = try JSONDecoder().decode(Probe.self, from: Data("{}".utf8))
        #expect(!probe.hadLocation)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(YAMLNode.self, from: Data("{}".utf8)) }
        #expect(try YAMLDecoder().decode(Probe.self, from: "{}").hadLocation)
    }

    @Test("nested containers, allKeys and super decoders")
    func manualContainers() throws {
        let manual = try YAMLDecoder().decode(Manual.self, from: "pair: [1, 2]\nextras: {x: 1, y: 2}\nbase: {}\n")
        #expect(manual.pair == [1, 2])
        #expect(manual.extras == ["x", "y"])
        #expect(manual.baseLine == 3)
    }

    @Test("user info reaches init(from:)")
    func userInfo() throws {
        struct Reader: Decodable {
            var flag: Bool
            init(from decoder: any Decoder) throws {
                flag = decoder.userInfo[CodingUserInfoKey(rawValue: "flag")!] as? Bool ?? false
            }
        }
        let decoder = YAMLDecoder(userInfo: [CodingUserInfoKey(rawValue: "flag")!: true])
        #expect(try decoder.decode(Reader.self, from: "x").flag)
    }

    @Test("a DecodingError thrown by a type becomes a diagnostic at the node it names")
    func decodingErrorConversion() {
        struct Port: Decodable {
            init(from decoder: any Decoder) throws {
                let value = try decoder.singleValueContainer().decode(Int.self)
                if value == 0 {
                    throw DecodingError.dataCorrupted(
                        .init(codingPath: decoder.codingPath, debugDescription: "port 0 is reserved")
                    )
                }
            }
        }
        let found = diagnostic { _ = try YAMLDecoder().decode([String: [Port]].self, from: "ports: [1, 0]\n") }
        #expect(found?.code == "YAML014")
        #expect(found?.message == "invalid value at 'ports[1]': port 0 is reserved")
        #expect(position(found) == "1:12")
    }
}

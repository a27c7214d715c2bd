import ExporterDiagnostics
import Foundation
import Testing

@testable import ExporterYAML

private struct Config: Decodable, Equatable {
    struct General: Decodable, Equatable {
        var telemetry: Telemetry
    }
    struct Telemetry: Decodable, Equatable {
        var tracing: [String: Tracer]
    }
    struct Tracer: Decodable, Equatable {
        var endpoint: URL
        var batch_size: Int
        var headers: [String: String]?
        var ratio: Double?
        var mode: Mode
    }
    enum Mode: String, Decodable, CaseIterable {
        case simple, batch
    }
    var general: General
    var exporters: [Exporter]
}

private struct Exporter: Decodable, Equatable {
    var name: String
    var enabled: Bool
    var port: UInt16?
}

private let configText = """
    general:
      telemetry:
        tracing:
          otel:
            endpoint: http://localhost:4318/v1/traces
            batch_size: 50
            headers: {x-team: core}
            mode: batch
    exporters:
      - name: file
        enabled: true
      - name: otlp
        enabled: false
        port: 4317
    """

@Suite("YAMLDecoder")
struct YAMLDecoderTests {
    @Test("nested structs, arrays, dictionaries, optionals, URLs and enums decode")
    func nested() throws {
        let config = try YAMLDecoder().decode(Config.self, from: configText, file: "c.yaml")
        let otel = try #require(config.general.telemetry.tracing["otel"])
        #expect(otel.endpoint == URL(string: "http://localhost:4318/v1/traces"))
        #expect(otel.batch_size == 50)
        #expect(otel.headers == ["x-team": "core"])
        #expect(otel.ratio == nil)
        #expect(otel.mode == .batch)
        #expect(
            config.exporters == [
                Exporter(name: "file", enabled: true, port: nil), Exporter(name: "otlp", enabled: false, port: 4317),
            ]
        )
    }

    @Test("a type mismatch names the key path, what was expected and what was found, at the node")
    func typeMismatch() {
        let text = configText.replacingOccurrences(of: "batch_size: 50", with: "batch_size: fifty")
        let found = diagnostic { _ = try YAMLDecoder().decode(Config.self, from: text, file: "c.yaml") }
        #expect(found?.code == "YAML010")
        #expect(
            found?.message
                == "expected an integer at 'general.telemetry.tracing.otel.batch_size', found string \"fifty\""
        )
        #expect(found?.location == SourceLocation(file: "c.yaml", line: 6, column: 21))
    }

    @Test("sequence indices appear as [n] in key paths")
    func indexPath() {
        let text = configText.replacingOccurrences(of: "enabled: false", with: "enabled: yes")
        let found = diagnostic { _ = try YAMLDecoder().decode(Config.self, from: text, file: "c.yaml") }
        #expect(found?.code == "YAML010")
        #expect(found?.message == "expected a boolean (true or false) at 'exporters[1].enabled', found string \"yes\"")
        #expect(position(found) == "13:14")
    }

    @Test("a missing key is reported at the mapping that lacks it, naming the key")
    func missingKey() {
        let text = configText.replacingOccurrences(of: "        batch_size: 50\n", with: "        batchsize: 50\n")
        let found = diagnostic { _ = try YAMLDecoder().decode(Config.self, from: text) }
        #expect(found?.code == "YAML011")
        #expect(found?.message == "missing required key 'batch_size' in 'general.telemetry.tracing.otel'")
        #expect(position(found) == "5:9")
        #expect(found?.hint == "found 'batchsize'; is it misspelt?")
    }

    @Test("an integer that does not fit its type is out of range")
    func overflow() {
        let found = diagnostic { _ = try YAMLDecoder().decode([String: Int8].self, from: "a: 1\nb: 300\n") }
        #expect(found?.code == "YAML013")
        #expect(found?.message == "integer 300 at 'b' does not fit in Int8")
        #expect(found?.hint == "Int8 holds -128...127")
        #expect(position(found) == "2:4")
        let huge = diagnostic { _ = try YAMLDecoder().decode(Int.self, from: "99999999999999999999") }
        #expect(huge?.code == "YAML013")
        #expect((try? YAMLDecoder().decode(UInt64.self, from: "18446744073709551615")) == .max)
        #expect((try? YAMLDecoder().decode(Int.self, from: "0x10")) == 16)
        let negative = diagnostic { _ = try YAMLDecoder().decode(UInt.self, from: "-1") }
        #expect(negative?.code == "YAML013")
        let float = diagnostic { _ = try YAMLDecoder().decode(Float.self, from: "1e300") }
        #expect(float?.code == "YAML013")
    }

    @Test("numbers, booleans and strings follow the core schema")
    func scalars() throws {
        let decoder = YAMLDecoder()
        #expect(try decoder.decode(Double.self, from: "3") == 3)
        #expect(try decoder.decode(Double.self, from: ".inf") == .infinity)
        #expect(try decoder.decode(Float.self, from: "0.5") == 0.5)
        #expect(try decoder.decode(String.self, from: "1.0") == "1.0")
        #expect(try decoder.decode(String.self, from: "yes") == "yes")
        #expect(try decoder.decode([Bool].self, from: "[true, False]") == [true, false])
        #expect(try decoder.decode(String?.self, from: "~") == nil)
        #expect(try decoder.decode([Int?].self, from: "[1, null, 3]") == [1, nil, 3])
        let quotedNumber = diagnostic { _ = try decoder.decode(Int.self, from: "\"12\"") }
        #expect(quotedNumber?.message == "expected an integer, found string \"12\"")
        let nullString = diagnostic { _ = try decoder.decode([String].self, from: "[a, ~]") }
        #expect(nullString?.message == "expected a string at '[1]', found null")
        let mapping = diagnostic { _ = try decoder.decode(Int.self, from: "{a: 1}") }
        #expect(mapping?.message == "expected an integer, found a mapping")
    }

    @Test("an unknown enum value names the allowed ones")
    func enumValue() {
        let text = configText.replacingOccurrences(of: "mode: batch", with: "mode: bach")
        let found = diagnostic { _ = try YAMLDecoder().decode(Config.self, from: text) }
        #expect(found?.code == "YAML014")
        #expect(found?.message == "invalid value 'bach' at 'general.telemetry.tracing.otel.mode'")
        #expect(found?.hint == "did you mean 'batch'? expected one of: simple, batch")
        #expect(position(found) == "8:15")
    }

    @Test("a malformed URL is an invalid value")
    func badURL() {
        let found = diagnostic { _ = try YAMLDecoder().decode([String: URL].self, from: "u: \"\"\n") }
        #expect(found?.code == "YAML014")
        #expect(found?.message == "expected a URL at 'u', found string \"\"")
    }

    @Test("a sequence too short for a fixed read is a missing element at the sequence")
    func missingElement() {
        struct Pair: Decodable {
            var first: Int
            var second: Int
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                first = try container.decode(Int.self)
                second = try container.decode(Int.self)
            }
        }
        let found = diagnostic { _ = try YAMLDecoder().decode([String: Pair].self, from: "p: [1]\n") }
        #expect(found?.code == "YAML017")
        #expect(found?.message == "expected another element at 'p'; the sequence has only 1")
        #expect(position(found) == "1:4")
    }

    @Test("a collection used as a mapping key is refused, not dropped")
    func complexKey() {
        let found = diagnostic { _ = try YAMLDecoder().decode([String: Int].self, from: "a: 1\n? [x, y]\n: 2\n") }
        #expect(found?.code == "YAML016")
        #expect(found?.message == "mapping keys must be scalars, found a sequence")
        #expect(position(found) == "2:3")
    }

    @Test("an empty document decodes as null")
    func emptyDocument() throws {
        #expect(try YAMLDecoder().decode(Exporter?.self, from: "") == nil)
        let found = diagnostic { _ = try YAMLDecoder().decode(Exporter.self, from: "# nothing\n", file: "e.yaml") }
        #expect(found?.message == "expected a mapping, found null")
        #expect(found?.location == SourceLocation(file: "e.yaml", line: 1, column: 1))
    }

    @Test("decoding from text interpolates the environment when one is given")
    func environment() throws {
        let text = "name: ${NAME}\nenabled: ${ON:-true}\nport: ${PORT:-4318}\n"
        let exporter = try YAMLDecoder().decode(Exporter.self, from: text, environment: ["NAME": "otlp"])
        #expect(exporter == Exporter(name: "otlp", enabled: true, port: 4318))
        let raw = try YAMLDecoder().decode(Exporter.self, from: "name: ${NAME}\nenabled: true\n")
        #expect(raw.name == "${NAME}")
        let unset = diagnostic { _ = try YAMLDecoder().decode(Exporter.self, from: text, environment: [:]) }
        #expect(unset?.code == "YAML004")
    }

    @Test("decoding from a file names the file in positions")
    func file() throws {
        let path = NSTemporaryDirectory() + "yaml-decoder-test-\(UUID().uuidString).yaml"
        try Data("name: x\nenabled: 1\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let found = diagnostic { _ = try YAMLDecoder().decode(Exporter.self, contentsOf: path) }
        #expect(found?.location == SourceLocation(file: path, line: 2, column: 10))
    }
}

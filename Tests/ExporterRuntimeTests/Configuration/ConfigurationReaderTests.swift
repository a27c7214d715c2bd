import ExporterDiagnostics
import ExporterRuntime
import ExporterYAML
import Foundation
import Testing

/// A section with one key of each kind the reader handles, decoded the way generated configurations decode.
private struct Section: Decodable {
    var size: ConfigurationEntry<Int>?
    var name: ConfigurationEntry<String>?
    var token: ConfigurationEntry<String>?
    var location: ExporterDiagnostics.SourceLocation?

    enum CodingKeys: String, CodingKey {
        case size, name, token
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        location = decoder.yamlLocation
        size = try container.decodeIfPresent(ConfigurationEntry<Int>.self, forKey: .size)
        name = try container.decodeIfPresent(ConfigurationEntry<String>.self, forKey: .name)
        token = try container.decodeIfPresent(ConfigurationEntry<String>.self, forKey: .token)
    }
}

@Suite("ConfigurationReader")
struct ConfigurationReaderTests {
    private func section(_ yaml: String) throws -> Section {
        try YAMLDecoder().decode(Section.self, from: yaml, file: "workflow.yml")
    }

    @Test("an entry remembers its key and position")
    func entryOrigin() throws {
        let decoded = try section("size: 3\nname: abc\n")
        #expect(decoded.size?.value == 3)
        #expect(decoded.size?.origin == "'size'")
        #expect(decoded.size?.location?.line == 1)
        #expect(decoded.name?.location?.line == 2)
        #expect(decoded.name?.location?.column == 7)
    }

    @Test("a written value wins over the environment; an absent one falls back to it")
    func environmentFallback() throws {
        let decoded = try section("size: 3\n")
        var reader = ConfigurationReader(section: decoded.location, environment: ["SIZE": "9", "NAME": "from-env"])
        let size = reader.read(decoded.size, key: "size", env: "SIZE", expected: "an integer") { Int($0) }
        let name = reader.read(decoded.name, key: "name", env: "NAME", expected: "text") { $0 }
        let token = reader.read(decoded.token, key: "token", env: "TOKEN", expected: "text") { $0 }
        #expect(size?.value == 3)
        #expect(name?.value == "from-env")
        #expect(name?.origin == "environment variable NAME")
        #expect(token == nil)
        try reader.finish()
    }

    @Test("every problem is reported at once, each at its position, and secrets are never shown")
    func allProblemsAtOnce() throws {
        let decoded = try section("size: 0\ntoken: hunter2-secret\n")
        var reader = ConfigurationReader(section: decoded.location, environment: ["NAME_ENV": "x"])
        reader.check(decoded.size) { $0 >= 1 ? nil : "must be at least 1, not \($0)" }
        _ = reader.require(decoded.name, key: "name", env: "NAME")
        _ = reader.convert(decoded.token, expected: "a token", secret: true) { _ -> Int? in nil }
        _ = reader.read(nil as ConfigurationEntry<Int>?, key: "count", env: "NAME_ENV", expected: "an integer") {
            Int($0)
        }
        #expect(reader.diagnostics.count == 4)
        let thrown = #expect(throws: DiagnosticError.self) { try reader.finish() }
        let error = try #require(thrown)
        let messages = error.diagnostics.map(\.message)
        #expect(messages.contains("'size' must be at least 1, not 0"))
        #expect(messages.contains("missing required key 'name'"))
        #expect(messages.contains("'token' must be a token"))
        #expect(messages.contains("environment variable NAME_ENV (the fallback of 'count') is not an integer"))
        #expect(!messages.joined().contains("hunter2"))
        #expect(error.diagnostics.allSatisfy { $0.code == .configurationInvalidValue })
        #expect(error.diagnostics.first { $0.message.hasPrefix("'size'") }?.location?.line == 1)
        #expect(error.diagnostics.first { $0.message.hasPrefix("'token'") }?.location?.line == 2)
        #expect(error.diagnostics.first { $0.message.hasPrefix("missing") }?.hint?.contains("NAME") == true)
    }

    @Test("environment texts parse as lists, maps and booleans")
    func environmentParsers() {
        #expect(ConfigurationReader.list(" 1, 2 ,3", { Int($0) }) == [1, 2, 3])
        #expect(ConfigurationReader.list("1,x", { Int($0) }) == nil)
        #expect(ConfigurationReader.map("a=1, b = x=y") == ["a": "1", "b": "x=y"])
        #expect(ConfigurationReader.map("a") == nil)
        #expect(ConfigurationReader.bool("YES") == true)
        #expect(ConfigurationReader.bool("0") == false)
        #expect(ConfigurationReader.bool("maybe") == nil)
        #expect(ConfigurationReader.matches("abc", "[a-c]+"))
        #expect(!ConfigurationReader.matches("abcd", "[a-c]+"))
        #expect(!ConfigurationReader.matches("abc", "(unclosed"))
    }

    @Test("URLs: absolute ones only; spec literals never fail; endpoints must be http(s)")
    func urls() throws {
        #expect(ConfigurationReader.absoluteURL("https://x.example/v1")?.host == "x.example")
        #expect(ConfigurationReader.absoluteURL("relative/path") == nil)
        #expect(ConfigurationReader.literalURL("relative/path").isFileURL)
        let context = ExporterBuildContext(
            name: "acme",
            environment: [:],
            location: ExporterDiagnostics.SourceLocation(file: "w.yml", line: 4, column: 3)
        )
        let url = try ConfigurationReader.endpoint("http://127.0.0.1:4318/v1/traces", key: "endpoint", context: context)
        #expect(url.port == 4318)
        for bad in ["", "ftp://x.example", "not a url"] {
            let error = #expect(throws: DiagnosticError.self) {
                try ConfigurationReader.endpoint(bad, key: "endpoint", context: context)
            }
            #expect(error?.diagnostics.first?.location?.line == 4)
            #expect(error?.diagnostics.first?.message.contains("exporter 'acme'") == true)
        }
    }
}

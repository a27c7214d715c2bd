import ExporterDiagnostics
import ExporterRuntime
import ExporterYAML
import Foundation
import Testing

@testable import ScaffoldCLI

/// `scaffold schema --workflow` is derived from the registry: every registered `_type`, each with the keys its
/// configuration reads, so a workflow file the runtime accepts is one the schema accepts, and the reverse for keys.
@Suite("workflow schema")
struct WorkflowSchemaTests {
    static let examples = GenerateCommandTests.repository.appendingPathComponent("Examples/workflows")

    static func schema() throws -> [String: Any] {
        let text = WorkflowJSONSchema.text(registry: .withOTLP)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The properties the schema allows in a section of `_type` `type`; nil when the type is not in the schema.
    static func properties(of type: String, in schema: [String: Any]) -> Set<String>? {
        let definitions = schema["$defs"] as? [String: Any]
        let definition = definitions?["type.\(type)"] as? [String: Any]
        return (definition?["properties"] as? [String: Any]).map { Set($0.keys) }
    }

    @Test("every registered type is in the _type enum, with its keys, _type and processors, and nothing else")
    func typesAndKeys() throws {
        let schema = try Self.schema()
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let exporter = try #require(definitions["exporter"] as? [String: Any])
        let typeProperty = (exporter["properties"] as? [String: Any])?["_type"] as? [String: Any]
        let registry = ExporterRegistry.withOTLP
        #expect(typeProperty?["enum"] as? [String] == registry.typeNames)
        for entry in registry.allEntries {
            #expect(
                Self.properties(of: entry.typeName, in: schema) == Set(entry.keys + ["_type", "processors"]),
                "\(entry.typeName)"
            )
            #expect(!entry.keys.isEmpty, "\(entry.typeName): no keys recorded")
        }
        // Keys a configuration reads but an empty section never reaches would be missing: spot-check known ones.
        #expect(Self.properties(of: "file", in: schema)?.isSuperset(of: ["output_path", "format", "mode"]) == true)
        #expect(
            Self.properties(of: "otelcollector", in: schema)?.isSuperset(of: ["endpoint", "headers", "batch_size"])
                == true
        )
    }

    @Test("a key the schema does not list is one the runtime refuses too")
    func unknownKeyAgreement() throws {
        let schema = try Self.schema()
        let allowed = try #require(Self.properties(of: "console", in: schema))
        #expect(!allowed.contains("colour"))
        let yaml = "general:\n  telemetry:\n    tracing:\n      c:\n        _type: console\n        colour: true\n"
        #expect(throws: DiagnosticError.self) { try WorkflowConfiguration.parse(yaml, file: "w.yml") }
    }

    @Test("every key the schema lists for a type is one the runtime accepts in its section")
    func listedKeysAreAccepted() throws {
        let registry = ExporterRegistry.withOTLP
        // A section that parses builds its exporter, which may create its output file: inside a directory of its own.
        let directory = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for entry in registry.allEntries {
            for key in entry.keys {
                // The value's type may be wrong for the key: only an unknown-key complaint would be the schema's fault.
                let yaml =
                    "general:\n  telemetry:\n    tracing:\n      x:\n        _type: \(entry.typeName)\n"
                    + "        \(key): 1\n"
                do {
                    _ = try WorkflowConfiguration.parse(
                        yaml,
                        file: "w.yml",
                        registry: registry,
                        environment: [:],
                        baseDirectory: directory.path
                    )
                } catch {
                    let unknown = error.diagnostics.filter { $0.code == .yamlUnknownKey }
                    #expect(unknown.isEmpty, "\(entry.typeName).\(key): \(unknown.map(\.message))")
                }
            }
        }
    }

    @Test("the committed Examples/workflows/workflow.schema.json is the command's output; the example fits it")
    func committedSchemaAndExample() throws {
        let committed = try String(
            contentsOf: Self.examples.appendingPathComponent("workflow.schema.json"),
            encoding: .utf8
        )
        #expect(
            committed == WorkflowJSONSchema.text(registry: .withOTLP) + "\n",
            "re-run: scaffold schema --workflow > Examples/workflows/workflow.schema.json"
        )
        let text = try String(contentsOf: Self.examples.appendingPathComponent("replay-to-files.yml"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=workflow.schema.json\n"))
        let root = try #require(try YAMLParser.parse(text, file: "replay-to-files.yml"))
        let tracing = try #require(root["general"]?["telemetry"]?["tracing"]?.mapping)
        let schema = try Self.schema()
        #expect(!tracing.isEmpty)
        for entry in tracing {
            let type = try #require(entry.value["_type"]?.stringValue)
            let allowed = try #require(Self.properties(of: type, in: schema), "\(type)")
            let keys = Set(entry.value.mapping?.compactMap { $0.key.scalar?.value } ?? [])
            #expect(keys.isSubset(of: allowed), "\(type): \(keys.subtracting(allowed))")
        }
    }
}

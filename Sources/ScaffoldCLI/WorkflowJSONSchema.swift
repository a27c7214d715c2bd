import ExporterCore
import ExporterRuntime
import Foundation

/// The JSON Schema (draft 2020-12) of a workflow file's `general.telemetry.tracing`, written from a registry: every
/// registered `_type`, each with the keys its configuration reads (``ExporterRegistry/Entry/keys``) and the
/// `processors:` every section takes, so that an editor completes exactly what `WorkflowConfiguration` accepts.
/// Values are left to the configuration's own checks, which report them with file:line:col.
enum WorkflowJSONSchema {
    static func text(registry: ExporterRegistry) -> String {
        let entries = registry.allEntries
        var definitions: [String: Any] = [:]
        var cases: [[String: Any]] = []
        for entry in entries {
            var properties: [String: Any] = [
                "_type": ["const": entry.typeName],
                ExporterRegistry.processorsKey: ["$ref": "#/$defs/processors"],
            ]
            for key in entry.keys { properties[key] = [String: Any]() }
            definitions["type." + entry.typeName] = [
                "description": entry.summary,
                "properties": properties,
                "additionalProperties": false,
            ]
            cases.append([
                "if": ["properties": ["_type": ["const": entry.typeName]], "required": ["_type"]],
                "then": ["$ref": "#/$defs/type.\(entry.typeName)"],
            ])
        }
        definitions["exporter"] = [
            "type": "object",
            "required": ["_type"],
            "properties": [
                "_type": [
                    "enum": entries.map(\.typeName),
                    "description": entries.map { "\($0.typeName): \($0.summary)" }.joined(separator: "\n"),
                ]
            ],
            "allOf": cases,
        ]
        definitions["processors"] = processorsSchema()
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "workflow configuration: general.telemetry.tracing",
            "type": "object",
            "properties": [
                "general": [
                    "type": "object",
                    "properties": [
                        "telemetry": [
                            "type": "object",
                            "properties": [
                                "tracing": [
                                    "type": "object",
                                    "description": "the exporters, by name; each names its type with _type",
                                    "additionalProperties": ["$ref": "#/$defs/exporter"],
                                ]
                            ],
                        ]
                    ],
                ]
            ],
            "$defs": definitions,
        ]
        // Foundation's writer, pretty and with sorted keys, so the text is stable from run to run.
        let data =
            (try? JSONSerialization.data(
                withJSONObject: schema,
                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            )) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `processors:`: a list of stages, each a `_type` of ``EventProcessorSettings`` with that type's keys.
    private static func processorsSchema() -> [String: Any] {
        let types = EventProcessorSettings.keysByType
        return [
            "type": "array",
            "items": [
                "type": "object",
                "required": ["_type"],
                "properties": ["_type": ["enum": types.map(\.typeName)]],
                "allOf": types.map { type -> [String: Any] in
                    var properties: [String: Any] = ["_type": ["const": type.typeName]]
                    for key in type.keys { properties[key] = [String: Any]() }
                    return [
                        "if": ["properties": ["_type": ["const": type.typeName]], "required": ["_type"]],
                        "then": ["properties": properties, "additionalProperties": false],
                    ]
                },
            ],
        ]
    }
}

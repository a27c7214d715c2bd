import ArgumentParser
import ExporterRuntime
import ScaffoldGenerator

/// `scaffold list`: the bases, processors, transports and field types a spec can use, and the exporter types a
/// workflow file can name.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the vocabularies of exporter.yaml and the exporter _types a workflow file can name.",
        discussion: """
            The exporter types are those this scaffold registers (as 'nat info components' lists the toolkit's): \
            the runtime's built-ins and otelcollector, each with the keys its section reads. A generated package \
            adds its own type to the registry of the program that links it (ExporterRegistry.register<Stem>...()); \
            its <name>-replay tool knows it and the built-ins. --format json prints one JSON object (docs/cli.md).
            """
    )

    @Option(help: "text, or json: one JSON object on standard output.")
    var format: OutputFormat = .text

    /// The spec's vocabularies: a title, the JSON key, and the entries.
    static let sections: [(title: String, key: String, entries: [SpecCatalogEntry])] = [
        ("bases (base:)", "bases", SpecCatalog.bases),
        ("processors (processors[].kind:)", "processors", SpecCatalog.processors),
        ("transports (transport.kind:)", "transports", SpecCatalog.transports),
        ("field types (config.fields[].type:)", "field_types", SpecCatalog.fieldTypes),
    ]

    func run() {
        let registry = ExporterRegistry.withOTLP
        switch format {
        case .json:
            var object: JSONObject = [:]
            for section in Self.sections {
                object[section.key] = .array(
                    section.entries.map { ["name": .string($0.name), "summary": .string($0.summary)] }
                )
            }
            object["exporter_types"] = .array(
                registry.allEntries.map { entry in
                    [
                        "type": .string(entry.typeName), "summary": .string(entry.summary),
                        "keys": .array(entry.keys.map(JSONValue.string)),
                    ]
                }
            )
            JSONReport.print(object, diagnostics: [])
        case .text:
            print(text(registry: registry))
        }
    }

    private func text(registry: ExporterRegistry) -> String {
        let exporterEntries = registry.allEntries.map { SpecCatalogEntry(name: $0.typeName, summary: $0.summary) }
        let sections =
            Self.sections.map { ($0.title, $0.entries) } + [
                ("exporter types (workflow file: general.telemetry.tracing.<name>._type:)", exporterEntries)
            ]
        let width = sections.flatMap(\.1).map(\.name.count).max() ?? 0
        var lines: [String] = []
        for (title, entries) in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append(title)
            for entry in entries {
                lines.append(
                    "  " + entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.summary
                )
            }
        }
        lines.append(
            "  (a generated package's type is registered by the program that links it; 'scaffold schema --workflow' "
                + "lists each type's keys)"
        )
        return lines.joined(separator: "\n")
    }
}

import ArgumentParser
import ScaffoldGenerator

/// `scaffold list`: the bases, processors, transports and field types a spec can use.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the bases, processors, transports and field types of exporter.yaml."
    )

    func run() {
        let sections: [(title: String, entries: [SpecCatalogEntry])] = [
            ("bases (base:)", SpecCatalog.bases),
            ("processors (processors[].kind:)", SpecCatalog.processors),
            ("transports (transport.kind:)", SpecCatalog.transports),
            ("field types (config.fields[].type:)", SpecCatalog.fieldTypes),
        ]
        let width = sections.flatMap(\.entries).map(\.name.count).max() ?? 0
        var lines: [String] = []
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append(section.title)
            for entry in section.entries {
                lines.append(
                    "  " + entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.summary
                )
            }
        }
        print(lines.joined(separator: "\n"))
    }
}

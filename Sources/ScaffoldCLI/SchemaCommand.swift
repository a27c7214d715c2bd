import ArgumentParser
import ScaffoldGenerator

/// `scaffold schema`: prints the JSON Schema of exporter.yaml.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of exporter.yaml.",
        discussion: """
            Save it and point editors at it with a first line such as \
            '# yaml-language-server: $schema=exporter-spec.schema.json'.
            """
    )

    func run() {
        print(SpecJSONSchema.text)
    }
}

import ArgumentParser
import ExporterRuntime
import ScaffoldGenerator

/// `scaffold schema [--workflow]`: prints the JSON Schema of exporter.yaml, or of a workflow file's tracing section.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of exporter.yaml, or with --workflow of a workflow file.",
        discussion: """
            'scaffold generate' keeps a copy of the spec's schema in each package (.scaffold/exporter.schema.json), \
            which the modeline '# yaml-language-server: $schema=.scaffold/exporter.schema.json' of every spec \
            points editors at. --workflow prints the schema of general.telemetry.tracing: every exporter _type this \
            scaffold registers (see 'scaffold list') with the keys its configuration reads, and processors:; save \
            it beside the workflow file and point a modeline at it.
            """
    )

    @Flag(help: "The schema of a workflow file's general.telemetry.tracing instead of exporter.yaml's.")
    var workflow = false

    func run() {
        print(workflow ? WorkflowJSONSchema.text(registry: .withOTLP) : SpecJSONSchema.text)
    }
}

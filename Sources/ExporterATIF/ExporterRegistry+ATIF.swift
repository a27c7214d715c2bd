import ExporterCore

extension ExporterRegistry {
    /// Adds `atif`: one ATIF trajectory file per agent run.
    public mutating func registerATIF() {
        register(
            "atif",
            configuration: ATIFExporterConfiguration.self,
            summary: "one ATIF v1.6 trajectory JSON file per agent run"
        ) { configuration, context in
            try ATIFExporterBlueprint(configuration: configuration, context: context)
        }
    }
}

import ExporterCore

extension ExporterRegistry {
    /// Adds `file`: events or spans as JSON lines.
    public mutating func registerFile() {
        register(
            "file",
            configuration: FileExporterConfiguration.self,
            summary: "events (toolkit IntermediateStep or ATOF) or spans as JSON lines in a file",
            outputPaths: { [$0.outputPath] }
        ) { configuration, context in
            try FileExporterBlueprint(configuration: configuration, context: context)
        }
    }
}

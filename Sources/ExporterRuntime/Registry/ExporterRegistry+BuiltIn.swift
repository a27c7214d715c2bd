extension ExporterRegistry {
    /// The runtime's own exporter types: `console`, `file` and `atif`.
    public static var builtIn: ExporterRegistry {
        var registry = ExporterRegistry()
        registry.registerBuiltIns()
        return registry
    }

    /// Adds the runtime's own types to this registry.
    public mutating func registerBuiltIns() {
        register(
            "console",
            configuration: ConsoleExporterConfiguration.self,
            summary: "a readable tree of each trace's spans on stdout or stderr"
        ) { configuration, context in
            ConsoleExporterBlueprint(configuration: configuration, context: context)
        }
        register(
            "file",
            configuration: FileExporterConfiguration.self,
            summary: "events (toolkit IntermediateStep or ATOF) or spans as JSON lines in a file",
            outputPaths: { [$0.outputPath] }
        ) { configuration, context in
            try FileExporterBlueprint(configuration: configuration, context: context)
        }
        register(
            "atif",
            configuration: ATIFExporterConfiguration.self,
            summary: "one ATIF v1.6 trajectory JSON file per agent run"
        ) { configuration, context in
            try ATIFExporterBlueprint(configuration: configuration, context: context)
        }
    }
}

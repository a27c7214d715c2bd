extension ExporterRegistry {
    /// Adds `console`: a readable tree of each trace's spans.
    public mutating func registerConsole() {
        register(
            "console",
            configuration: ConsoleExporterConfiguration.self,
            summary: "a readable tree of each trace's spans on stdout or stderr"
        ) { configuration, context in
            ConsoleExporterBlueprint(configuration: configuration, context: context)
        }
    }
}

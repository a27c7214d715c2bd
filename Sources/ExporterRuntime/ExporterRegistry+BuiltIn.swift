import ExporterATIF
import ExporterCodecs
import ExporterCore

extension ExporterRegistry {
    /// The runtime's own exporter types: `console`, `file` and `atif`.
    public static var builtIn: ExporterRegistry {
        var registry = ExporterRegistry()
        registry.registerBuiltIns()
        return registry
    }

    /// Adds the runtime's own types to this registry.
    public mutating func registerBuiltIns() {
        registerConsole()
        registerFile()
        registerATIF()
    }
}

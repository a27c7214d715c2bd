import ExporterOTLP
import ExporterRuntime

extension ExporterRegistry {
    /// The types `scaffold replay` knows: the built-ins and `otelcollector`.
    package static var withOTLP: ExporterRegistry {
        var registry = ExporterRegistry.builtIn
        registry.registerOTLP()
        return registry
    }
}

import ATIFFile
import ExporterDiagnostics
import ExporterOTLP
import ExporterRuntime
import FileJSONL

/// The exporter types the demo knows and the workflow it loads.
public enum DemoExporters {
    /// Every `_type` the demo's workflow files may use: the runtime's `console`, `file` and `atif`,
    /// `otelcollector` from ExporterOTLP, and the two exporters vendored from `Examples/Exporters` with
    /// `scaffold vendor` (`Vendor/`): `file_jsonl` and `atif_file`.
    public static func registry() -> ExporterRegistry {
        var registry = ExporterRegistry.builtIn
        registry.registerOTLP()
        // Vendored exporters: one line each.
        registry.registerFileJSONLEventExporter()
        registry.registerATIFFileEventExporter()
        return registry
    }

    /// The environment variable the workflow file takes its output directory from.
    public static let outputDirectoryVariable = "AGENT_DEMO_OUTPUT_DIR"

    /// The project name spans are exported under over OTLP (Phoenix shows it as the project).
    public static let otlpProject = "agent-demo"

    /// Loads the workflow at `path` with `outputDirectory` as `${AGENT_DEMO_OUTPUT_DIR}`, and adds an
    /// `otelcollector` exporter sending to `otlpEndpoint` when one is given.
    ///
    /// - Throws: `DiagnosticError` with every problem of the file (file:line:col), or of the endpoint.
    public static func workflow(
        at path: String,
        outputDirectory: String,
        otlpEndpoint: String? = nil,
        environment: [String: String],
        registry: ExporterRegistry = DemoExporters.registry()
    ) throws(DiagnosticError) -> WorkflowConfiguration {
        var environment = environment
        environment[outputDirectoryVariable] = outputDirectory
        var configuration = try WorkflowConfiguration.load(
            contentsOf: path,
            registry: registry,
            environment: environment
        )
        if let otlpEndpoint {
            let taken = Set(configuration.exporters.map(\.name))
            let name = sequence(first: "otlp") { $0 + "_" }.first { !taken.contains($0) } ?? "otlp"
            configuration.exporters.append(
                (name, try otlpBlueprint(name: name, endpoint: otlpEndpoint, registry: registry))
            )
        }
        return configuration
    }

    /// An `otelcollector` exporter for `endpoint`, made through the registry exactly as a workflow file's section
    /// would be (the endpoint reaches it as an environment variable, so no quoting can break the YAML).
    static func otlpBlueprint(
        name: String,
        endpoint: String,
        registry: ExporterRegistry
    ) throws(DiagnosticError) -> any ExporterBlueprint {
        let section = """
            general:
              telemetry:
                tracing:
                  \(name):
                    _type: otelcollector
                    endpoint: ${AGENT_DEMO_OTLP_ENDPOINT}
                    project: \(otlpProject)
                    batch_size: 50
                    flush_interval: 1s
            """
        let parsed: WorkflowConfiguration
        do {
            parsed = try WorkflowConfiguration.parse(
                section,
                registry: registry,
                environment: ["AGENT_DEMO_OTLP_ENDPOINT": endpoint]
            )
        } catch {
            // The section is ours, not the user's: point at the flag instead of a line of it.
            throw DiagnosticError(
                error.diagnostics.map { diagnostic in
                    var diagnostic = diagnostic
                    diagnostic.location = nil
                    diagnostic.message = "--otlp-endpoint '\(endpoint)': \(diagnostic.message)"
                    return diagnostic
                }
            )
        }
        guard let blueprint = parsed.exporters.first?.blueprint else {
            throw DiagnosticError(.error(ConfigurationCode.noExporters, "no OTLP exporter was made"))
        }
        return blueprint
    }
}

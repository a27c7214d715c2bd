import ExporterDiagnostics
import ExporterYAML
import Foundation
import Logging

/// The exporters of a workflow YAML file: its `general.telemetry.tracing` section, as the toolkit writes it.
///
/// ```yaml
/// general:
///   telemetry:
///     tracing:
///       traces_file: {_type: file, output_path: ./traces.jsonl, project: demo}
///       console: {_type: console}
/// ```
///
/// Every other section of the file (LLMs, functions, the workflow) is the toolkit's business and is ignored, so a
/// toolkit workflow file works unchanged. `${VAR}` and `${VAR:-default}` are expanded once; an unset variable
/// without a default is an error at its position.
public struct WorkflowConfiguration: Sendable {
    /// The configured exporters in file order.
    public var exporters: [(name: String, blueprint: any ExporterBlueprint)]

    /// Reads and builds the exporters of the workflow file at `path`.
    ///
    /// All problems are reported at once, each with its file:line:col.
    public static func load(
        contentsOf path: String,
        registry: ExporterRegistry = .builtIn,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "exporter-runtime")
    ) throws(DiagnosticError) -> WorkflowConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.unusablePath,
                    "cannot read workflow configuration '\(path)': \(Self.reason(error))"
                )
            )
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(
            text,
            file: path,
            registry: registry,
            environment: environment,
            baseDirectory: directory.isEmpty ? "." : directory,
            logger: logger
        )
    }

    /// Builds the exporters of a workflow file's text; `file` names it in diagnostics.
    public static func parse(
        _ text: String,
        file: String? = nil,
        registry: ExporterRegistry = .builtIn,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        baseDirectory: String = ".",
        logger: Logger = Logger(label: "exporter-runtime")
    ) throws(DiagnosticError) -> WorkflowConfiguration {
        guard let parsed = try YAMLParser.parse(text, file: file) else {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.noExporters,
                    "the workflow configuration is empty",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "add exporters under 'general.telemetry.tracing'"
                )
            )
        }
        let root = try parsed.interpolatingEnvironment(environment)
        var node = root
        var path: [String] = []
        for key in ["general", "telemetry", "tracing"] {
            guard node.mapping != nil else {
                throw DiagnosticError(
                    .error(
                        ConfigurationCode.notAMapping,
                        "'\(path.joined(separator: "."))' must be a mapping",
                        at: node.location
                    )
                )
            }
            guard let next = node[key] else {
                throw DiagnosticError(
                    .error(
                        ConfigurationCode.noExporters,
                        "the workflow configuration has no 'general.telemetry.tracing' section",
                        at: node.location,
                        hint:
                            "missing key '\(key)' under '\(path.isEmpty ? "the top level" : path.joined(separator: "."))'"
                    )
                )
            }
            path.append(key)
            node = next
        }
        guard let sections = node.mapping else {
            if node.isNull {
                throw DiagnosticError(
                    .error(
                        ConfigurationCode.noExporters,
                        "'general.telemetry.tracing' configures no exporter",
                        at: node.location
                    )
                )
            }
            throw DiagnosticError(
                .error(
                    ConfigurationCode.notAMapping,
                    "'general.telemetry.tracing' must map exporter names to their settings",
                    at: node.location
                )
            )
        }
        var decoder = YAMLDecoder()
        decoder.ignoredKeys = ["_type"]
        var exporters: [(name: String, blueprint: any ExporterBlueprint)] = []
        var diagnostics: [Diagnostic] = []
        for entry in sections {
            let name = entry.key.stringValue ?? "\(entry.key)"
            let context = ExporterBuildContext(
                name: name,
                environment: environment,
                baseDirectory: baseDirectory,
                logger: logger,
                location: entry.value.location
            )
            do {
                let blueprint = try registry.makeBlueprint(
                    section: entry.value,
                    path: "general.telemetry.tracing.\(name)",
                    decoder: decoder,
                    context: context
                )
                exporters.append((name, blueprint))
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics
            } catch {
                diagnostics.append(
                    .error(
                        ConfigurationCode.invalidValue,
                        "exporter '\(name)' could not be created: \(Self.reason(error))",
                        at: entry.value.location
                    )
                )
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return WorkflowConfiguration(exporters: exporters)
    }

    /// A manager holding every configured exporter.
    public func makeManager(shutdownTimeout: Duration = .seconds(120)) -> ExporterManager {
        let manager = ExporterManager(shutdownTimeout: shutdownTimeout)
        for (name, blueprint) in exporters {
            manager.add(blueprint, name: name)
        }
        return manager
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DiagnosticError { return error.description }
        return (error as NSError).localizedDescription
    }
}

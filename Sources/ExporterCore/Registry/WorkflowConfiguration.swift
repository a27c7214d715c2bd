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
/// toolkit workflow file works unchanged: `${VAR}` and `${VAR:-default}` are expanded once, and only in the
/// exporter sections (an `${NVIDIA_API_KEY}` of an LLM section is none of ours); an unset variable without a
/// default is an error at its position. Scalars are read as leniently as the toolkit reads them (`yes`/`no`
/// booleans, `"5"` for a number).
public struct WorkflowConfiguration: Sendable {
    /// The configured exporters in file order.
    public var exporters: [(name: String, blueprint: any ExporterBlueprint)]
    /// Each exporter's effective configuration by its name: every key its type reads, with the value in use and
    /// where it came from (secrets masked), as its readers settled them while decoding its section.
    public var effectiveSettings: [String: [EffectiveSetting]] = [:]

    /// Reads and builds the exporters of the workflow file at `path`.
    ///
    /// All problems are reported at once, each with its file:line:col.
    ///
    /// - Parameter protectedPaths: files no exporter may write, such as the trace being replayed; an exporter
    ///   that would write one (as its type declares, see ``ExporterRegistry/register(_:configuration:summary:outputPaths:factory:)``)
    ///   is refused before any exporter is built, so nothing is truncated.
    public static func load(
        contentsOf path: String,
        registry: ExporterRegistry,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "exporter-runtime"),
        protectedPaths: [String] = []
    ) throws(DiagnosticError) -> WorkflowConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DiagnosticError(
                .error(
                    .configurationUnusablePath,
                    "cannot read workflow configuration '\(path)': \(FileErrorReason.describe(error, path: path))"
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
            logger: logger,
            protectedPaths: protectedPaths
        )
    }

    /// Builds the exporters of a workflow file's text; `file` names it in diagnostics.
    ///
    /// Every section is decoded before any exporter is built, so a configuration with an error opens no file.
    public static func parse(
        _ text: String,
        file: String? = nil,
        registry: ExporterRegistry,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        baseDirectory: String = ".",
        logger: Logger = Logger(label: "exporter-runtime"),
        protectedPaths: [String] = []
    ) throws(DiagnosticError) -> WorkflowConfiguration {
        let sections = try tracingSections(of: YAMLParser.parse(text, file: file), file: file)
        var decoder = YAMLDecoder()
        decoder.ignoredKeys = ["_type"]
        decoder.lenientScalars = true
        var prepared: [(name: String, exporter: PreparedExporter)] = []
        var diagnostics: [Diagnostic] = []
        for (position, entry) in sections.enumerated() {
            let name = entry.key.stringValue ?? "\(entry.key)"
            let ownText = SectionText(sections: sections, index: position)
            do {
                let section = try entry.value.interpolatingEnvironment(environment)
                let context = ExporterBuildContext(
                    name: name,
                    environment: environment,
                    baseDirectory: baseDirectory,
                    logger: logger,
                    location: entry.value.location
                )
                let exporter = try registry.prepare(
                    section: section,
                    keyPath: Self.tracingPath + [name],
                    decoder: decoder,
                    context: context
                )
                prepared.append((name, exporter))
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics.map { ownText.attributing($0, toExporter: name) }
            } catch {
                diagnostics.append(
                    .error(
                        .configurationInvalidValue,
                        "exporter '\(name)' could not be configured: \(Self.reason(error))",
                        at: entry.value.location
                    )
                )
            }
        }
        diagnostics += ProtectedPaths(protectedPaths).violations(
            by: prepared.map { ($0.name, $0.exporter.outputPaths) },
            locations: Dictionary(sections.map { ($0.key.stringValue ?? "", $0.value.location) }) { first, _ in first }
        )
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        var exporters: [(name: String, blueprint: any ExporterBlueprint)] = []
        for (name, exporter) in prepared {
            do {
                exporters.append((name, try exporter.build()))
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics
            } catch {
                let location = sections.first { $0.key.stringValue == name }?.value.location
                diagnostics.append(
                    .error(
                        .configurationInvalidValue,
                        "exporter '\(name)' could not be created: \(Self.reason(error))",
                        at: location
                    )
                )
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return WorkflowConfiguration(
            exporters: exporters,
            effectiveSettings: Dictionary(prepared.map { ($0.name, $0.exporter.settings) }) { first, _ in first }
        )
    }

    /// A manager holding every configured exporter.
    public func makeManager(shutdownTimeout: Duration = .seconds(120)) -> ExporterManager {
        let manager = ExporterManager(shutdownTimeout: shutdownTimeout)
        for (name, blueprint) in exporters {
            manager.add(blueprint, name: name)
        }
        return manager
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DiagnosticError { return error.description }
        return FileErrorReason.describe(error)
    }
}

import ExporterCore
import ExporterDiagnostics
import Foundation
import Logging

extension WorkflowConfiguration {
    /// Reads and builds the exporters of the workflow file at `path`, with the built-in types
    /// (``ExporterCore/ExporterRegistry/builtIn``).
    public static func load(
        contentsOf path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "exporter-runtime"),
        protectedPaths: [String] = []
    ) throws(DiagnosticError) -> WorkflowConfiguration {
        try load(
            contentsOf: path,
            registry: .builtIn,
            environment: environment,
            logger: logger,
            protectedPaths: protectedPaths
        )
    }

    /// Builds the exporters of a workflow file's text with the built-in types; `file` names it in diagnostics.
    public static func parse(
        _ text: String,
        file: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        baseDirectory: String = ".",
        logger: Logger = Logger(label: "exporter-runtime"),
        protectedPaths: [String] = []
    ) throws(DiagnosticError) -> WorkflowConfiguration {
        try parse(
            text,
            file: file,
            registry: .builtIn,
            environment: environment,
            baseDirectory: baseDirectory,
            logger: logger,
            protectedPaths: protectedPaths
        )
    }
}

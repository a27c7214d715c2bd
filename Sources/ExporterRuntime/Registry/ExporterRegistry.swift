import ExporterDiagnostics
import ExporterYAML
import Logging

/// What a factory gets besides its configuration.
public struct ExporterBuildContext: Sendable {
    /// The name the exporter is configured under (`general.telemetry.tracing.<name>`).
    public var name: String
    /// Environment variables, for fallbacks such as `PHOENIX_API_KEY`.
    public var environment: [String: String]
    /// The directory relative paths in the configuration are resolved against (the workflow file's directory).
    public var baseDirectory: String
    /// Where the exporter logs.
    public var logger: Logger
    /// Where the configuration came from, for diagnostics raised after decoding.
    public var location: SourceLocation?

    /// Creates a context.
    public init(
        name: String,
        environment: [String: String] = [:],
        baseDirectory: String = ".",
        logger: Logger = Logger(label: "exporter-runtime"),
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.environment = environment
        self.baseDirectory = baseDirectory
        self.logger = logger
        self.location = location
    }

    /// `path` resolved against ``baseDirectory`` unless it is absolute.
    public func resolve(path: String) -> String {
        if path.hasPrefix("/") || baseDirectory.isEmpty || baseDirectory == "." { return path }
        return baseDirectory.hasSuffix("/") ? baseDirectory + path : baseDirectory + "/" + path
    }
}

/// Exporter types by their `_type` name: each with a configuration type and a factory that makes a blueprint.
///
/// The workflow configuration (``WorkflowConfiguration``) looks types up here. ``builtIn`` holds the runtime's
/// own types; generated exporter packages add theirs with ``register(_:configuration:summary:factory:)``.
public struct ExporterRegistry: Sendable {
    /// One registered type.
    public struct Entry: Sendable {
        /// The `_type` name.
        public var typeName: String
        /// One line saying what it exports.
        public var summary: String
        /// Decodes the configuration from its YAML node and builds the blueprint.
        let build: @Sendable (YAMLNode, YAMLDecoder, ExporterBuildContext) throws -> any ExporterBlueprint
    }

    private var entries: [String: Entry] = [:]

    /// An empty registry.
    public init() {}

    /// Registers `typeName` with its configuration type and factory; a later registration of the same name
    /// replaces the earlier one (so an application can override a built-in type). Every type also accepts a
    /// `processors:` list of event stages, handled here (see ``EventProcessorSettings``).
    public mutating func register<Configuration: Decodable & Sendable>(
        _ typeName: String,
        configuration: Configuration.Type,
        summary: String,
        factory: @escaping @Sendable (Configuration, ExporterBuildContext) throws -> any ExporterBlueprint
    ) {
        entries[typeName] = Entry(typeName: typeName, summary: summary) { node, decoder, context in
            try Self.makeBlueprint(
                typeName: typeName,
                configuration: Configuration.self,
                section: node,
                decoder: decoder,
                context: context,
                factory: factory
            )
        }
    }

    /// The registered `_type` names, sorted.
    public var typeNames: [String] { entries.keys.sorted() }

    /// The entry for `typeName`, if registered.
    public func entry(for typeName: String) -> Entry? { entries[typeName] }

    /// Builds the blueprint for one exporter section (a mapping with `_type`).
    ///
    /// - Throws: `DiagnosticError` with the section's position: `CFG002` for a missing `_type`, `CFG003` for an
    ///   unknown one (listing the registered types, with a did-you-mean), or the configuration's own errors.
    public func makeBlueprint(
        section node: YAMLNode,
        path: String,
        decoder: YAMLDecoder,
        context: ExporterBuildContext
    ) throws -> any ExporterBlueprint {
        guard node.mapping != nil else {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.notAMapping,
                    "exporter '\(context.name)' at '\(path)' must be a mapping with a '_type' key",
                    at: node.location
                )
            )
        }
        guard let typeNode = node["_type"] else {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.missingType,
                    "exporter '\(context.name)' at '\(path)' has no '_type'",
                    at: node.location,
                    hint: "set '_type' to one of: \(typeNames.joined(separator: ", "))"
                )
            )
        }
        guard let typeName = typeNode.stringValue, let entry = entries[typeName] else {
            let shown = typeNode.stringValue ?? "\(typeNode)"
            var hint = "registered types: \(typeNames.joined(separator: ", "))"
            if let suggestion = DidYouMean.suggestion(for: shown, among: typeNames) {
                hint = "did you mean '\(suggestion)'? " + hint
            }
            throw DiagnosticError(
                .error(
                    ConfigurationCode.unknownType,
                    "unknown exporter type '\(shown)' for '\(context.name)'",
                    at: typeNode.location,
                    hint: hint
                )
            )
        }
        return try entry.build(node, decoder, context)
    }
}

/// Stable codes of configuration diagnostics.
public enum ConfigurationCode {
    /// A YAML node that must be a mapping is not one.
    public static let notAMapping = "CFG001"
    /// An exporter section without `_type`.
    public static let missingType = "CFG002"
    /// An exporter section whose `_type` is not registered.
    public static let unknownType = "CFG003"
    /// A value outside its allowed range or set.
    public static let invalidValue = "CFG004"
    /// A file or directory the configuration names cannot be used.
    public static let unusablePath = "CFG005"
    /// The workflow has no `general.telemetry.tracing` section, or it is empty.
    public static let noExporters = "CFG006"
}

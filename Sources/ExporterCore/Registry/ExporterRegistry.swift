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
        /// The keys its section may hold besides `_type` and `processors` (see ``keys``).
        let configurationKeys: @Sendable () -> [String]
        /// The keys its configuration reads (besides `_type`, and `processors`, which every type takes), sorted:
        /// found by decoding an empty section and recording what its `init(from:)` asks about, as the
        /// unknown-key check does.
        public var keys: [String] { configurationKeys() }
        /// Decodes the configuration from its YAML node (at its key path) without building anything yet.
        let prepare: @Sendable (YAMLNode, [String], YAMLDecoder, ExporterBuildContext) throws -> PreparedExporter
    }

    private var entries: [String: Entry] = [:]

    /// An empty registry.
    public init() {}

    /// Registers `typeName` with its configuration type and factory; a later registration of the same name
    /// replaces the earlier one (so an application can override a built-in type). Every type also accepts a
    /// `processors:` list of event stages, handled here (see ``EventProcessorSettings``).
    ///
    /// - Parameter outputPaths: the files an exporter of this type writes, as configured (relative paths are
    ///   resolved against the workflow's directory); they let a caller refuse a configuration that would
    ///   overwrite its own input before any file is opened.
    public mutating func register<Configuration: Decodable & Sendable>(
        _ typeName: String,
        configuration: Configuration.Type,
        summary: String,
        outputPaths: (@Sendable (Configuration) -> [String])? = nil,
        factory: @escaping @Sendable (Configuration, ExporterBuildContext) throws -> any ExporterBlueprint
    ) {
        let keys: @Sendable () -> [String] = {
            YAMLDecoder(ignoredKeys: ["_type"], userInfo: [.configurationEnvironment: [String: String]()])
                .keys(of: Configuration.self)
        }
        entries[typeName] = Entry(typeName: typeName, summary: summary, configurationKeys: keys) {
            node,
            keyPath,
            decoder,
            context in
            try Self.prepare(
                typeName: typeName,
                configuration: Configuration.self,
                section: node,
                keyPath: keyPath,
                decoder: decoder,
                context: context,
                outputPaths: outputPaths,
                factory: factory
            )
        }
    }

    /// The registered types, sorted by name.
    public var allEntries: [Entry] { entries.values.sorted { $0.typeName < $1.typeName } }

    /// The registered `_type` names, sorted.
    public var typeNames: [String] { entries.keys.sorted() }

    /// The entry for `typeName`, if registered.
    public func entry(for typeName: String) -> Entry? { entries[typeName] }

    /// Builds the blueprint for one exporter section (a mapping with `_type`).
    ///
    /// - Parameter path: the section's key path, such as `general.telemetry.tracing.out`; the key paths of
    ///   configuration errors start there.
    /// - Throws: `DiagnosticError` with the section's position: `CFG002` for a missing `_type`, `CFG003` for an
    ///   unknown one (listing the registered types, with a did-you-mean), or the configuration's own errors.
    public func makeBlueprint(
        section node: YAMLNode,
        path: String,
        decoder: YAMLDecoder,
        context: ExporterBuildContext
    ) throws -> any ExporterBlueprint {
        let keyPath = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return try prepare(section: node, keyPath: keyPath, decoder: decoder, context: context).build()
    }

    /// Decodes one exporter section without building it (see ``makeBlueprint(section:path:decoder:context:)``).
    func prepare(
        section node: YAMLNode,
        keyPath: [String],
        decoder: YAMLDecoder,
        context: ExporterBuildContext
    ) throws -> PreparedExporter {
        let path = keyPath.joined(separator: ".")
        guard node.mapping != nil else {
            throw DiagnosticError(
                .error(
                    .configurationNotAMapping,
                    "exporter '\(context.name)' at '\(path)' must be a mapping with a '_type' key",
                    at: node.location
                )
            )
        }
        let registered = "registered types: \(typeNames.joined(separator: ", "))"
        guard let typeNode = node["_type"] else {
            throw DiagnosticError(
                .error(
                    .configurationMissingType,
                    "exporter '\(context.name)' at '\(path)' has no '_type'",
                    at: node.location,
                    hint: "set '_type' to one of: \(typeNames.joined(separator: ", "))"
                )
            )
        }
        guard let typeName = typeNode.stringValue else {
            throw DiagnosticError(
                .error(
                    .configurationUnknownType,
                    "'_type' of exporter '\(context.name)' must be a string naming an exporter type",
                    at: typeNode.location,
                    hint: registered
                )
            )
        }
        guard let entry = entries[typeName] else {
            let suggestion = DidYouMean.suggestion(for: typeName, among: typeNames)
            throw DiagnosticError(
                .error(
                    .configurationUnknownType,
                    "unknown exporter type '\(typeName)' for '\(context.name)'",
                    at: typeNode.location,
                    hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + registered
                )
            )
        }
        return try entry.prepare(node, keyPath, decoder, context)
    }
}

/// An exporter section decoded but not built yet: what it would write, and how to build it.
struct PreparedExporter: Sendable {
    /// The files the exporter writes, resolved; empty when its type does not say.
    var outputPaths: [String]
    /// The effective configuration, each key with where its value came from.
    var settings: [EffectiveSetting]
    /// Builds the blueprint (opening files, creating clients).
    var build: @Sendable () throws -> any ExporterBlueprint
}

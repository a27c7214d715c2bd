import ExporterDiagnostics
import ExporterYAML

extension ExporterRegistry {
    /// Decodes one exporter section, ready to build its blueprint; the `processors:` key, which every registered
    /// type accepts, is taken out before the type decodes the rest.
    ///
    /// With processors, the blueprint is wrapped in an ``EventProcessingBlueprint``, so each run's instance gets a
    /// fresh ``EventStageChain`` in front of its own pipeline. The type's configuration errors and the processors'
    /// are reported together, and nothing is built (no file opened) while either has one.
    static func prepare<Configuration: Decodable & Sendable>(
        typeName: String,
        configuration: Configuration.Type,
        section: YAMLNode,
        keyPath: [String],
        decoder: YAMLDecoder,
        context: ExporterBuildContext,
        outputPaths: (@Sendable (Configuration) -> [String])?,
        factory: @escaping @Sendable (Configuration, ExporterBuildContext) throws -> any ExporterBlueprint
    ) throws -> PreparedExporter {
        var rest = section
        var processorsNode: YAMLNode?
        if let entries = section.mapping, let node = section[processorsKey] {
            processorsNode = node
            rest = YAMLNode(
                .mapping(entries.filter { $0.key.scalar?.value != processorsKey }),
                location: section.location
            )
        }
        var diagnostics: [Diagnostic] = []
        var decoded: Configuration?
        var decoder = decoder
        decoder.userInfo[.configurationEnvironment] = context.environment
        let recorder = ConfigurationRecorder()
        decoder.userInfo[.configurationRecorder] = recorder
        do {
            decoded = try decoder.decode(Configuration.self, from: rest, at: keyPath)
        } catch {
            diagnostics += error.diagnostics
        }
        decoder.userInfo[.configurationRecorder] = nil
        var processors: [EventProcessorSettings] = []
        if let processorsNode {
            do {
                processors = try EventProcessorSettings.list(from: processorsNode, decoder: decoder)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty, let configuration = decoded else { throw DiagnosticError(diagnostics) }
        let environment = context.environment
        let stages = processors
        let stagesNode = processorsNode
        return PreparedExporter(
            outputPaths: outputPaths.map { $0(configuration).map(context.resolve(path:)) } ?? [],
            settings: EffectiveSetting.complete(
                recorder.settings,
                keys: YAMLDecoder(ignoredKeys: ["_type"], userInfo: [.configurationEnvironment: [String: String]()])
                    .keys(of: Configuration.self),
                section: rest
            ),
            build: {
                let blueprint = try factory(configuration, context)
                guard !stages.isEmpty, let stagesNode else { return blueprint }
                try checkHostsEventStages(
                    blueprint,
                    typeName: typeName,
                    context: context,
                    at: stagesNode.location
                )
                return EventProcessingBlueprint(base: blueprint, processors: stages, environment: environment)
            }
        )
    }

    /// The key of the event stages in every exporter section.
    package static let processorsKey = "processors"

    /// Refuses, at the `processors` key, a type whose instances cannot run event stages, so the mistake shows
    /// when the file is read rather than when a run starts. An instance that cannot be made now is left for the
    /// run to report.
    private static func checkHostsEventStages(
        _ blueprint: any ExporterBlueprint,
        typeName: String,
        context: ExporterBuildContext,
        at location: SourceLocation
    ) throws {
        guard let probe = try? blueprint.makeExporter(name: context.name) else { return }
        if let host = probe as? any EventStageHost, host.installEventStages(EventStageChain()) { return }
        throw DiagnosticError(
            .error(
                .configurationInvalidValue,
                "exporter type '\(typeName)' (for '\(context.name)') cannot run 'processors'",
                at: location,
                hint: "its exporters must be EventStageHost (as ProcessingExporter is); remove 'processors' here"
            )
        )
    }
}

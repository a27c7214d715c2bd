import ExporterCore
import ExporterDiagnostics
import ExporterYAML
import Logging

/// Configuration of the built-in `atif` exporter: one ATIF v1.6 trajectory per run (root agent scope), written
/// when the run ends.
///
/// ```yaml
/// trajectories:
///   _type: atif
///   output_dir: ./.tmp/trajectories   # one <session_id>.json per trajectory; or:
///   # output_path: ./.tmp/trajectory.json   # one file (later trajectories: trajectory-2.json, ...)
///   agent_name: librarian             # default: the root scope's name
///   agent_version: 1.2.0              # default: unknown
///   model_name: gpt-4o                # default: the first model the run calls
///   buffer_capacity: 10000
///   overflow_policy: drop_newest
/// ```
///
/// Exactly one of `output_path` and `output_dir` must be given.
public struct ATIFExporterConfiguration: Sendable, Hashable, Decodable, YAMLRejectsUnknownKeys {
    /// Where trajectories go (`output_path` or `output_dir`), as written in the configuration.
    public var destination: ATIFFileSink.Destination
    /// `agent_name`; nil takes each trajectory's root scope name.
    public var agentName: String?
    /// `agent_version` (default `unknown`).
    public var agentVersion = "unknown"
    /// `model_name`; nil takes the first model each run calls.
    public var modelName: String?
    /// The exporter's buffer (`buffer_capacity`, `overflow_policy`).
    public var buffer = BufferSettings()

    /// A configuration writing to `destination` with the defaults.
    public init(destination: ATIFFileSink.Destination) {
        self.destination = destination
    }

    /// The `agent` information of the trajectories.
    public var agent: ATIFAgentInfo {
        ATIFAgentInfo(name: agentName, version: agentVersion, modelName: modelName)
    }

    enum CodingKeys: String, CodingKey {
        case outputPath = "output_path"
        case outputDir = "output_dir"
        case agentName = "agent_name"
        case agentVersion = "agent_version"
        case modelName = "model_name"
        case bufferCapacity = "buffer_capacity"
        case overflowPolicy = "overflow_policy"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let path = try container.decodeIfPresent(String.self, forKey: .outputPath)
        let directory = try container.decodeIfPresent(String.self, forKey: .outputDir)
        switch (path, directory) {
        case (let path?, nil):
            if path.isEmpty || path.hasSuffix("/") {
                throw Self.invalid(
                    "'output_path' must name a file",
                    key: .outputPath,
                    in: container,
                    decoder: decoder,
                    hint: "use 'output_dir' for one file per trajectory in a directory"
                )
            }
            destination = .file(path)
        case (nil, let directory?):
            if directory.isEmpty {
                throw Self.invalid("'output_dir' cannot be empty", key: .outputDir, in: container, decoder: decoder)
            }
            destination = .directory(directory)
        case (_?, _?):
            throw Self.invalid(
                "set either 'output_path' or 'output_dir', not both",
                key: .outputDir,
                in: container,
                decoder: decoder,
                hint: "'output_path' writes one file; 'output_dir' writes one <session_id>.json per trajectory"
            )
        case (nil, nil):
            throw DiagnosticError(
                .error(
                    ConfigurationCode.invalidValue,
                    "the atif exporter needs 'output_path' or 'output_dir'",
                    at: decoder.yamlLocation,
                    hint: "'output_path' writes one file; 'output_dir' writes one <session_id>.json per trajectory"
                )
            )
        }
        agentName = try container.decodeIfPresent(String.self, forKey: .agentName)
        agentVersion = try container.decodeIfPresent(String.self, forKey: .agentVersion) ?? "unknown"
        modelName = try container.decodeIfPresent(String.self, forKey: .modelName)
        buffer = try BufferSettings.decode(
            from: container,
            capacityKey: .bufferCapacity,
            policyKey: .overflowPolicy,
            decoder: decoder
        )
    }

    private static func invalid(
        _ message: String,
        key: CodingKeys,
        in container: KeyedDecodingContainer<CodingKeys>,
        decoder: any Decoder,
        hint: String? = nil
    ) -> DiagnosticError {
        DiagnosticError(
            .error(
                ConfigurationCode.invalidValue,
                message,
                at: (try? container.superDecoder(forKey: key))?.yamlLocation ?? decoder.yamlLocation,
                hint: hint
            )
        )
    }
}

/// The `atif` exporter: each run's events go through a ``TrajectoryBuilder``, and every trajectory it emits
/// (when the run's root scope ends, or unfinished at shutdown) is written by a shared ``ATIFFileSink``.
public struct ATIFExporterBlueprint: ExporterBlueprint {
    /// The shared sink.
    public let sink: ATIFFileSink
    /// The `agent` information of the trajectories.
    public let agent: ATIFAgentInfo
    /// The buffer settings of each instance.
    public let buffer: BufferSettings
    let logger: Logger

    /// Creates the output directory; relative paths resolve against the workflow file's directory.
    public init(configuration: ATIFExporterConfiguration, context: ExporterBuildContext) throws {
        let destination: ATIFFileSink.Destination
        switch configuration.destination {
        case .file(let path): destination = .file(context.resolve(path: path))
        case .directory(let path): destination = .directory(context.resolve(path: path))
        }
        do {
            sink = try ATIFFileSink(destination: destination)
        } catch {
            throw DiagnosticError(
                .error(ConfigurationCode.unusablePath, "exporter '\(context.name)': \(error)", at: context.location)
            )
        }
        agent = configuration.agent
        buffer = configuration.buffer
        logger = context.logger
    }

    public func makeExporter(name: String) throws -> any Exporter {
        ProcessingExporter(
            name: name,
            pipeline: TrajectoryBuilder(agent: agent).named("atif"),
            sink: sink,
            capacity: buffer.capacity,
            overflowPolicy: buffer.overflowPolicy,
            logger: logger
        )
    }
}

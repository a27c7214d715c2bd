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
public struct ATIFExporterConfiguration: Sendable, Hashable, Decodable, YAMLReportsAllProblems {
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

    public init(from decoder: any Decoder) throws {
        let section = try ConfigurationSection(decoder)
        var reader = section.reader()
        let destination = Self.destination(section, &reader)
        let agentName = reader.value("agent_name", in: section, as: String.self)
        let agentVersion = reader.value("agent_version", in: section, as: String.self)
        let modelName = reader.value("model_name", in: section, as: String.self)
        reader.settle("agent_name", agentName, default: "none")
        reader.settle("agent_version", agentVersion, default: self.agentVersion)
        reader.settle("model_name", modelName, default: "none")
        buffer = reader.buffer(in: section)
        try reader.finish()
        // Without a destination, a problem is recorded, so finish() has thrown.
        self.destination = destination ?? .directory("")
        self.agentName = agentName?.value
        self.agentVersion = agentVersion?.value ?? self.agentVersion
        self.modelName = modelName?.value
    }

    /// Exactly one of `output_path` (a file) and `output_dir`.
    private static func destination(
        _ section: ConfigurationSection,
        _ reader: inout ConfigurationReader
    ) -> ATIFFileSink.Destination? {
        let choice = "'output_path' writes one file; 'output_dir' writes one <session_id>.json per trajectory"
        let path = reader.check(
            reader.value("output_path", in: section, as: String.self),
            hint: "use 'output_dir' for one file per trajectory in a directory"
        ) { $0.isEmpty || $0.hasSuffix("/") ? "must name a file" : nil }
        let writtenDirectory = reader.value("output_dir", in: section, as: String.self)
        let directory = reader.check(writtenDirectory) { $0.isEmpty ? "cannot be empty" : nil }
        reader.settle("output_path", path, default: "none")
        reader.settle("output_dir", directory, default: "none")
        switch (section.isWritten("output_path"), section.isWritten("output_dir")) {
        case (true, true):
            let location = writtenDirectory?.location ?? section.location
            reader.report("set either 'output_path' or 'output_dir', not both", at: location, hint: choice)
            return nil
        case (false, false):
            reader.report("the atif exporter needs 'output_path' or 'output_dir'", at: section.location, hint: choice)
            return nil
        default:
            return path.map { .file($0.value) } ?? directory.map { .directory($0.value) }
        }
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
                .error(.configurationUnusablePath, "exporter '\(context.name)': \(error)", at: context.location)
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

import ExporterDiagnostics
import ExporterYAML
import Logging

/// Configuration of the built-in `file` exporter; the toolkit's keys work unchanged.
///
/// ```yaml
/// traces_file:
///   _type: file
///   output_path: ./.tmp/traces.jsonl   # relative to the workflow file
///   project: demo
///   mode: append                       # or overwrite
///   enable_rolling: true
///   max_file_size: 10MiB               # bytes, or with a unit
///   max_files: 5
///   cleanup_on_init: false
///   format: intermediate_step          # or atof, spans
/// ```
public struct FileExporterConfiguration: Sendable, Hashable, Decodable, YAMLRejectsUnknownKeys {
    /// What each line holds.
    public enum Format: String, Sendable, Hashable, CaseIterable, Decodable {
        /// The toolkit's IntermediateStep JSON, as its `file` exporter writes it.
        case intermediateStep = "intermediate_step"
        /// ATOF v0.1 events.
        case atof
        /// One finished span per line (``SpanJSON``).
        case spans
    }

    /// The file (`output_path`, required).
    public var outputPath: String
    /// The project name (`project`), accepted for toolkit compatibility; it names the run in log messages.
    public var project: String?
    /// `mode`: append (default) or overwrite.
    public var mode: FileSink.Mode = .append
    /// `enable_rolling` (default false).
    public var enableRolling = false
    /// `max_file_size` (default 10 MiB).
    public var maxFileSize = ConfigByteSize(bytes: 10 * 1024 * 1024)
    /// `max_files` (default 5).
    public var maxFiles = 5
    /// `cleanup_on_init` (default false): delete rolled files of earlier runs.
    public var cleanupOnInit = false
    /// `format` (default intermediate_step).
    public var format: Format = .intermediateStep
    /// The exporter's buffer (`buffer_capacity`, `overflow_policy`).
    public var buffer = BufferSettings()

    /// A configuration writing to `outputPath` with the defaults.
    public init(outputPath: String) {
        self.outputPath = outputPath
    }

    enum CodingKeys: String, CodingKey {
        case project, mode, format
        case outputPath = "output_path"
        case enableRolling = "enable_rolling"
        case maxFileSize = "max_file_size"
        case maxFiles = "max_files"
        case cleanupOnInit = "cleanup_on_init"
        case bufferCapacity = "buffer_capacity"
        case overflowPolicy = "overflow_policy"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        outputPath = try container.decode(String.self, forKey: .outputPath)
        if outputPath.isEmpty {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.invalidValue,
                    "'output_path' cannot be empty",
                    at: try container.superDecoder(forKey: .outputPath).yamlLocation
                )
            )
        }
        project = try container.decodeIfPresent(String.self, forKey: .project)
        mode = try container.decodeIfPresent(FileSink.Mode.self, forKey: .mode) ?? .append
        enableRolling = try container.decodeIfPresent(Bool.self, forKey: .enableRolling) ?? false
        maxFileSize = try container.decodeIfPresent(ConfigByteSize.self, forKey: .maxFileSize) ?? maxFileSize
        if maxFileSize.bytes < 1 {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.invalidValue,
                    "'max_file_size' must be at least 1 byte",
                    at: try container.superDecoder(forKey: .maxFileSize).yamlLocation
                )
            )
        }
        maxFiles = try container.decodeIfPresent(Int.self, forKey: .maxFiles) ?? 5
        if maxFiles < 0 {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.invalidValue,
                    "'max_files' cannot be negative",
                    at: try container.superDecoder(forKey: .maxFiles).yamlLocation
                )
            )
        }
        cleanupOnInit = try container.decodeIfPresent(Bool.self, forKey: .cleanupOnInit) ?? false
        format = try container.decodeIfPresent(Format.self, forKey: .format) ?? .intermediateStep
        buffer = try BufferSettings.decode(
            from: container,
            capacityKey: .bufferCapacity,
            policyKey: .overflowPolicy,
            decoder: decoder
        )
    }
}

/// The `file` exporter: events (or spans) encoded one per line into a shared, buffered, fsynced file.
public struct FileExporterBlueprint: ExporterBlueprint {
    /// The shared file.
    public let sink: FileSink
    /// What each line holds.
    public let format: FileExporterConfiguration.Format
    /// The buffer settings of each instance.
    public let buffer: BufferSettings
    let logger: Logger

    /// Opens the file; relative paths resolve against the workflow file's directory.
    public init(configuration: FileExporterConfiguration, context: ExporterBuildContext) throws {
        let path = context.resolve(path: configuration.outputPath)
        do {
            sink = try FileSink(
                path: path,
                mode: configuration.mode,
                rolling: configuration.enableRolling
                    ? FileSink.Rolling(maxFileSize: configuration.maxFileSize.bytes, maxFiles: configuration.maxFiles)
                    : nil,
                cleanupOnInit: configuration.cleanupOnInit
            )
        } catch let error as FileSinkError {
            throw DiagnosticError(
                .error(ConfigurationCode.unusablePath, "exporter '\(context.name)': \(error)", at: context.location)
            )
        }
        format = configuration.format
        buffer = configuration.buffer
        logger = context.logger
    }

    public func makeExporter(name: String) throws -> any Exporter {
        switch format {
        case .intermediateStep, .atof:
            let traceFormat: TraceFormat = format == .atof ? .atof : .intermediateStep
            return ProcessingExporter(
                name: name,
                pipeline: EventJSONSerializer(format: traceFormat),
                sink: sink,
                capacity: buffer.capacity,
                overflowPolicy: buffer.overflowPolicy,
                logger: logger
            )
        case .spans:
            return ProcessingExporter(
                name: name,
                stages: SpanJSONSerializer(),
                sink: sink,
                capacity: buffer.capacity,
                overflowPolicy: buffer.overflowPolicy,
                logger: logger
            )
        }
    }

    public func close() async {
        await sink.close()
    }
}

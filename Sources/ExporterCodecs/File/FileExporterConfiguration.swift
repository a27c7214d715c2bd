import ExporterCore
import ExporterDiagnostics
import ExporterYAML
import Logging

/// Configuration of the built-in `file` exporter; the toolkit's keys work unchanged.
///
/// ```yaml
/// traces_file:
///   _type: file
///   output_path: ./.tmp/traces.jsonl   # relative to the workflow file (the toolkit: to the working directory)
///   project: demo                      # with rolling, names the file in a directory output_path
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

    /// The file (`output_path`, required). With rolling, an existing directory or a path without a suffix is a
    /// directory holding `{project}_export.log`, as in the toolkit.
    public var outputPath: String
    /// The project name (`project`): with rolling, it names the file in a directory `output_path`; it is also
    /// the `project` metadata of the exporter's log messages.
    public var project: String?
    /// `mode`: append (default) or overwrite.
    public var mode: FileSink.Mode = .append
    /// `enable_rolling` (default false).
    public var enableRolling = false
    /// `max_file_size` (default 10 MiB): with rolling, a file that has reached it rolls before the next record.
    public var maxFileSize = ConfigByteSize(bytes: 10 * 1024 * 1024)
    /// `max_files` (default 5): how many rolled files are kept, the newest.
    public var maxFiles = 5
    /// `cleanup_on_init` (default false): with rolling, delete the rolled files beyond the `max_files` newest;
    /// without, delete the file in `overwrite` mode (and nothing in `append` mode), as the toolkit does.
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

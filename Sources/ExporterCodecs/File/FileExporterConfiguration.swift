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
public struct FileExporterConfiguration: Sendable, Hashable, Decodable, YAMLReportsAllProblems {
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

    public init(from decoder: any Decoder) throws {
        let section = try ConfigurationSection(decoder)
        var reader = section.reader()
        let outputPath = reader.check(reader.required("output_path", in: section, as: String.self)) {
            $0.isEmpty ? "cannot be empty" : nil
        }
        let project = reader.value("project", in: section, as: String.self)
        let mode = reader.value("mode", in: section, as: FileSink.Mode.self)
        let enableRolling = reader.value("enable_rolling", in: section, as: Bool.self)
        let maxFileSize = reader.check(reader.value("max_file_size", in: section, as: ConfigByteSize.self)) {
            $0.bytes < 1 ? "must be at least 1 byte" : nil
        }
        let maxFiles = reader.check(reader.value("max_files", in: section, as: Int.self)) {
            $0 < 0 ? "cannot be negative" : nil
        }
        let cleanupOnInit = reader.value("cleanup_on_init", in: section, as: Bool.self)
        let format = reader.value("format", in: section, as: Format.self)
        reader.settle("output_path", outputPath, default: nil)
        reader.settle("project", project, default: "none")
        reader.settle("mode", mode, default: self.mode.rawValue) { $0.rawValue }
        reader.settle("enable_rolling", enableRolling, default: "\(self.enableRolling)")
        reader.settle("max_file_size", maxFileSize, default: "\(self.maxFileSize.bytes) bytes") { "\($0.bytes) bytes" }
        reader.settle("max_files", maxFiles, default: "\(self.maxFiles)")
        reader.settle("cleanup_on_init", cleanupOnInit, default: "\(self.cleanupOnInit)")
        reader.settle("format", format, default: self.format.rawValue) { $0.rawValue }
        buffer = reader.buffer(in: section)
        try reader.finish()
        // A missing or empty path is a recorded problem, so finish() has thrown without one.
        self.outputPath = outputPath?.value ?? ""
        self.project = project?.value
        self.mode = mode?.value ?? self.mode
        self.enableRolling = enableRolling?.value ?? self.enableRolling
        self.maxFileSize = maxFileSize?.value ?? self.maxFileSize
        self.maxFiles = maxFiles?.value ?? self.maxFiles
        self.cleanupOnInit = cleanupOnInit?.value ?? self.cleanupOnInit
        self.format = format?.value ?? self.format
    }
}

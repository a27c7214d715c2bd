import ExporterCore
import ExporterDiagnostics
import ExporterEvents
import Logging

/// The `file` exporter: events (or spans) encoded one per line into a shared, buffered, fsynced file.
public struct FileExporterBlueprint: ExporterBlueprint {
    /// The shared file.
    public let sink: FileSink
    /// What each line holds.
    public let format: FileExporterConfiguration.Format
    /// The buffer settings of each instance.
    public let buffer: BufferSettings
    let logger: Logger

    /// Opens the file; relative paths resolve against the workflow file's directory. With rolling, the file is
    /// the one the toolkit would write: `{project}_export.log` in a directory `output_path`.
    public init(configuration: FileExporterConfiguration, context: ExporterBuildContext) throws {
        var logger = context.logger
        if let project = configuration.project { logger[metadataKey: "project"] = "\(project)" }
        guard let path = configuration.currentFile(outputPath: context.resolve(path: configuration.outputPath)) else {
            throw DiagnosticError(
                .error(
                    .configurationInvalidValue,
                    "exporter '\(context.name)': with 'enable_rolling', 'output_path' '\(configuration.outputPath)' "
                        + "is a directory and the file in it is named after 'project', which is not set",
                    at: context.location,
                    hint: "set 'project' (the file is '{project}_export.log'), or give 'output_path' a file name "
                        + "with a suffix, like 'traces.jsonl'"
                )
            )
        }
        do {
            sink = try FileSink(
                path: path,
                mode: configuration.mode,
                rolling: configuration.enableRolling
                    ? FileSink.Rolling(maxFileSize: configuration.maxFileSize.bytes, maxFiles: configuration.maxFiles)
                    : nil,
                cleanupOnInit: configuration.cleanupOnInit,
                logger: logger
            )
        } catch let error as FileSinkError {
            throw DiagnosticError(
                .error(.configurationUnusablePath, "exporter '\(context.name)': \(error)", at: context.location)
            )
        }
        format = configuration.format
        buffer = configuration.buffer
        self.logger = logger
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

    /// Closes the file; a failure (records that could not be written are lost) is logged as an error.
    public func close() async {
        await sink.close()
    }

    /// Closes the file, throwing what went wrong (see ``FileSink/finish()``).
    public func finish() async throws {
        try await sink.finish()
    }
}

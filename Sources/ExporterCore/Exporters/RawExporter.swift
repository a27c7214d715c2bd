import ExporterEvents
import Logging

/// An exporter that hands every event to its sink unchanged: the empty pipeline.
public typealias RawExporter<S: ExportSink> = ProcessingExporter<PassThroughProcessor<AgentEvent>, S>
where S.Item == AgentEvent

extension ProcessingExporter where P == PassThroughProcessor<AgentEvent> {
    /// Creates an exporter that sends events to `sink` as they are.
    public convenience init(
        name: String,
        sink: S,
        capacity: Int = 10_000,
        overflowPolicy: OverflowPolicy = .dropNewest,
        logger: Logger = Logger(label: "ExporterRuntime.RawExporter")
    ) {
        self.init(
            name: name,
            pipeline: PassThroughProcessor(),
            sink: sink,
            capacity: capacity,
            overflowPolicy: overflowPolicy,
            logger: logger
        )
    }
}

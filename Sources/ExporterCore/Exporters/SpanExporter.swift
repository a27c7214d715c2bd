import ExporterEvents
import Logging

/// An exporter of spans: a ``SpanBuilder`` turns events into spans, then `Stages` (filters, batching, encoding)
/// take them to the sink. The toolkit's `SpanExporter`, on the one exporter mechanism.
public typealias SpanExporter<Stages: Processor, S: ExportSink> = ProcessingExporter<
    ProcessorChain<NamedProcessor<SpanBuilder>, Stages>, S
>
where Stages.Input == Span, Stages.Output == S.Item

extension ProcessingExporter {
    /// Creates a span exporter: events → ``SpanBuilder`` (statistics under `spans.`) → `stages` → `sink`.
    public convenience init<Stages: Processor>(
        name: String,
        spanBuilder: SpanBuilder = SpanBuilder(),
        stages: Stages,
        sink: S,
        capacity: Int = 10_000,
        overflowPolicy: OverflowPolicy = .dropNewest,
        logger: Logger = Logger(label: "ExporterRuntime.SpanExporter")
    ) where P == ProcessorChain<NamedProcessor<SpanBuilder>, Stages> {
        self.init(
            name: name,
            pipeline: spanBuilder.named("spans").then(stages),
            sink: sink,
            capacity: capacity,
            overflowPolicy: overflowPolicy,
            logger: logger
        )
    }
}

import ExporterEvents
import Logging
import Synchronization

/// The one exporter mechanism: a bounded buffer, a typed pipeline driven by a single consumer task, and a sink.
///
/// ``receive(_:)`` only appends to the instance's own ``BoundedBuffer`` (never blocks the emitting task). The
/// consumer started by ``start()`` drains the buffer in chunks, runs each event through the pipeline, and hands
/// every output to the sink. The pipeline lives inside the consumer task, so its stages need no locks.
///
/// A sink that throws makes the stage's `emit` throw ``ExportRefusal``: unless the sink calls the refusal final
/// (``ExportSink/refusalIsFinal(_:)``: a dead-letter file kept the items, or the failure is permanent), a stage
/// that keeps the items to retry them (``BatchingProcessor``, bounded by its `maxQueueSize`) rethrows
/// ``ItemsRetained`` and nothing is counted as failed yet; otherwise the refused items count in `failed` (in
/// `unconfirmed` when ``ExportSink/refusalIsUnconfirmed(_:)``) and a log line says why. Items the receiver
/// rejected inside an accepted export (``ExportReceipt/delivered(rejecting:)``) count in `failed`. Either way
/// the consumer goes on with the next event.
///
/// Counting identity (see ``ExporterStatistics``): at any time
/// `received == processed + droppedByBuffer + (events buffered or in flight)`, and after ``shutdown(timeout:)``
/// `received == processed + droppedByBuffer + abandoned` as of the report.
public final class ProcessingExporter<P: Processor, S: ExportSink>: Exporter
where P.Input == AgentEvent, P.Output == S.Item {
    /// The name it was configured under.
    public let name: String
    /// The transport.
    public let sink: S
    /// Where received events wait for the consumer.
    public let buffer: BoundedBuffer<AgentEvent>

    private let progress = ExporterProgress()
    /// Whether `S.Item` counts its own items (a batch, an OTLP request), decided once.
    private let itemsAreCounted = ExportItemCount.isCounted(S.Item.self)
    private let consumerEnded = CompletionLatch()
    private let control: Mutex<Control>
    private let logger: Logger
    /// Nil unless a metrics factory was bootstrapped when the instance was made.
    private let healthMetrics: ExporterHealthMetrics?
    /// The sink's retries during this instance's exports.
    private let retriesSeen = Atomic<Int>(0)

    /// Events the consumer takes per lock: large enough to amortize locking, small enough to publish
    /// statistics and notice flush requests and deadlines promptly.
    static var chunkSize: Int { 256 }

    /// Creates a stopped instance; events received before ``start()`` wait in the buffer.
    ///
    /// - Parameters:
    ///   - capacity: how many events the buffer holds (at least 1).
    ///   - overflowPolicy: what happens to an event that arrives when the buffer is full.
    ///   - type: the exporter's kind, the `type` dimension of its metrics (``ExporterHealthMetrics``); by
    ///     default the sink's type name.
    public init(
        name: String,
        pipeline: P,
        sink: S,
        capacity: Int = 10_000,
        overflowPolicy: OverflowPolicy = .dropNewest,
        type: String? = nil,
        logger: Logger = Logger(label: "ExporterRuntime.ProcessingExporter")
    ) {
        healthMetrics = ExporterHealthMetrics.make(exporter: name, type: type ?? "\(S.self)")
        self.name = name
        self.sink = sink
        buffer = BoundedBuffer(capacity: capacity, overflowPolicy: overflowPolicy)
        control = Mutex(Control(phase: .idle(pipeline)))
        var logger = logger
        logger[metadataKey: "exporter"] = "\(name)"
        self.logger = logger
    }

    public var bufferCapacity: Int? { buffer.capacity }

    public func receive(_ event: AgentEvent) {
        buffer.append(event)
    }

    /// Launches the consumer. Calling it again while running does nothing.
    ///
    /// - Throws: ``ProcessingExporterError/shutDown(exporter:)`` after a shutdown.
    public func start() async throws {
        try startConsumer()
    }

    /// Returns once every event received before the call has been through the pipeline, the pipeline has been
    /// flushed and the sink has flushed.
    ///
    /// - Throws: ``ProcessingExporterError`` when the exporter is not running; the pipeline's or sink's flush
    ///   error; `CancellationError` when a shutdown timed out first.
    public func flush() async throws {
        let mark = buffer.counters.accepted
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let rejection = control.withLock { control -> ProcessingExporterError? in
                switch control.phase {
                case .idle: return .notStarted(exporter: name)
                case .ended: return .shutDown(exporter: name)
                case .running:
                    control.flushRequests.append(FlushRequest(mark: mark, continuation: continuation))
                    return nil
                }
            }
            if let rejection {
                continuation.resume(throwing: rejection)
            } else {
                buffer.wakeConsumer()
            }
        }
    }

    /// Closes the buffer, processes what it holds, finishes the pipeline and flushes the sink, all within
    /// `timeout`; on timeout it cancels the consumer and reports the events it never processed as `abandoned` and
    /// the items the pipeline still held (or the sink was exporting) as `abandonedItems`. An exporter that was
    /// never started is started first, so what it buffered is not lost. Later calls return the first call's
    /// report.
    ///
    /// Cancelling the calling task does not cut the drain short: buffered data is still exported within
    /// `timeout`, which bounds the wait either way.
    @discardableResult
    public func shutdown(timeout: Duration) async -> ShutdownReport {
        let shutdown = control.withLock { control -> Task<ShutdownReport, Never> in
            if let existing = control.shutdown { return existing }
            let task = Task { await self.performShutdown(timeout: timeout) }
            control.shutdown = task
            return task
        }
        // An unstructured task: the caller's cancellation does not reach the drain, whose time is bounded.
        return await shutdown.value
    }

    /// Puts `stages` in front of the pipeline (see ``EventStageHost``); false once started or shut down.
    @discardableResult
    public func installEventStages(_ stages: EventStageChain) -> Bool {
        control.withLock { control in
            guard case .idle = control.phase else { return false }
            control.eventStages = stages
            return true
        }
    }

    public var statistics: ExporterStatistics {
        Self.statistics(buffer: buffer.counters, progress: progress.snapshot)
    }

    /// Failing once anything was lost, degraded once the sink retried for it or an item went unconfirmed.
    public func health() -> ExporterHealth {
        ExporterHealth(statistics: statistics, retries: retriesSeen.load(ordering: .relaxed))
    }

    /// Publishes the metrics (when a factory was bootstrapped): on the consumer, never on the emitting task.
    func publishHealthMetrics(_ statistics: @autoclosure () -> ExporterStatistics) {
        guard let healthMetrics else { return }
        healthMetrics.publish(
            statistics(),
            retries: retriesSeen.load(ordering: .relaxed),
            queueDepth: buffer.count
        )
    }

    private func performShutdown(timeout: Duration) async -> ShutdownReport {
        buffer.close()
        // A shutdown before start still owes the buffered events their export.
        try? startConsumer()
        let finished = await consumerEnded.wait(timeout: timeout)
        let final = progress.seal()
        if !finished {
            let (consumer, pending) = control.withLock { control in
                control.phase = .ended
                defer { control.flushRequests = [] }
                return (control.consumer, control.flushRequests)
            }
            consumer?.cancel()
            for request in pending { request.continuation.resume(throwing: CancellationError()) }
        }

        let counters = buffer.counters
        let abandoned = counters.accepted - counters.evicted - final.processed
        // A finished consumer counted what the pipeline still held as failed; what the sink accepted and has not
        // settled even after its final flush (a sink holding items beyond the run) is abandoned.
        let abandonedItems = finished ? max(0, final.inSink) : final.unsettledHeld
        var errors = final.errors
        if !finished { errors.append("shutdown timed out after \(timeout)") }
        let report = ShutdownReport(
            exporter: name,
            completed: finished && abandoned == 0 && abandonedItems == 0 && final.errors.isEmpty,
            abandoned: abandoned,
            abandonedItems: abandonedItems,
            errors: errors,
            statistics: Self.statistics(buffer: counters, progress: final)
        )
        publishHealthMetrics(report.statistics)
        if !report.completed {
            logger.warning(
                "shutdown incomplete",
                metadata: [
                    "abandoned": "\(abandoned)", "abandoned_items": "\(abandonedItems)",
                    "errors": "\(errors)", "statistics": "\(report.statistics)",
                ]
            )
        }
        return report
    }

    private func startConsumer() throws(ProcessingExporterError) {
        try control.withLock { (control: inout Control) throws(ProcessingExporterError) in
            switch control.phase {
            case .running: return
            case .ended: throw .shutDown(exporter: name)
            case .idle(let pipeline):
                var consumer = Consumer(pipeline: pipeline, eventStages: control.eventStages, exporter: self)
                // Detached: the consumer must not inherit the starting task's hub binding, or a sink that is
                // itself instrumented would feed its own run.
                control.consumer = Task.detached {
                    let finished = await consumer.run()
                    self.consumerDidEnd(finished: finished)
                }
                control.phase = .running
            }
        }
    }

    private func consumerDidEnd(finished: Bool) {
        let pending = control.withLock { control -> [FlushRequest] in
            control.phase = .ended
            defer { control.flushRequests = [] }
            return control.flushRequests
        }
        // After a finish everything before any mark has been processed; a consumer cut short has not.
        for request in pending {
            if finished {
                request.continuation.resume()
            } else {
                request.continuation.resume(throwing: CancellationError())
            }
        }
        consumerEnded.fire()
    }

    private static func statistics(buffer: BufferCounters, progress: ExporterProgress.Snapshot) -> ExporterStatistics {
        ExporterStatistics(
            received: buffer.offered,
            processed: progress.processed,
            exported: progress.exported,
            dropped: buffer.dropped + progress.droppedInPipeline,
            droppedInPipeline: progress.droppedInPipeline,
            failed: progress.failed,
            unconfirmed: progress.unconfirmed,
            anomalies: progress.anomalies,
            stages: progress.stages
        )
    }

    /// Takes the flush requests whose events have all left the buffer (processed or evicted).
    func takeFlushRequests(satisfiedAt position: Int) -> [FlushRequest] {
        control.withLock { control in
            guard !control.flushRequests.isEmpty else { return [] }
            var due: [FlushRequest] = []
            control.flushRequests.removeAll { request in
                guard request.mark <= position else { return false }
                due.append(request)
                return true
            }
            return due
        }
    }

    /// Hands one pipeline output to the sink and counts what the sink took, in items: refused now, or accepted
    /// and counted exported (or failed) when the sink settles its receipt, once the bytes are written.
    ///
    /// - Throws: ``ExportRefusal`` when the sink refused it (logged), for the pipeline to keep or lose;
    ///   `CancellationError` when the consumer is cancelled.
    func exportItem(_ item: S.Item) async throws {
        let count = ExportItemCount.of(item, counted: itemsAreCounted)
        // Retries happen inside the sink's export; those during this call are this instance's (a sink shared by
        // concurrent runs may rarely lend one run another's).
        let retriesBefore = sink.retries
        let started = healthMetrics == nil ? nil : ContinuousClock.now
        defer {
            let retried = sink.retries - retriesBefore
            if retried > 0 { retriesSeen.add(retried, ordering: .relaxed) }
            if let started { healthMetrics?.recordExport(ContinuousClock.now - started) }
        }
        do {
            try await sink.export(item, receipt: ExportReceipt(itemCount: count, ledger: progress))
        } catch {
            if Task.isCancelled { throw CancellationError() }
            progress.itemsRefused(count)
            logger.error("export failed", metadata: ["error": "\(error)", "items": "\(count)"])
            throw ExportRefusal(
                itemCount: count,
                underlying: error,
                isFinal: sink.refusalIsFinal(error),
                isUnconfirmed: sink.refusalIsUnconfirmed(error)
            )
        }
        progress.itemsAccepted(count)
    }

    var consumerProgress: ExporterProgress { progress }
    var consumerLogger: Logger { logger }

    struct FlushRequest: Sendable {
        let mark: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private enum Phase: Sendable {
        case idle(P)
        case running
        case ended
    }

    private struct Control: Sendable {
        var phase: Phase
        var consumer: Task<Void, Never>?
        var shutdown: Task<ShutdownReport, Never>?
        var flushRequests: [FlushRequest] = []
        var eventStages = EventStageChain()
    }
}

/// The end of an exporter's pipeline: it hands finished items (events, spans, batches, encoded bytes) to a
/// transport.
///
/// A sink may be shared by the instances of several concurrent runs (it wraps the expensive resources: an HTTP
/// client, an open file), so it must be safe to call from many tasks.
public protocol ExportSink<Item>: Sendable {
    /// What the sink takes.
    associatedtype Item: Sendable

    /// Exports one item; throws when the item is lost for good (retries are the sink's own business). Returning
    /// means the item was delivered (its bytes written, its request answered): a sink that only buffers it
    /// implements ``export(_:receipt:)`` as well.
    func export(_ item: Item) async throws

    /// Exports one item, settling `receipt` when it is delivered or lost, which may be later (see
    /// ``ExportReceipt``); throws, leaving the receipt unsettled, when refusing it. What exporters call. The
    /// default calls ``export(_:)`` and settles the receipt as delivered when it returns.
    func export(_ item: Item, receipt: ExportReceipt) async throws

    /// Makes everything exported so far durable or delivered (fsync a file, wait for requests in flight),
    /// settling every receipt it holds; throws when something was lost since the last flush (each lost item is
    /// counted through its receipt, not by the error).
    func flush() async throws

    /// Releases the sink's resources; called once, when nothing will use it any more.
    func close() async

    /// True when the sink keeps what it refuses elsewhere (a dead-letter file): a refusal is then final and no
    /// pipeline stage keeps the items to retry them (see ``ExportRefusal/isFinal``), so nothing is kept twice.
    /// Defaults to false.
    var keepsRefusedItems: Bool { get }

    /// True when no pipeline stage may keep the items of a refusal that threw `error` to send them again: the sink
    /// kept them itself (``keepsRefusedItems``), or the failure is permanent (an HTTP 400: resending the same
    /// items fails the same way and would block everything queued behind them). Defaults to
    /// ``keepsRefusedItems``.
    func refusalIsFinal(_ error: any Error) -> Bool

    /// True when the items of a refusal that threw `error` may nevertheless have arrived: the last attempt was
    /// sent and no answer came (a timeout). Lost such items are counted `unconfirmed` rather than `failed`.
    /// Defaults to false.
    func refusalIsUnconfirmed(_ error: any Error) -> Bool

    /// Requests the sink has sent again since it was created (retries), for ``ExporterHealth`` and the
    /// `exporter_retries_total` metric; 0 for a sink that never retries.
    var retries: Int { get }
}

extension ExportSink {
    public func export(_ item: Item, receipt: ExportReceipt) async throws {
        try await export(item)
        receipt.delivered()
    }

    public func flush() async throws {}

    public var keepsRefusedItems: Bool { false }

    public func refusalIsFinal(_ error: any Error) -> Bool { keepsRefusedItems }

    public func refusalIsUnconfirmed(_ error: any Error) -> Bool { false }

    public var retries: Int { 0 }

    public func close() async {}
}

/// A configured exporter: it owns what runs share (transports, clients, open files) and makes a fresh instance,
/// with its own buffer and pipeline state, for every run.
///
/// Because each run's instance comes from ``makeExporter(name:)``, two runs can never share a batcher or a span
/// map: isolation holds by construction.
public protocol ExporterBlueprint: Sendable {
    /// A new instance for one run.
    func makeExporter(name: String) throws -> any Exporter

    /// Releases the shared resources; called once, when the manager that owns the blueprint is done with it.
    func close() async
}

extension ExporterBlueprint {
    public func close() async {}
}

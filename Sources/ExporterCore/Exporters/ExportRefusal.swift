/// What a pipeline stage's `emit` throws when the exporter's sink refused the item (after the sink's own
/// retries): the items are not lost yet if a stage keeps them to try again.
///
/// A stage that keeps what it tried to hand on (``BatchingProcessor`` keeps a failed batch queued, bounded by
/// its `maxQueueSize`) rethrows the error as ``ItemsRetained``; the exporter then counts nothing as failed. An
/// `ExportRefusal` that reaches the exporter unwrapped means its items are lost: they are counted in `failed`, or in
/// `unconfirmed` when ``isUnconfirmed``. A final refusal (``isFinal``) is never kept by a stage.
public struct ExportRefusal: Error, CustomStringConvertible {
    /// How many items the refused one carried (see ``ExportItemCounting``).
    public var itemCount: Int
    /// The sink's error.
    public var underlying: any Error
    /// True when no stage may keep the items for a retry (``ExportSink/refusalIsFinal(_:)``): the sink kept them
    /// itself (a dead-letter file; keeping them too would send them twice), or the failure is permanent (a
    /// resend would fail the same way and block the queue).
    public var isFinal: Bool
    /// True when the items may have arrived (``ExportSink/refusalIsUnconfirmed(_:)``: the last attempt was sent
    /// and got no answer): if they are lost, they are counted `unconfirmed`, not `failed`.
    public var isUnconfirmed: Bool

    /// Creates a refusal.
    public init(itemCount: Int, underlying: any Error, isFinal: Bool = false, isUnconfirmed: Bool = false) {
        self.itemCount = itemCount
        self.underlying = underlying
        self.isFinal = isFinal
        self.isUnconfirmed = isUnconfirmed
    }

    public var description: String { "\(underlying)" }
}

/// Thrown by a stage whose hand-off failed but which keeps the items to try again later (a batcher): nothing is
/// lost yet, so the exporter counts no failure; items the stage later drops count in `dropped`, items it still
/// holds when the exporter shuts down count in `failed`.
public struct ItemsRetained: Error, CustomStringConvertible {
    /// Why the hand-off failed.
    public var underlying: any Error

    /// Wraps `underlying`, unless it already is an `ItemsRetained`.
    public init(_ underlying: any Error) {
        self.underlying = (underlying as? ItemsRetained)?.underlying ?? underlying
    }

    public var description: String { "\(underlying)" }
}

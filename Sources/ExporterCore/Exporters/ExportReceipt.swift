/// What a sink that writes later (a buffered file) holds for each item it accepted, to say what became of it:
/// ``delivered()`` once its bytes are written (handed to the operating system by `write(2)`) or a request carrying
/// it was answered, ``lost()`` when they never will be (a write failed, the sink closed while failing).
///
/// The exporter counts an item in `exported` only when its receipt says delivered and in `failed` when it says
/// lost, so that statistics never call exported what no file holds. A sink settles every receipt of an item it
/// accepted exactly once, at the latest in the ``ExportSink/flush()`` or ``ExportSink/close()`` that follows; the
/// receipt of an item it refuses (throws for) it never settles, since the exporter counts the refusal itself.
///
/// Sinks that deliver before ``ExportSink/export(_:)`` returns need none of this: the default
/// ``ExportSink/export(_:receipt:)`` settles the receipt as delivered when `export(_:)` returns.
public struct ExportReceipt: Sendable {
    /// How many telemetry items the exported item carries (see ``ExportItemCounting``).
    public let itemCount: Int
    /// The counters to settle; nil for an item handed to the sink directly, whose fate nobody counts.
    let ledger: ExporterProgress?

    /// A receipt nobody reads: for items exported outside an exporter (tests, direct calls).
    public static var untracked: ExportReceipt { ExportReceipt(itemCount: 1, ledger: nil) }

    init(itemCount: Int, ledger: ExporterProgress?) {
        self.itemCount = itemCount
        self.ledger = ledger
    }

    /// The item's bytes are written: it counts as exported.
    public func delivered() {
        ledger?.itemsDelivered(itemCount)
    }

    /// The item was delivered, but the receiver refused `rejected` of its telemetry items inside its answer (OTLP's
    /// `partial_success`): those count as failed, never retried; the rest as exported.
    public func delivered(rejecting rejected: Int) {
        let rejected = min(max(0, rejected), itemCount)
        guard rejected > 0 else { return delivered() }
        settle(items: itemCount - rejected, delivered: true)
        settle(items: rejected, delivered: false)
    }

    /// The item will never be written: it counts as failed.
    public func lost() {
        ledger?.itemsLost(itemCount)
    }

    /// True when `other` settles into the same counters, so that runs of receipts can be settled as one.
    package func sharesLedger(with other: ExportReceipt) -> Bool {
        ledger === other.ledger
    }

    /// Settles `count` items of this receipt's counters at once (a run of receipts sharing them).
    package func settle(items count: Int, delivered: Bool) {
        guard let ledger else { return }
        if delivered { ledger.itemsDelivered(count) } else { ledger.itemsLost(count) }
    }
}

/// An item handed to a sink that stands for several telemetry items (a batch, an encoded request), so that an
/// exporter's `exported` and `failed` count what a user can compare with what went in (spans, events), not
/// calls to the sink.
///
/// Items of a type that does not conform count as one each.
import ExporterEvents

public protocol ExportItemCounting: Sendable {
    /// How many telemetry items this one carries.
    var exportItemCount: Int { get }
}

/// An element that counts as one item in a batch, so that `[Element]` counts its elements.
public protocol ExportBatchElement: Sendable {}

extension Array: ExportItemCounting where Element: ExportBatchElement {
    /// The number of elements.
    public var exportItemCount: Int { count }
}

extension AgentEvent: ExportBatchElement {}

extension Span: ExportBatchElement {}

/// Counts sink items in telemetry items.
enum ExportItemCount {
    /// True when items of type `Item` carry their own count: decided once per exporter, so that items of other
    /// types cost no dynamic cast.
    static func isCounted<Item>(_ type: Item.Type) -> Bool {
        type is any ExportItemCounting.Type
    }

    /// How many items `item` counts for: its ``ExportItemCounting/exportItemCount`` when `counted`, else one.
    static func of<Item>(_ item: Item, counted: Bool) -> Int {
        guard counted, let item = item as? any ExportItemCounting else { return 1 }
        return item.exportItemCount
    }
}

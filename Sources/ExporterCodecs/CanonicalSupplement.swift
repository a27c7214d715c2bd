/// The `canonical` object both codecs add to a line for canonical fields their format has no place for (a
/// retriever category in the toolkit's format, a chunk in ATOF, an error status in both). Readers of the format
/// ignore it; our codecs read it back, so nothing is lost.
import ExporterEvents

enum CanonicalSupplement {
    /// The key of the object in the line (in `payload` for IntermediateStep, in the envelope for ATOF).
    static let key = "canonical"

    /// Reads a category written as `category` (+ `subtype` for custom ones); unknown names give nil.
    static func category(in object: JSONObject) -> EventCategory? {
        guard case .string(let name)? = object["category"] else { return nil }
        return EventCategory(name: name, subtype: object["subtype"]?.stringValue)
    }

    /// Appends `category` (+ `subtype` for custom categories).
    static func appendCategory(_ category: EventCategory, to object: inout JSONObject) {
        object.appendUnique("category", .string(category.name))
        if let subtype = category.subtype { object.appendUnique("subtype", .string(subtype)) }
    }
}

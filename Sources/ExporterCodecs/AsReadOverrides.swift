/// How a codec writes back, exactly, values that the canonical event cannot hold as they were read.
///
/// Decoding maps a field to its canonical home; when writing that home back would not give the value that was
/// read (`"tags": []` where an empty list is written as `null`, an integer timestamp written back as a double, an
/// RFC 3339 timestamp with an offset, an unknown ATOF category, a missing key), the codec records an override:
/// the field's path, the value the encoder would write (`when`, absent when it would omit the key) and the value
/// that was read (`value`, absent when the key was missing). The encoder uses `value` only while the field still
/// encodes to `when`, so a processor that changes the event (redaction, renaming) is never overruled by the
/// stale original. Overrides live in the format's entry of ``AgentEvent/extensions`` under `as_read`.
import ExporterEvents

struct AsReadOverrides {
    /// One field's override.
    struct Entry {
        var path: String
        var when: JSONValue?
        var value: JSONValue?
    }

    private(set) var entries: [Entry] = []

    init() {}

    /// Reads the overrides stored in a format extension, ignoring malformed entries.
    init(extension: JSONObject?) {
        guard case .array(let items)? = `extension`?["as_read"] else { return }
        for item in items {
            guard case .object(let object) = item, case .string(let path)? = object["path"] else { continue }
            entries.append(Entry(path: path, when: object["when"], value: object["value"]))
        }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Records that `path` was read as `raw` (nil: absent) where the encoder writes `encoded` (nil: omits), unless
    /// they already agree.
    mutating func record(_ path: String, raw: JSONValue?, encoded: JSONValue?) {
        guard raw != encoded else { return }
        entries.append(Entry(path: path, when: encoded, value: raw))
    }

    /// The override that applies to `path` given what the encoder would write now: `.some(value)` to write
    /// `value` instead (`.some(nil)`: omit the key), nil to write the encoder's own value.
    func replacement(for path: String, encoded: () -> JSONValue?) -> JSONValue?? {
        guard let entry = entries.first(where: { $0.path == path }) else { return nil }
        guard entry.when == encoded() else { return nil }
        return .some(entry.value)
    }

    /// True when some entry concerns `path`.
    func covers(_ path: String) -> Bool {
        entries.contains { $0.path == path }
    }

    /// The overrides as stored in an extension.
    var jsonValue: JSONValue {
        .array(
            entries.map { entry in
                var object = JSONObject()
                object.appendUnique("path", .string(entry.path))
                if let when = entry.when { object.appendUnique("when", when) }
                if let value = entry.value { object.appendUnique("value", value) }
                return .object(object)
            }
        )
    }
}

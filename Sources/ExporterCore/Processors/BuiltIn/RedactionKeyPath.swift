import ExporterDiagnostics
import ExporterEvents

/// A parsed redaction key path such as `input.api_key`, `metadata.headers.authorization` or `output.*.password`.
///
/// The first segment names the payload (`input`, `output`, `chunk`, `metadata`, or `*` for all four); each further
/// segment is an object key, an array index, or `*` for every key or index. `\.` is a literal dot inside a key
/// (`metadata.nat\.event_type`). A path of the payload alone means the whole payload; for `metadata`, which must
/// stay an object, that is every member's value.
package struct RedactionKeyPath: Sendable, Hashable {
    /// Which part of an event a path starts at.
    package enum Payload: String, Sendable, Hashable, CaseIterable {
        case input, output, chunk, metadata
    }

    /// One step below the payload.
    package enum Segment: Sendable, Hashable {
        /// An object member, or an array element when the key is its decimal index.
        case key(String)
        /// Every member or element.
        case any
    }

    /// The payloads the path applies to.
    package let payloads: [Payload]
    /// The steps below the payload; none for the whole payload.
    package let segments: [Segment]

    private init(payloads: [Payload], segments: [Segment]) {
        self.payloads = payloads
        self.segments = segments
    }

    /// The whole of one payload.
    package static func whole(_ payload: Payload) -> RedactionKeyPath {
        RedactionKeyPath(payloads: [payload], segments: [])
    }

    /// Parses `text`; throws a `PRC004` diagnostic naming the path and what is wrong with it.
    package init(parsing text: String) throws {
        let processor = "RedactionProcessor"
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "." {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !escaping else {
            throw ProcessorOptionError.invalidKeyPath(processor, path: text, reason: "ends with a lone backslash")
        }
        parts.append(current)
        if let empty = parts.firstIndex(where: \.isEmpty) {
            throw ProcessorOptionError.invalidKeyPath(
                processor,
                path: text,
                reason: "has an empty segment at position \(empty + 1)",
                hint: "segments are separated by single dots; write '\\.' for a dot inside a key"
            )
        }
        let root = parts[0]
        let payloads: [Payload]
        if root == "*" {
            payloads = Payload.allCases
        } else if let payload = Payload(rawValue: root) {
            payloads = [payload]
        } else {
            let known = Payload.allCases.map(\.rawValue) + ["*"]
            let suggestion = DidYouMean.hint(for: root, among: known)
            let rule = "a key path starts with input, output, chunk, metadata or *"
            throw ProcessorOptionError.invalidKeyPath(
                processor,
                path: text,
                reason: "starts at '\(root)', which is not an event payload",
                hint: suggestion.map { "\($0) (\(rule))" } ?? rule
            )
        }
        let segments = parts.dropFirst().map { $0 == "*" ? Segment.any : .key($0) }
        self.init(payloads: payloads, segments: segments)
    }

    /// `value` with everything the path reaches replaced by `replacement`, or nil when the path reaches nothing
    /// that is not already `replacement` (so unchanged values are never rebuilt). Adds the replacements to `count`.
    package func redacting(_ value: JSONValue, with replacement: String, count: inout Int) -> JSONValue? {
        Self.redacting(value, along: segments[...], with: replacement, count: &count)
    }

    /// `metadata` with everything the path reaches replaced, as ``redacting(_:with:count:)`` does. Metadata must
    /// stay an object, so the whole of it means the value of every member.
    package func redacting(metadata: JSONObject, with replacement: String, count: inout Int) -> JSONObject? {
        let path = segments.isEmpty ? [Segment.any][...] : segments[...]
        return Self.redacting(.object(metadata), along: path, with: replacement, count: &count)?.objectValue
    }

    // Recursion depth is the path's length, which the configuration fixes, not the data.
    private static func redacting(
        _ value: JSONValue,
        along path: ArraySlice<Segment>,
        with replacement: String,
        count: inout Int
    ) -> JSONValue? {
        guard let segment = path.first else {
            if case .string(let existing) = value, existing == replacement { return nil }
            count += 1
            return .string(replacement)
        }
        let rest = path.dropFirst()
        switch value {
        case .object(let object):
            switch segment {
            case .key(let key):
                guard let member = object[key],
                    let redacted = redacting(member, along: rest, with: replacement, count: &count)
                else { return nil }
                var copy = object
                copy[key] = redacted
                return .object(copy)
            case .any:
                var copy = object
                var changed = false
                for (key, member) in object {
                    if let redacted = redacting(member, along: rest, with: replacement, count: &count) {
                        copy[key] = redacted
                        changed = true
                    }
                }
                return changed ? .object(copy) : nil
            }
        case .array(let array):
            switch segment {
            case .key(let key):
                guard let index = Int(key), array.indices.contains(index),
                    let redacted = redacting(array[index], along: rest, with: replacement, count: &count)
                else { return nil }
                var copy = array
                copy[index] = redacted
                return .array(copy)
            case .any:
                var copy = array
                var changed = false
                for (index, element) in array.enumerated() {
                    if let redacted = redacting(element, along: rest, with: replacement, count: &count) {
                        copy[index] = redacted
                        changed = true
                    }
                }
                return changed ? .array(copy) : nil
            }
        case .null, .bool, .int, .double, .largeInteger, .string:
            return nil
        }
    }
}

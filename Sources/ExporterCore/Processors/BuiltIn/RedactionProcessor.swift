/// Hides secrets in events: values at key paths, whole payloads, and regular-expression matches inside strings
/// (see ``RedactionOptions``).
///
/// Cheap when nothing matches: key paths only walk the members they name, unchanged subtrees are never rebuilt,
/// and the event's shared storage is copied only when something is actually replaced, so an untouched event
/// leaves the processor as the very same value. Pattern matching walks every string with an explicit stack, so
/// any nesting depth is safe.
import ExporterEvents

public struct RedactionProcessor: TransformProcessor {
    public typealias Input = AgentEvent
    public typealias Output = AgentEvent

    /// The validated options.
    public let options: RedactionOptions

    private let inputPaths: [RedactionKeyPath]
    private let outputPaths: [RedactionKeyPath]
    private let chunkPaths: [RedactionKeyPath]
    private let metadataPaths: [RedactionKeyPath]
    private let patterns: ValuePatternSet
    private let condition: (@Sendable (AgentEvent) -> Bool)?

    private var rewriter = JSONStringRewriter()
    private var valuesRedacted = 0
    private var eventsRedacted = 0

    /// Creates a redactor; `condition`, when given, limits redaction to the events it accepts (the toolkit
    /// redacts only when a request header or callback says so).
    ///
    /// Throws `PRC003` for a pattern that does not compile, `PRC004` for a malformed key path and `PRC005` for an
    /// unknown attribute name, each naming the offending text.
    public init(options: RedactionOptions, where condition: (@Sendable (AgentEvent) -> Bool)? = nil) throws {
        var paths = try options.keyPaths.map(RedactionKeyPath.init(parsing:))
        for attribute in options.redactAttributes {
            guard let payload = Self.attributePayloads[attribute] else {
                throw ProcessorOptionError.unknownName(
                    "RedactionProcessor",
                    kind: "attribute",
                    name: attribute,
                    known: Self.attributePayloads.keys.sorted()
                )
            }
            paths.append(.whole(payload))
        }
        patterns = try ValuePatternSet(options.valuePatterns, processor: "RedactionProcessor")
        inputPaths = paths.filter { $0.payloads.contains(.input) }
        outputPaths = paths.filter { $0.payloads.contains(.output) }
        chunkPaths = paths.filter { $0.payloads.contains(.chunk) }
        metadataPaths = paths.filter { $0.payloads.contains(.metadata) }
        self.options = options
        self.condition = condition
    }

    /// Creates a redactor from individual options (see ``init(options:where:)``).
    public init(
        keyPaths: [String] = [],
        valuePatterns: [String] = [],
        redactAttributes: [String] = [],
        replacement: String = "[REDACTED]",
        where condition: (@Sendable (AgentEvent) -> Bool)? = nil
    ) throws {
        try self.init(
            options: RedactionOptions(
                keyPaths: keyPaths,
                valuePatterns: valuePatterns,
                redactAttributes: redactAttributes,
                replacement: replacement
            ),
            where: condition
        )
    }

    /// The toolkit's attribute names, plus the bare payload names, and the payload each one replaces.
    private static let attributePayloads: [String: RedactionKeyPath.Payload] = [
        "input.value": .input, "output.value": .output, "chunk.value": .chunk, "nat.metadata": .metadata,
        "input": .input, "output": .output, "chunk": .chunk, "metadata": .metadata,
    ]

    /// `event` with its secrets replaced; the same value when there is nothing to replace.
    public mutating func redact(_ event: AgentEvent) -> AgentEvent {
        if let condition, !condition(event) { return event }
        var count = 0
        var event = event
        if let input = event.input, let redacted = redacting(input, along: inputPaths, count: &count) {
            event.input = redacted
        }
        if let output = event.output, let redacted = redacting(output, along: outputPaths, count: &count) {
            event.output = redacted
        }
        if let chunk = event.chunk, let redacted = redacting(chunk, along: chunkPaths, count: &count) {
            event.chunk = redacted
        }
        if !event.metadata.isEmpty, let redacted = redacting(metadata: event.metadata, count: &count) {
            event.metadata = redacted
        }
        if count > 0 {
            valuesRedacted += count
            eventsRedacted += 1
        }
        return event
    }

    public mutating func transform(_ event: AgentEvent) async throws -> AgentEvent? {
        redact(event)
    }

    /// `values_redacted` (each replaced value or rewritten string counts once) and `events_redacted`.
    public var statistics: [String: Double] {
        ["values_redacted": Double(valuesRedacted), "events_redacted": Double(eventsRedacted)]
    }

    /// `value` after `paths` and the patterns, or nil when neither changed it.
    private mutating func redacting(
        _ value: JSONValue,
        along paths: [RedactionKeyPath],
        count: inout Int
    ) -> JSONValue? {
        var changed: JSONValue?
        for path in paths {
            if let redacted = path.redacting(changed ?? value, with: options.replacement, count: &count) {
                changed = redacted
            }
        }
        return rewritingPatterns(in: changed ?? value, count: &count) ?? changed
    }

    /// `metadata` after the metadata paths and the patterns, or nil when neither changed it.
    private mutating func redacting(metadata: JSONObject, count: inout Int) -> JSONObject? {
        var changed: JSONObject?
        for path in metadataPaths {
            if let redacted = path.redacting(metadata: changed ?? metadata, with: options.replacement, count: &count) {
                changed = redacted
            }
        }
        return rewritingPatterns(in: .object(changed ?? metadata), count: &count)?.objectValue ?? changed
    }

    private mutating func rewritingPatterns(in value: JSONValue, count: inout Int) -> JSONValue? {
        guard !patterns.isEmpty else { return nil }
        return patterns.rewriting(value, replacement: options.replacement, using: &rewriter, count: &count)
    }
}

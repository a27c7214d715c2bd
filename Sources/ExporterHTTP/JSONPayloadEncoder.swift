import ExporterCodecs
/// The last stage of an HTTP exporter that sends JSON: a batch of items to one ``HTTPPayload``, either one JSON
/// array (`application/json`) or one JSON line per item (`application/x-ndjson`). Empty batches are dropped.
///
/// Events are written in a ``TraceFormat`` (the toolkit's IntermediateStep by default), spans as ``SpanJSON``.
import ExporterEvents

public struct JSONPayloadEncoder<Item: Sendable>: TransformProcessor {
    public typealias Input = [Item]
    public typealias Output = HTTPPayload

    /// How the items of a batch are framed in the body.
    public enum Framing: String, Sendable, Hashable, CaseIterable {
        /// One JSON array holding every item: `[{…},{…}]`.
        case array
        /// One JSON object per line, each line ending in a newline (JSON Lines).
        case lines

        /// The `Content-Type` of a body in this framing.
        public var contentType: String {
            switch self {
            case .array: "application/json"
            case .lines: "application/x-ndjson"
            }
        }
    }

    /// How the items are framed.
    public let framing: Framing
    private let write: @Sendable (Item, inout [UInt8]) -> Void

    /// Creates an encoder that writes each item with `write` (one JSON value, no newline).
    public init(framing: Framing, write: @escaping @Sendable (Item, inout [UInt8]) -> Void) {
        self.framing = framing
        self.write = write
    }

    public func transform(_ batch: [Item]) -> HTTPPayload? {
        guard !batch.isEmpty else { return nil }
        var body: [UInt8] = []
        body.reserveCapacity(batch.count * 512)
        switch framing {
        case .array:
            body.append(UInt8(ascii: "["))
            for (index, item) in batch.enumerated() {
                if index > 0 { body.append(UInt8(ascii: ",")) }
                write(item, &body)
            }
            body.append(UInt8(ascii: "]"))
        case .lines:
            for item in batch {
                write(item, &body)
                body.append(UInt8(ascii: "\n"))
            }
        }
        return HTTPPayload(body: body, contentType: framing.contentType, itemCount: batch.count)
    }
}

extension JSONPayloadEncoder where Item == AgentEvent {
    /// An encoder of events in `format`.
    public init(framing: Framing, format: TraceFormat = .intermediateStep) {
        self.init(framing: framing) { event, buffer in format.encode(event, to: &buffer) }
    }
}

extension JSONPayloadEncoder where Item == Span {
    /// An encoder of spans as ``SpanJSON`` objects.
    public init(framing: Framing) {
        self.init(framing: framing) { span, buffer in
            SpanJSON.appendLine(span, to: &buffer)
            if buffer.last == UInt8(ascii: "\n") { buffer.removeLast() }
        }
    }
}

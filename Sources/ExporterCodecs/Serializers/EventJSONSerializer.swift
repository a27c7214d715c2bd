/// Turns each event into one JSON line (trailing newline included) in a chosen ``TraceFormat``: the serializer
/// stage of file and stream exporters.
import ExporterEvents

public struct EventJSONSerializer: TransformProcessor {
    public typealias Input = AgentEvent
    public typealias Output = [UInt8]

    /// The format lines are written in.
    public var format: TraceFormat
    /// Expected line length, so most lines need one allocation.
    private var capacityHint = 512

    /// Creates a serializer for `format`.
    public init(format: TraceFormat = .intermediateStep) {
        self.format = format
    }

    /// The event's line, newline included.
    public mutating func transform(_ event: AgentEvent) -> [UInt8]? {
        serialize(event)
    }

    /// The event's line, newline included, without going through the processor machinery.
    public mutating func serialize(_ event: AgentEvent) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(capacityHint)
        format.encode(event, to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        // Follow the typical size so later lines rarely reallocate, without ever shrinking below a small floor.
        capacityHint = max(256, (capacityHint * 7 + buffer.count * 9 / 8) / 8)
        return buffer
    }
}

/// Turns a batch of events into one JSON Lines buffer (one line per event, each ending in a newline) in a chosen
/// ``TraceFormat``; an empty batch is dropped.
public struct EventBatchJSONSerializer: TransformProcessor {
    public typealias Input = [AgentEvent]
    public typealias Output = [UInt8]

    /// The format lines are written in.
    public var format: TraceFormat

    /// Creates a serializer for `format`.
    public init(format: TraceFormat = .intermediateStep) {
        self.format = format
    }

    /// The batch as JSON Lines, or nil for an empty batch.
    public func transform(_ events: [AgentEvent]) -> [UInt8]? {
        guard !events.isEmpty else { return nil }
        return TraceWriter(format: format).encode(events)
    }
}

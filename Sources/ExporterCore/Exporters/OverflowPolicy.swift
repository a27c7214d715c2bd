/// What an exporter does when its buffer is full.
public enum OverflowPolicy: String, Sendable, Hashable, CaseIterable {
    /// Refuse the incoming event (the toolkit's `drop_on_overflow: true`).
    case dropNewest = "drop_newest"
    /// Evict the oldest buffered event to make room.
    case dropOldest = "drop_oldest"
}

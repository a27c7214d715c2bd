/// The lineage of the last `capacity` scopes that closed, oldest forgotten first.
///
/// It tells a START whose parent already closed (fire-and-forget work) from one whose parent was never seen, and
/// a late chunk or repeated END from an unknown one, while keeping memory bounded whatever the run's length.
struct RecentlyClosedScopes: Sendable {
    let capacity: Int
    private var lineages: [String: ScopeLineage] = [:]
    private var order: [String] = []
    private var oldest = 0

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        lineages.reserveCapacity(self.capacity)
        order.reserveCapacity(self.capacity)
    }

    subscript(uuid: String) -> ScopeLineage? {
        lineages[uuid]
    }

    mutating func insert(_ uuid: String, _ lineage: ScopeLineage) {
        guard capacity > 0 else { return }
        if lineages.updateValue(lineage, forKey: uuid) != nil { return }
        if order.count < capacity {
            order.append(uuid)
        } else {
            lineages.removeValue(forKey: order[oldest])
            order[oldest] = uuid
            oldest = (oldest + 1) % capacity
        }
    }

    mutating func removeAll() {
        lineages.removeAll()
        order.removeAll()
        oldest = 0
    }
}

import DequeModule

/// The event ids a node has already accepted, bounded: beyond `capacity` the oldest id is
/// forgotten (FIFO), so memory stays flat under any load. An id forgotten and seen again would be
/// treated as new; the capacity is sized well above the events in flight.
struct DedupCache {
    private var members: Set<String>
    private var order: Deque<String>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        members = Set(minimumCapacity: min(self.capacity, 1 << 16))
        order = Deque(minimumCapacity: min(self.capacity, 1 << 16))
    }

    func contains(_ id: String) -> Bool { members.contains(id) }

    /// Adds `id`; `false` if it was already there.
    @discardableResult
    mutating func insert(_ id: String) -> Bool {
        guard members.insert(id).inserted else { return false }
        order.append(id)
        if order.count > capacity, let oldest = order.popFirst() { members.remove(oldest) }
        return true
    }
}

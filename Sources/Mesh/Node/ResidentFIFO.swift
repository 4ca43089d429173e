/// A first-in-first-out ring whose storage is written in full whenever it grows, so every page it
/// holds is resident from that moment, as the allocator already counts it.
///
/// Why not `Deque`: it grows by half and leaves the new part unwritten until its ring reaches it.
/// Under a level count (a dedup window that is full: as many ids expire as arrive) the ring's tail
/// then kept walking into fresh pages for minutes after the count had stopped growing, about
/// 0.2–0.3 MB per node in the soak, which the leak check read as resident-memory growth.
struct ResidentFIFO<Element> {
    /// `nil` marks a free slot; `Array(repeating:count:)` writes every slot, touching every page.
    private var slots: [Element?] = []
    /// Index of the oldest element.
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The oldest element.
    var first: Element? { isEmpty ? nil : slots[head] }

    mutating func append(_ element: Element) {
        if count == slots.count { grow() }
        slots[slot(count)] = element
        count += 1
    }

    /// Removes and returns the oldest element.
    @discardableResult
    mutating func popFirst() -> Element? {
        guard let element = first else { return nil }
        slots[head] = nil
        head = slot(1)
        count -= 1
        return element
    }

    /// The slot `offset` places after the head, wrapping around.
    private func slot(_ offset: Int) -> Int {
        let index = head + offset
        return index < slots.count ? index : index - slots.count
    }

    /// Grows the storage by half, as `Deque` does (at least 16 slots), and moves the elements to
    /// its start, oldest first.
    private mutating func grow() {
        var grown = [Element?](repeating: nil, count: Swift.max(16, slots.count + slots.count / 2))
        for offset in 0..<count { grown[offset] = slots[slot(offset)] }
        slots = grown
        head = 0
    }
}

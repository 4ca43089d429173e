import HeapModule

/// A virtual clock and the actions waiting on it: the simulated transport runs every node's logic
/// from here, one action at a time, in time order (ties in scheduling order), so a run depends
/// only on its seed.
final class DiscreteEventScheduler {
    /// Virtual nanoseconds since the simulation started.
    private(set) var now: UInt64 = 0
    private var pending = Heap<Entry>()
    private var sequence: UInt64 = 0

    private struct Entry: Comparable {
        let time: UInt64
        let sequence: UInt64
        let action: () -> Void
        static func == (l: Entry, r: Entry) -> Bool { l.time == r.time && l.sequence == r.sequence }
        static func < (l: Entry, r: Entry) -> Bool { (l.time, l.sequence) < (r.time, r.sequence) }
    }

    var isIdle: Bool { pending.isEmpty }

    func schedule(after delay: UInt64, _ action: @escaping () -> Void) {
        sequence += 1
        pending.insert(Entry(time: now &+ delay, sequence: sequence, action: action))
    }

    /// Runs the earliest action; `false` when nothing is left.
    @discardableResult
    func step() -> Bool {
        guard let entry = pending.popMin() else { return false }
        now = max(now, entry.time)
        entry.action()
        return true
    }

    /// Runs actions until `done()` holds, nothing is left, or the next action lies past `deadline`
    /// (virtual ns); returns whether `done()` held.
    func run(until deadline: UInt64, done: () -> Bool) -> Bool {
        while !done() {
            guard let next = pending.min, next.time <= deadline else {
                now = max(now, min(deadline, pending.min?.time ?? deadline))
                return done()
            }
            step()
        }
        return true
    }
}

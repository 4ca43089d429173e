/// Finds the subscriptions an incoming event matches without testing every filter.
///
/// Each filter is filed under its most selective indexable condition — `ids`, else `authors`, else
/// the tag condition with the fewest values, else `kinds` — once per value of that condition (event
/// ids and public keys are nearly unique per event, tag values usually are, kinds are shared by
/// many events). A filter with none of these (only `since`/`until`, or nothing) goes on a scan list.
/// A lookup gathers the buckets for the event's id, author, single-letter tag values and kind plus
/// the scan list, and confirms each candidate with the full `NostrFilter.matches`, so the result is
/// exactly `{ key | filters(key).contains { $0.matches(event) } }`.
public struct SubscriptionMatcher<Key: Hashable> {
    /// Where a filter is filed; derived from the filter alone, so removal finds the same buckets.
    private enum Placement {
        case ids([String])
        case authors([String])
        case tag(String, [String])
        case kinds([Int])
        case scan
    }

    private struct TagValue: Hashable {
        let name: String
        let value: String
    }

    /// Filters by slot number, and the subscription number owning each slot; slots of removed
    /// filters are reused (a free slot keeps an unused filter and is in no index).
    private var filters: [NostrFilter] = []
    private var owners: [Int] = []
    private var freeSlots: [Int] = []
    /// Dense subscription numbers, so a lookup can deduplicate owners by sorting small integers.
    @usableFromInline private(set) var keysByNumber: [Key?] = []
    private var freeNumbers: [Int] = []
    private var subscriptions: [Key: (number: Int, slots: [Int])] = [:]
    private var byID: [String: [Int]] = [:]
    private var byAuthor: [String: [Int]] = [:]
    private var byTag: [TagValue: [Int]] = [:]
    private var byKind: [Int: [Int]] = [:]
    private var scanList: [Int] = []

    public init() {}

    /// Number of subscriptions (keys).
    public var count: Int { subscriptions.count }

    /// Adds a subscription; an existing subscription with the same key is replaced, as a NIP-01 REQ
    /// with a reused subscription id replaces the old one.
    public mutating func add(_ key: Key, filters newFilters: [NostrFilter]) {
        remove(key)
        let number: Int
        if let reused = freeNumbers.popLast() {
            number = reused
            keysByNumber[number] = key
        } else {
            number = keysByNumber.count
            keysByNumber.append(key)
        }
        var slots: [Int] = []
        slots.reserveCapacity(newFilters.count)
        for filter in newFilters {
            let slot: Int
            if let reused = freeSlots.popLast() {
                slot = reused
                filters[slot] = filter
                owners[slot] = number
            } else {
                slot = filters.count
                filters.append(filter)
                owners.append(number)
            }
            file(slot, under: Self.placement(of: filter))
            slots.append(slot)
        }
        subscriptions[key] = (number, slots)
    }

    /// Removes a subscription; unknown keys are ignored (CLOSE of an unknown id is harmless).
    public mutating func remove(_ key: Key) {
        guard let (number, slots) = subscriptions.removeValue(forKey: key) else { return }
        for slot in slots {
            unfile(slot, from: Self.placement(of: filters[slot]))
            filters[slot] = NostrFilter()
            freeSlots.append(slot)
        }
        keysByNumber[number] = nil
        freeNumbers.append(number)
    }

    /// Keys of every subscription with at least one filter matching `event`, each once, in no
    /// particular order. Inlinable, and the search itself not generic, so that a caller in another
    /// module gets it specialized for its key type: unspecialized, each call looked up the generic
    /// metadata of `[Key?]` and `[Key]` at run time (about 0.5 % of a capacity ramp's CPU).
    @inlinable
    public func matches(_ event: NostrEvent) -> [Key] {
        matchingNumbers(event).map { keysByNumber[$0]! }
    }

    /// Numbers of the subscriptions `event` matches, each once.
    @usableFromInline
    func matchingNumbers(_ event: NostrEvent) -> [Int] {
        var matched: [Int] = []  // subscription numbers, possibly repeated
        func consider(_ slots: [Int]) {
            // Room for a bucket's matches in one allocation rather than one per doubling, still
            // growing geometrically: an event whose many tags each hit a bucket stays linear.
            let needed = matched.count + slots.count
            if matched.capacity < needed { matched.reserveCapacity(Swift.max(needed, 2 * matched.capacity)) }
            for slot in slots where filters[slot].matches(event) {
                matched.append(owners[slot])
            }
        }
        if !byID.isEmpty, let slots = byID[event.id] { consider(slots) }
        if !byAuthor.isEmpty, let slots = byAuthor[event.pubkey] { consider(slots) }
        if !byTag.isEmpty {
            for tag in event.tags where tag.count >= 2 && tag[0].utf8.count == 1 {
                if let slots = byTag[TagValue(name: tag[0], value: tag[1])] { consider(slots) }
            }
        }
        if !byKind.isEmpty, let slots = byKind[event.kind] { consider(slots) }
        consider(scanList)
        guard matched.count > 1 else { return matched }
        // A subscription can match through several filters or several tags: keep each once.
        matched.sort()
        var kept = 1
        for index in 1..<matched.count where matched[index] != matched[kept - 1] {
            matched[kept] = matched[index]
            kept += 1
        }
        matched.removeLast(matched.count - kept)
        return matched
    }

    // MARK: Index maintenance

    private static func placement(of filter: NostrFilter) -> Placement {
        if let ids = filter.ids { return .ids(ids) }
        if let authors = filter.authors { return .authors(authors) }
        // Fewest values first; ties broken by letter so the choice never depends on dictionary order.
        if let (letter, values) = filter.tags.min(by: { ($0.value.count, $0.key) < ($1.value.count, $1.key) }) {
            return .tag(letter, values)
        }
        if let kinds = filter.kinds { return .kinds(kinds) }
        return .scan
    }

    private mutating func file(_ slot: Int, under placement: Placement) {
        switch placement {
        case let .ids(values): for value in Set(values) { byID[value, default: []].append(slot) }
        case let .authors(values): for value in Set(values) { byAuthor[value, default: []].append(slot) }
        case let .tag(name, values):
            for value in Set(values) { byTag[TagValue(name: name, value: value), default: []].append(slot) }
        case let .kinds(values): for value in Set(values) { byKind[value, default: []].append(slot) }
        case .scan: scanList.append(slot)
        }
    }

    private mutating func unfile(_ slot: Int, from placement: Placement) {
        switch placement {
        case let .ids(values): for value in Set(values) { Self.remove(slot, from: &byID, at: value) }
        case let .authors(values): for value in Set(values) { Self.remove(slot, from: &byAuthor, at: value) }
        case let .tag(name, values):
            for value in Set(values) { Self.remove(slot, from: &byTag, at: TagValue(name: name, value: value)) }
        case let .kinds(values): for value in Set(values) { Self.remove(slot, from: &byKind, at: value) }
        case .scan: Self.removeFirst(slot, from: &scanList)
        }
    }

    /// Removes `slot` from one bucket and drops the bucket when it empties (keeps lookups cheap).
    private static func remove<IndexKey: Hashable>(
        _ slot: Int, from index: inout [IndexKey: [Int]], at indexKey: IndexKey
    ) {
        guard var bucket = index.removeValue(forKey: indexKey) else { return }
        removeFirst(slot, from: &bucket)
        if !bucket.isEmpty { index[indexKey] = bucket }
    }

    /// Order inside a bucket does not matter, so removal swaps with the last element.
    private static func removeFirst(_ slot: Int, from bucket: inout [Int]) {
        guard let position = bucket.firstIndex(of: slot) else { return }
        bucket.swapAt(position, bucket.count - 1)
        bucket.removeLast()
    }
}

extension SubscriptionMatcher: Sendable where Key: Sendable {}

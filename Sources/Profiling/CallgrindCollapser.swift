/// Converts callgrind's output file (`callgrind.out.<pid>`, format documented in valgrind's
/// "Callgrind Format Specification") into folded stacks.
///
/// Callgrind records no stacks, only each function's self cost and, per call edge, the inclusive
/// cost of the calls. Stacks are rebuilt top-down: a function's cost reached through one path is
/// split between its self cost and its callees in the proportions the whole profile gives them.
/// That is exact for functions called from one place and an approximation for shared callees
/// (the same one flamegraph tools make for callgrind data); recursion is cut where a function
/// reappears on the path.
public struct CallgrindCollapser {
    public struct Options: Sendable {
        /// Which event column to use (callgrind's default event is `Ir`, instructions executed).
        public var event: String?
        /// Deepest stack rebuilt; deeper cost is charged to the frame where the cut happens.
        public var maximumDepth: Int
        /// Paths carrying less than this fraction of the total are folded into their parent.
        public var minimumFraction: Double
        public var rename: @Sendable (String) -> String

        public init(
            event: String? = nil, maximumDepth: Int = 96, minimumFraction: Double = 1e-5,
            rename: @escaping @Sendable (String) -> String = { SwiftDemangler.shortName($0) }
        ) {
            self.event = event
            self.maximumDepth = maximumDepth
            self.minimumFraction = minimumFraction
            self.rename = rename
        }
    }

    public let options: Options

    /// 2^53: the largest total cost read, so every sum is exact in Double and every count fits Int.
    static let maximumTotalCost = 9_007_199_254_740_992.0

    public init(options: Options = Options()) { self.options = options }

    /// The call graph read from the file: self cost per function, inclusive cost per call edge.
    /// Functions are keyed by callgrind's name id, since two functions may share a name
    /// (libc's and the program's `(below main)`); `names` gives what to print.
    public struct CallGraph: Equatable, Sendable {
        public var selfCost: [String: Double] = [:]
        public var calls: [String: [String: Double]] = [:]
        public var names: [String: String] = [:]
        public var eventName = ""

        /// Self cost plus the inclusive cost of every call the function makes.
        public func inclusiveCost(of function: String) -> Double {
            (selfCost[function] ?? 0) + (calls[function]?.values.reduce(0, +) ?? 0)
        }

        /// Functions nobody calls: thread entry points, `_start`, `(below main)`.
        public var roots: [String] {
            let called = Set(calls.flatMap { caller, callees in callees.keys.filter { $0 != caller } })
            let all = Set(selfCost.keys).union(calls.keys)
            return all.subtracting(called).sorted()
        }
    }

    public func collapse(_ text: String) throws(ProfileConversionError) -> FoldedProfile {
        fold(try parse(text))
    }

    public func parse(_ text: String) throws(ProfileConversionError) -> CallGraph {
        var graph = CallGraph()
        var positionColumns = 1
        var eventIndex = 0
        var sawEvents = false
        var function: String?
        var callee: String?
        var expectCallCost = false
        var lineNumber = 0
        var totalCost = 0.0

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            guard let first = line.first, first != "#" else { continue }
            if first.isNumber || first == "+" || first == "-" || first == "*" {
                guard let function else {
                    throw .callgrind(line: lineNumber, problem: "a cost line before any fn= line")
                }
                let fields = line.split(separator: " ")
                guard fields.count >= positionColumns else {
                    throw .callgrind(line: lineNumber, problem: "fewer than \(positionColumns) position fields")
                }
                let costIndex = positionColumns + eventIndex
                let cost = costIndex < fields.count ? Double(fields[costIndex]) : 0
                guard let cost else {
                    throw .callgrind(line: lineNumber, problem: "cost \"\(fields[costIndex])\" is not a number")
                }
                // Costs are event counts; kept whole and their sum at most 2^53 (exact in Double),
                // every share `fold` converts to an Int count fits.
                guard cost >= 0, cost == cost.rounded(), cost <= Self.maximumTotalCost else {
                    throw .callgrind(
                        line: lineNumber,
                        problem: "cost \"\(fields[costIndex])\" is not a whole number of events in 0…2^53")
                }
                totalCost += cost
                guard totalCost <= Self.maximumTotalCost else {
                    throw .callgrind(line: lineNumber, problem: "the costs so far add up to more than 2^53 events")
                }
                if expectCallCost, let callee {
                    graph.calls[function, default: [:]][callee, default: 0] += cost
                    expectCallCost = false
                } else {
                    graph.selfCost[function, default: 0] += cost
                }
                continue
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = String(line[..<separator])
            let value = line[line.index(after: separator)...].trimmingLeadingSpaces()
            switch key {
            case "positions":
                positionColumns = max(1, value.split(separator: " ").count)
            case "events":
                let events = value.split(separator: " ").map(String.init)
                sawEvents = true
                if let wanted = options.event {
                    guard let index = events.firstIndex(of: wanted) else {
                        throw .callgrind(
                            line: lineNumber,
                            problem: "event \(wanted) is not recorded; the file has \(events.joined(separator: ", "))")
                    }
                    eventIndex = index
                }
                graph.eventName = events.indices.contains(eventIndex) ? events[eventIndex] : ""
            case "fn":
                function = try resolve(value, into: &graph, line: lineNumber)
                graph.selfCost[function!, default: 0] += 0
                expectCallCost = false
            case "cfn", "cfni":
                callee = try resolve(value, into: &graph, line: lineNumber)
            case "calls":
                guard callee != nil else {
                    throw .callgrind(line: lineNumber, problem: "calls= without a preceding cfn=")
                }
                expectCallCost = true
            default:
                continue
            }
        }
        guard sawEvents else { throw .callgrind(line: 0, problem: "no `events:` line; is this a callgrind.out file?") }
        return graph
    }

    /// `(12) name` defines id 12, `(12)` refers back to it, a bare name stands for itself.
    /// Returns the function's key and records its printable name.
    private func resolve(
        _ value: Substring, into graph: inout CallGraph, line: Int
    ) throws(ProfileConversionError) -> String {
        guard value.hasPrefix("(") else {
            let key = String(value)
            graph.names[key] = options.rename(key)
            return key
        }
        guard let close = value.firstIndex(of: ")") else {
            throw .callgrind(line: line, problem: "unclosed name id in \"\(value.prefix(40))\"")
        }
        let key = String(value[...close])
        let rest = value[value.index(after: close)...].trimmingLeadingSpaces()
        if rest.isEmpty {
            guard graph.names[key] != nil else {
                throw .callgrind(line: line, problem: "name id \(key) used before it was defined")
            }
        } else {
            graph.names[key] = options.rename(String(rest))
        }
        return key
    }

    /// Rebuilds stacks from every root, keeping integer counts.
    public func fold(_ graph: CallGraph) -> FoldedProfile {
        var profile = FoldedProfile()
        let total = graph.roots.map(graph.inclusiveCost(of:)).reduce(0, +)
        guard total > 0 else { return profile }
        let cutoff = total * options.minimumFraction
        var path: [String] = []
        var onPath = Set<String>()

        func visit(_ function: String, weight: Double) {
            path.append(function)
            onPath.insert(function)
            defer { path.removeLast(); onPath.remove(function) }
            func emit(_ count: Double) {
                // `parse` keeps the total at most 2^53, so a share fits Int; a hand-built graph
                // with non-finite or larger costs is not folded past that point.
                guard let whole = Int(exactly: count.rounded()) else { return }
                profile.add(rootFirst: path.map { graph.names[$0] ?? $0 }, count: whole)
            }
            let inclusive = graph.inclusiveCost(of: function)
            guard inclusive > 0 else { return }
            let share = weight / inclusive
            var kept = (graph.selfCost[function] ?? 0) * share
            for (next, cost) in (graph.calls[function] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let reached = cost * share
                if onPath.contains(next) || path.count >= options.maximumDepth || reached < cutoff || next == function {
                    kept += reached
                } else {
                    visit(next, weight: reached)
                }
            }
            emit(kept)
        }
        for root in graph.roots { visit(root, weight: graph.inclusiveCost(of: root)) }
        return profile
    }
}

extension Substring {
    func trimmingLeadingSpaces() -> Substring { drop(while: { $0 == " " || $0 == "\t" }) }
}

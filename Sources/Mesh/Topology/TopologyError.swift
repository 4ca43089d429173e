/// Why a topology could not be built; each message names the valid choices.
public enum TopologyError: Error, CustomStringConvertible, Equatable {
    case tooFewNodes(kind: String, nodes: Int, minimum: Int)
    case degreeOutOfRange(kind: String, nodes: Int, degree: Int)
    case oddStubCount(nodes: Int, degree: Int)
    case oddDegree(kind: String, degree: Int)
    case probabilityOutOfRange(beta: Double)
    case generationFailed(kind: String, attempts: Int)

    public var description: String {
        switch self {
        case let .tooFewNodes(kind, nodes, minimum):
            return "Topology \(kind): n = \(nodes) nodes is too few; use n ≥ \(minimum)."
        case let .degreeOutOfRange(kind, nodes, degree):
            return
                "Topology \(kind): degree k = \(degree) is invalid for n = \(nodes); use 1 ≤ k ≤ \(nodes - 1) (k < n)."
        case let .oddStubCount(nodes, degree):
            return
                "Topology random-regular: n·k = \(nodes)·\(degree) is odd, so no \(degree)-regular graph on \(nodes) nodes exists; make n or k even."
        case let .oddDegree(kind, degree):
            return
                "Topology \(kind): k = \(degree) must be even (k/2 ring neighbours on each side); use k = \(degree - 1) or \(degree + 1)."
        case let .probabilityOutOfRange(beta):
            return "Topology small-world: rewiring probability β = \(beta) must lie in [0, 1]."
        case let .generationFailed(kind, attempts):
            return
                "Topology \(kind): no connected simple graph found in \(attempts) seeded attempts; try another seed or a larger k."
        }
    }
}

import Foundation

/// One limit a reader enforces while it streams its input, so a hostile or mistaken file costs
/// bounded time and memory. Each can be raised through an environment variable, which the
/// refusal names (docs/formats.md, "Input caps").
public struct InputCap: Sendable, Equatable {
    /// What is counted, for messages: "decompressed size of a document".
    public let what: String
    public let unit: String
    public let variable: String
    public let defaultValue: Int

    /// The cap in force: the environment variable's value when it is a positive whole number.
    public var value: Int {
        guard let text = ProcessInfo.processInfo.environment[variable], let v = Int(text), v > 0 else {
            return defaultValue
        }
        return v
    }

    /// "the decompressed size of a document is above its cap of 64 MiB; if the input is genuine,
    /// raise the cap with MESHBENCH_MAX_DOCUMENT_MB=<larger>".
    public var refusal: String {
        "the \(what) is above its cap of \(value) \(unit); if the input is genuine, raise the cap with \(variable)=<larger>"
    }

    /// Decompressed size of one whole-document file (results, baseline, thresholds, history entry, flake history).
    public static let documentMegabytes = InputCap(
        what: "decompressed size of a document", unit: "MiB",
        variable: "MESHBENCH_MAX_DOCUMENT_MB", defaultValue: 64)
    /// Nodes of a recorded topology trace (analyze) or a drawn mesh (render).
    public static let topologyNodes = InputCap(
        what: "number of nodes of a topology", unit: "nodes",
        variable: "MESHBENCH_MAX_TOPOLOGY_NODES", defaultValue: 10_000)
    /// Links of a recorded topology trace.
    public static let topologyLinks = InputCap(
        what: "number of links of a topology", unit: "links",
        variable: "MESHBENCH_MAX_TOPOLOGY_LINKS", defaultValue: 100_000)
    /// Nodes render lays out and draws (the force-directed layout is quadratic in them).
    public static let drawnGraphNodes = InputCap(
        what: "number of nodes to draw in the topology chart", unit: "nodes",
        variable: "MESHBENCH_MAX_DRAWN_NODES", defaultValue: 1_000)
    /// Frames in one folded stack (flame graphs are drawn recursively, one level per frame).
    public static let stackFrames = InputCap(
        what: "depth of a folded stack", unit: "frames",
        variable: "MESHBENCH_MAX_STACK_FRAMES", defaultValue: 2_000)
}

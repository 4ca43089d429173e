import BenchFormats

/// Trends are fitted on runs of one machine class: a point from another class measures the
/// machine, not the code, and would read as a step or a slope. Every history entry carries its
/// run's host, so its class is known; entries of other classes are left out of the fit and a
/// note says how many (pin the class by recording history from one runner: docs/ci-cd.md).
enum HistoryMachineClass {
    /// The entries of `machineClass`, and the note naming what was left out (nil when nothing was).
    static func keep(
        _ entries: [HistoryEntry], of machineClass: MachineClass
    ) -> (entries: [HistoryEntry], note: String?) {
        let kept = entries.filter { $0.run.host.machineClass == machineClass }
        let left = entries.count - kept.count
        guard left > 0 else { return (kept, nil) }
        return (
            kept,
            "\(left) history entr\(left == 1 ? "y" : "ies") from other machine classes left out of the trends (fitted on \(machineClass) only)"
        )
    }
}

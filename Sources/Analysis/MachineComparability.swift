import BenchFormats

/// Whether a baseline's timings can be compared with a run's: only when both were measured on
/// one machine class (`MachineClass`). A different kernel release is noted, never blocking.
/// (A comparability rule about the measured target, e.g. relay software, belongs next to this
/// one as its own type, not inside it.)
struct MachineComparability {
    let baseline: MachineClass
    let run: MachineClass
    let baselineKernel: String?
    let runKernel: String?

    init(baseline: HostInfo, run: HostInfo) {
        self.baseline = baseline.machineClass
        self.run = run.machineClass
        baselineKernel = baseline.kernel
        runKernel = run.kernel
    }

    var sameClass: Bool { baseline == run }

    /// What differs between the machines, for the results' notes.
    func notes(ignoreHost: Bool) -> [String] {
        var notes: [String] = []
        if !sameClass {
            notes.append(
                ignoreHost
                    ? "baseline from another machine class (baseline: \(baseline); this run: \(run)): timings compared anyway because of --ignore-host; differences may come from the machines"
                    : "timings not compared: baseline from another machine class (baseline: \(baseline); this run: \(run)). Exact counters, SLAs and checks were still judged. Compare timings on this machine with `\(OverallVerdict.compareCommand)`, or record a baseline on this class with --update-baseline"
            )
        }
        if let b = baselineKernel, let r = runKernel, b != r {
            notes.append(
                "kernel differs (baseline \(b), this run \(r)): noted, not blocking; the machine class is the same\(sameClass ? "" : " apart from the differences above")"
            )
        }
        return notes
    }
}

import ProcFS

/// CPU time (user + system, seconds) spent by the processes a mesh runs in: this process for an
/// in-process mesh (its generator and harness included, as they share the cores), or the sum over
/// the node processes for a process-per-node mesh (this process's generator left out). Read
/// before and after a ramp step, it gives the step's CPU per event, the figure to set beside the
/// floor of `NodeEventFloor`: how much the mesh spends above what it cannot avoid. Resolution is
/// the kernel's clock tick (10 ms), under 1 % of a 3 s step at capacity.
struct MeshCPUClock: Sendable {
    private let read: @Sendable () -> Double?

    init(read: @escaping @Sendable () -> Double?) { self.read = read }

    /// The clock of `network`'s processes.
    init(of network: MeshUnderTest) {
        let processes = network.nodeProcessIDs
        self.init {
            guard let processes else { return ProcFS.cpuTime().map(\.totalSeconds) }
            var total = 0.0
            for pid in processes {
                // A node process that is gone has no CPU time to read: no figure rather than a low one.
                guard let time = ProcFS.cpuTime(pid: pid) else { return nil }
                total += time.totalSeconds
            }
            return total
        }
    }

    /// Seconds of CPU so far, nil when a process could not be read.
    func seconds() -> Double? { read() }
}

import Foundation
import BenchFormats

/// Where and how the run was measured. Every string is escaped (branch and host names are
/// untrusted); fields the file lacks read "unknown" rather than being left blank.
public struct EnvironmentView: Sendable {
    public let commit: String
    public let commitShort: String
    public let branch: String
    public let dirty: Bool
    public let host: String
    public let mode: String
    public let date: String
    public let runID: String
    public let tier: String
    public let seed: String

    init(results: LoadedResults) {
        self.init(run: results.run, fallbackDate: results.generatedAt)
    }

    /// `fallbackDate` is shown when there is no run header.
    init(run: RunHeader?, fallbackDate: Date?) {
        guard let run else {
            commit = "unknown"; commitShort = "unknown"; branch = "unknown"; dirty = false
            host = "unknown"; mode = "unknown"; runID = "unknown"; tier = "?"; seed = "?"
            date = fallbackDate.map(DateText.display) ?? "unknown"
            return
        }
        let escape = MarkdownEscaping.text
        commit = escape(run.git.commit)
        commitShort = escape(String(run.git.commit.prefix(10)))
        branch = escape(run.git.branch)
        dirty = run.git.dirty
        // The machine class decides which timings are compared; the kernel (in `os`) is shown, not compared.
        let memory = ValueText().value(Double(run.host.memoryMB), unit: "MB")
        host = escape("\(run.host.cpuModel), \(run.host.cpus) CPUs, \(memory), \(run.host.os), Swift \(run.host.swift) (fingerprint \(run.host.fingerprint); machine class \(run.host.machineClass))")
        mode = run.mode == .real ? "real (loopback WebSocket)" : "simulated (virtual clock)"
        date = DateText.display(run.startedAt)
        runID = escape(run.runID)
        tier = "\(run.tier)"
        seed = "\(run.seed)"
    }
}

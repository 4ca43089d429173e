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
    /// Which relays an external run measured (software, version, addresses); empty otherwise.
    public let relays: String
    public let hasRelays: Bool

    init(results: LoadedResults) {
        self.init(run: results.run, fallbackDate: results.generatedAt)
    }

    /// `fallbackDate` is shown when there is no run header.
    init(run: RunHeader?, fallbackDate: Date?) {
        guard let run else {
            commit = "unknown"; commitShort = "unknown"; branch = "unknown"; dirty = false
            host = "unknown"; mode = "unknown"; runID = "unknown"; tier = "?"; seed = "?"
            date = fallbackDate.map(DateText.display) ?? "unknown"
            relays = ""; hasRelays = false
            return
        }
        let escape = MarkdownEscaping.text
        commit = escape(run.git.commit)
        commitShort = escape(String(run.git.commit.prefix(10)))
        branch = escape(run.git.branch)
        dirty = run.git.dirty
        let measured = run.measuredRelays
        relays = escape(Self.describe(measured))
        hasRelays = !measured.isEmpty
        if let source = Self.importedFormat(run) {
            host = escape(Self.importedHost(run, source: source))
            mode = escape("imported from \(source)")
        } else {
            // The machine class decides which timings are compared; the kernel (in `os`) is shown, not compared.
            let memory = ValueText().value(Double(run.host.memoryMB), unit: "MB")
            host = escape(
                "\(run.host.cpuModel), \(run.host.cpus) CPUs, \(memory), \(run.host.os), Swift \(run.host.swift) (fingerprint \(run.host.fingerprint); machine class \(run.host.machineClass))"
            )
            mode =
                hasRelays
                ? "external relays, NIP-01 over WebSocket"
                : run.mode == .real ? "real (loopback WebSocket)" : "simulated (virtual clock)"
        }
        date = DateText.display(run.startedAt)
        runID = escape(run.runID)
        tier = "\(run.tier)"
        seed = "\(run.seed)"
    }

    /// The harness of a run `analyze` imported (hyperfine, Google Benchmark…), from
    /// `run.config.source_format`; nil for bench's own runs. Only the known names are accepted,
    /// so the text it yields is ours, never the file's.
    static func importedFormat(_ run: RunHeader) -> String? {
        guard case .string(let source)? = run.config["source_format"], let format = InputFormat(rawValue: source),
            format != .auto, format != .meshbench
        else { return nil }
        return format.displayName
    }

    /// Only the host fields the harness recorded; the others are named as not recorded.
    private static func importedHost(_ run: RunHeader, source: String) -> String {
        var unknown: Set<String> = []
        if case .array(let fields)? = run.config["host_unknown"] {
            for case .string(let field) in fields { unknown.insert(field) }
        }
        var parts: [String] = []
        if !unknown.contains("cpu_model") { parts.append(run.host.cpuModel) }
        if !unknown.contains("cpus") { parts.append("\(run.host.cpus) CPUs") }
        if !unknown.contains("memory_mb") { parts.append(ValueText().value(Double(run.host.memoryMB), unit: "MB")) }
        if !unknown.contains("os") || !unknown.contains("kernel") { parts.append(run.host.os) }
        if !unknown.contains("swift") { parts.append(run.host.swift) }
        let missing = ["cpu_model", "cpus", "memory_mb", "os", "kernel"].filter(unknown.contains)
        let known = parts.isEmpty ? "host not recorded by \(source)" : parts.joined(separator: ", ")
        let note = missing.isEmpty || parts.isEmpty ? "" : "; not recorded: \(missing.joined(separator: ", "))"
        return "\(known)\(note) (fingerprint \(run.host.fingerprint))"
    }

    /// Relays grouped by software and version: `nostr-relay version 1.14: relay-0 (ws://…)`.
    static func describe(_ relays: [MeasuredRelay]) -> String {
        var order: [String] = []
        var members: [String: [String]] = [:]
        for relay in relays {
            if members[relay.identity] == nil { order.append(relay.identity) }
            members[relay.identity, default: []].append("\(relay.label) (\(relay.url))")
        }
        return order.map { "\($0): \(members[$0, default: []].joined(separator: ", "))" }.joined(separator: "; ")
    }
}

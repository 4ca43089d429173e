import Foundation

/// Git state of the measured code.
public struct GitInfo: Codable, Hashable, Sendable {
    public var commit: String
    public var branch: String
    /// Uncommitted changes were present: the commit alone does not identify the code.
    public var dirty: Bool

    public init(commit: String, branch: String, dirty: Bool) {
        self.commit = commit
        self.branch = branch
        self.dirty = dirty
    }
}

/// The machine a run was measured on. Baselines from another `fingerprint` are not compared.
public struct HostInfo: Codable, Hashable, Sendable {
    /// Stable identity of the hardware/OS/toolchain combination (hash chosen by `bench`).
    public var fingerprint: String
    public var cpuModel: String
    public var cpus: Int
    public var memoryMB: Int
    public var os: String
    public var swift: String

    public init(fingerprint: String, cpuModel: String, cpus: Int, memoryMB: Int, os: String, swift: String) {
        self.fingerprint = fingerprint
        self.cpuModel = cpuModel
        self.cpus = cpus
        self.memoryMB = memoryMB
        self.os = os
        self.swift = swift
    }

    enum CodingKeys: String, CodingKey {
        case fingerprint, cpus, os, swift
        case cpuModel = "cpu_model"
        case memoryMB = "memory_mb"
    }
}

/// Who measured what, where and how: the header of a samples file (its `run` record), copied into
/// results, baseline and history so every number can be traced to its run.
public struct RunHeader: Codable, Hashable, Sendable {
    public var runID: String
    public var startedAt: Date
    /// CI tier (1 smoke, 2 comprehensive, 3 extended).
    public var tier: Int
    /// Seed of every random choice in the run, so it can be reproduced.
    public var seed: UInt64
    public var git: GitInfo
    public var host: HostInfo
    public var mode: RunMode
    /// Scenario parameters, free-form.
    public var config: [String: JSONValue]

    public init(
        runID: String, startedAt: Date, tier: Int, seed: UInt64, git: GitInfo, host: HostInfo,
        mode: RunMode, config: [String: JSONValue] = [:]
    ) {
        self.runID = runID
        self.startedAt = startedAt
        self.tier = tier
        self.seed = seed
        self.git = git
        self.host = host
        self.mode = mode
        self.config = config
    }

    enum CodingKeys: String, CodingKey {
        case tier, seed, git, host, mode, config
        case runID = "run_id"
        case startedAt = "started_at"
    }
}

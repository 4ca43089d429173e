import Foundation

/// What an imported file says about the machine, each field nil when the format does not record
/// it. Mapped onto `HostInfo` the way `bench`'s `HostProbe` fills it, so the machine-class rule
/// reads both alike; unknown fields are listed in `run.config.host_unknown`.
struct ImportedHost {
    var cpuModel: String?
    var cpus: Int?
    var memoryMB: Int?
    var os: String?
    var kernel: String?
    /// The harness's toolchain (Python, Go, the benchmark library), stored in `host.swift`.
    var toolchain: String?

    func hostInfo(format: InputFormat) -> (host: HostInfo, unknown: [String]) {
        var unknown: [String] = []
        if cpuModel == nil { unknown.append("cpu_model") }
        if cpus == nil { unknown.append("cpus") }
        if memoryMB == nil { unknown.append("memory_mb") }
        if os == nil { unknown.append("os") }
        if kernel == nil { unknown.append("kernel") }
        if toolchain == nil { unknown.append("swift") }
        let osText: String
        switch (os, kernel) {
        case let (os?, kernel?): osText = "\(os), kernel \(kernel)"
        case let (os?, nil): osText = os
        case let (nil, kernel?): osText = "unknown OS, kernel \(kernel)"
        case (nil, nil): osText = "unknown"
        }
        let cpuModel = cpuModel ?? "unknown CPU"
        let toolchain = toolchain ?? "unknown"
        // Same identity as HostProbe (memory in whole GiB), plus the format: a hyperfine file and
        // a Go file never share a host identity, so their baselines never mix.
        let identity = [
            format.rawValue, cpuModel, String(cpus ?? 0), String(((memoryMB ?? 0) + 512) / 1024), osText, toolchain,
        ]
        var hash = FNV1a()
        hash.add(identity.joined(separator: "|").utf8)
        let fingerprint = "\(format.rawValue)-\(hash.hex)"
        return (
            HostInfo(
                fingerprint: fingerprint, cpuModel: cpuModel, cpus: cpus ?? 0, memoryMB: memoryMB ?? 0,
                os: osText, swift: toolchain), unknown
        )
    }
}

/// Collects the records of one imported file and checks each with the rules `bench`'s writer
/// obeys (`RecordValidator`), naming the source line of any value the samples model refuses.
struct ImportedRunBuilder {
    let file: String
    let format: InputFormat
    private(set) var records: [SampleRecord] = []
    /// Values per `samples` record, as bench writes large sets.
    static let blockSize = 10_000

    init(file: String, format: InputFormat) {
        self.file = file
        self.format = format
    }

    /// Adds the values of one metric (split into blocks of `blockSize`).
    mutating func addSamples(
        scenario: String, metric: String, unit: String, better: Better,
        values: [Double], rep: [Int]?, line: Int
    ) throws(ImportError) {
        var start = 0
        repeat {
            let end = min(values.count, start + Self.blockSize)
            let block = SamplesBlock(
                scenario: scenario, metric: metric, unit: unit, better: better,
                values: Array(values[start..<end]), rep: rep.map { Array($0[start..<end]) })
            try add(.samples(block), line: line)
            start = end
        } while start < values.count
    }

    mutating func add(_ record: SampleRecord, line: Int) throws(ImportError) {
        do {
            try RecordValidator.validate(record, at: RecordLocation(file: file, line: line))
        } catch {
            throw ImportError(
                file: file, line: line, format: format, problem: Self.problem(error),
                fix: "Re-run \(format.producer); a harness never writes such a value")
        }
        records.append(record)
    }

    /// The header of an imported run: ids derived from the content (the same file always gives
    /// the same run id), tier 0 (not a MeshBench tier), seed 0, the harness's facts in `config`.
    func run(
        contentHash: FNV1a, startedAt: Date?, git: GitInfo?, host: ImportedHost,
        config: [String: JSONValue]
    ) -> RunRecord {
        let (hostInfo, unknown) = host.hostInfo(format: format)
        var config = config
        config["source_format"] = .string(format.rawValue)
        config["source_file"] = .string(file)
        if !unknown.isEmpty { config["host_unknown"] = .array(unknown.map(JSONValue.string)) }
        let header = RunHeader(
            runID: "\(format.rawValue)-\(contentHash.hex)",
            startedAt: startedAt ?? Self.modificationDate(file) ?? Date(),
            tier: 0, seed: 0,
            git: git ?? GitInfo(commit: "unknown", branch: "unknown", dirty: false),
            host: hostInfo, mode: .real, config: config)
        return RunRecord(header: header)
    }

    func finish(_ run: RunRecord, isPartial: Bool = false) throws(ImportError) -> ImportedRun {
        guard records.contains(where: { if case .samples = $0 { true } else { false } }) else {
            throw ImportError(
                file: file, format: format, problem: "no measurements in the file",
                fix: "Give the output of \(format.producer) after at least one benchmark ran")
        }
        return ImportedRun(fileName: file, format: format, run: run, records: records, isPartial: isPartial)
    }

    /// When the file was written: the best stand-in for the run's start when the format has no date.
    private static func modificationDate(_ path: String) -> Date? {
        guard path != "<stdin>" else { return nil }
        // Only a stand-in: a file without a readable date leaves the run undated, as stdin does.
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    private static func problem(_ error: SamplesError) -> String {
        // The samples message starts with `file:line: `; keep only what follows.
        let text = error.description
        guard let range = text.range(of: ": ") else { return text }
        return String(text[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}

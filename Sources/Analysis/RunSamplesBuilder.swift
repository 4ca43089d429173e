import BenchFormats

/// Folds the records of one or more samples files into a `RunSamples`, checking what a single
/// record cannot show (the reader already validated each record): one unit and direction per
/// metric across blocks, one value per counter.
public struct RunSamplesBuilder {
    private var header: RunHeader?
    private var sources: [String] = []
    private var metricIndex: [MetricKey: Int] = [:]
    private var metrics: [MetricSamples] = []
    private var counterIndex: [MetricKey: Int] = [:]
    private var counterFile: [MetricKey: String] = [:]
    private var counters: [CounterRecord] = []
    private var series: [Series] = []
    private var outcomes: [OutcomeRecord] = []
    private var complete = true
    /// Offset added to `rep` so the repetitions of different files stay distinct.
    private var repOffset = 0
    private var maxRepInFile = -1
    private var currentFile = ""
    public private(set) var notes: [String] = []

    public init() {}

    /// Starts a new file of this side; its repetitions are numbered after the previous file's.
    public mutating func beginFile(_ name: String) {
        if maxRepInFile >= 0 { repOffset += maxRepInFile + 1 }
        maxRepInFile = -1
        currentFile = name
        sources.append(name)
    }

    /// Marks the current file as missing its `end` record (accepted with `--allow-partial`).
    public mutating func markPartial() { complete = false }

    /// `record` is the 1-based record number in the current file, for messages.
    public mutating func add(_ record: SampleRecord, record number: Int) throws {
        switch record {
        case .run(let run):
            if header == nil { header = run.header }
        case .samples(let block):
            try addSamples(block, record: number)
        case .series(let s):
            series.append(s)
        case .counter(let c):
            if let existing = counterIndex[c.key] {
                if counterFile[c.key] == currentFile {
                    throw bad(
                        number, "counter \(c.key) appears twice in one file",
                        "write each exact counter once, with its final value")
                }
                if counters[existing].value != c.value {
                    notes.append(
                        "counter \(c.key) differs between files (\(counters[existing].value) in \(counterFile[c.key]!), \(c.value) in \(currentFile)); the first is used — exact counts should not vary between repetitions"
                    )
                }
            } else {
                counterIndex[c.key] = counters.count
                counterFile[c.key] = currentFile
                counters.append(c)
            }
        case .outcome(let o):
            outcomes.append(o)
        case .end:
            break
        }
    }

    private mutating func addSamples(_ block: SamplesBlock, record line: Int) throws {
        let n = block.values.count
        // Valid but empty: nothing to summarise, and a metric with no value must not reach the statistics.
        guard n > 0 else {
            notes.append("samples \(block.key) in record \(line) of \(currentFile) has no values; skipped")
            return
        }
        let idx: Int
        if let existing = metricIndex[block.key] {
            idx = existing
            let m = metrics[idx]
            if m.unit != block.unit {
                throw bad(
                    line, "samples \(block.key) use unit \"\(block.unit)\" but earlier blocks used \"\(m.unit)\"",
                    "record one unit per metric")
            }
            if m.better != block.better {
                throw bad(
                    line,
                    "samples \(block.key) say better=\(block.better.rawValue) but earlier blocks said \(m.better.rawValue)",
                    "record one direction per metric")
            }
        } else {
            idx = metrics.count
            metricIndex[block.key] = idx
            metrics.append(
                MetricSamples(
                    scenario: block.scenario, metric: block.metric, unit: block.unit,
                    better: block.better, values: [], repSegments: [], hops: [], hopValues: [],
                    meshSize: block.meshSize, slaClass: block.slaClass))
        }
        metrics[idx].values.append(contentsOf: block.values)
        if let reps = block.rep {
            // The reader has checked that repetition indices are ≥ 0.
            maxRepInFile = max(maxRepInFile, reps.max() ?? 0)
            let offset = repOffset
            for r in reps { metrics[idx].appendRep(r + offset, count: 1) }
        } else {
            maxRepInFile = max(maxRepInFile, 0)
            metrics[idx].appendRep(repOffset, count: n)
        }
        if let hops = block.hops {
            metrics[idx].hops.append(contentsOf: hops)
            metrics[idx].hopValues.append(contentsOf: block.values)
        }
        if metrics[idx].meshSize == nil { metrics[idx].meshSize = block.meshSize }
        if metrics[idx].slaClass == nil { metrics[idx].slaClass = block.slaClass }
    }

    private func bad(_ record: Int, _ problem: String, _ fix: String) -> AnalysisError {
        .badInput(file: currentFile, line: nil, problem: "record \(record): " + problem, fix: fix)
    }

    /// The folded run. Throws when nothing usable was read.
    public func build() throws -> RunSamples {
        guard let header else {
            throw AnalysisError.badInput(
                file: sources.joined(separator: ", "), line: 1, problem: "no `run` record",
                fix: "give analyze a raw samples file written by bench (its first line is a `run` record)")
        }
        return RunSamples(
            header: header, sources: sources, metrics: metrics, counters: counters,
            series: series, outcomes: outcomes, complete: complete)
    }
}

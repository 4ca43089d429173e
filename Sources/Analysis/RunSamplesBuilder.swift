import BenchFormats

/// Folds the records of one or more samples files into a `RunSamples`, checking what the format
/// alone cannot: one unit and direction per metric, parallel arrays of equal length, finite values,
/// no negative durations, one value per counter.
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

    public mutating func add(_ record: SampleRecord, line: Int) throws {
        switch record {
        case .run(let run):
            if header == nil { header = run.header }
        case .samples(let block):
            try addSamples(block, line: line)
        case .series(let s):
            guard s.t.count == s.values.count else {
                throw bad(line, "series \(s.key) has \(s.t.count) times but \(s.values.count) values",
                          "write `t` and `values` with one entry each per point")
            }
            if let i = s.values.firstIndex(where: { !$0.isFinite }) {
                throw bad(line, "series \(s.key) value [\(i)] is not a finite number", "record only finite measurements")
            }
            series.append(s)
        case .counter(let c):
            if let existing = counterIndex[c.key] {
                if counterFile[c.key] == currentFile {
                    throw bad(line, "counter \(c.key) appears twice in one file",
                              "write each exact counter once, with its final value")
                }
                if counters[existing].value != c.value {
                    notes.append("counter \(c.key) differs between files (\(counters[existing].value) in \(counterFile[c.key]!), \(c.value) in \(currentFile)); the first is used — exact counts should not vary between repetitions")
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

    private mutating func addSamples(_ block: SamplesBlock, line: Int) throws {
        let n = block.values.count
        for (name, count) in [("hops", block.hops?.count), ("node", block.node?.count), ("t", block.t?.count), ("rep", block.rep?.count)] {
            if let count, count != n {
                throw bad(line, "samples \(block.key) has \(n) values but \(count) `\(name)` entries",
                          "make `\(name)` parallel to `values` (one entry per value) or leave it out")
            }
        }
        let isTime = MetricClass.timeUnits.contains(block.unit)
        for (i, v) in block.values.enumerated() {
            if !v.isFinite { throw bad(line, "samples \(block.key) value [\(i)] is \(v)", "record only finite measurements") }
            if isTime && v < 0 {
                throw bad(line, "samples \(block.key) value [\(i)] is a negative duration (\(v) \(block.unit))",
                          "check the clock used by the recorder: durations must be measured with a monotonic clock")
            }
        }
        let idx: Int
        if let existing = metricIndex[block.key] {
            idx = existing
            let m = metrics[idx]
            if m.unit != block.unit {
                throw bad(line, "samples \(block.key) use unit \"\(block.unit)\" but earlier blocks used \"\(m.unit)\"",
                          "record one unit per metric")
            }
            if m.better != block.better {
                throw bad(line, "samples \(block.key) say better=\(block.better.rawValue) but earlier blocks said \(m.better.rawValue)",
                          "record one direction per metric")
            }
        } else {
            idx = metrics.count
            metricIndex[block.key] = idx
            metrics.append(MetricSamples(scenario: block.scenario, metric: block.metric, unit: block.unit,
                                         better: block.better, values: [], rep: [], hops: [], hopValues: [],
                                         meshSize: block.meshSize, slaClass: block.slaClass))
        }
        metrics[idx].values.append(contentsOf: block.values)
        if let reps = block.rep {
            for r in reps {
                guard r >= 0 else {
                    throw bad(line, "samples \(block.key) has a negative repetition index \(r)", "number repetitions from 0")
                }
                maxRepInFile = max(maxRepInFile, r)
                metrics[idx].rep.append(r + repOffset)
            }
        } else {
            maxRepInFile = max(maxRepInFile, 0)
            metrics[idx].rep.append(contentsOf: repeatElement(repOffset, count: n))
        }
        if let hops = block.hops {
            metrics[idx].hops.append(contentsOf: hops)
            metrics[idx].hopValues.append(contentsOf: block.values)
        }
        if metrics[idx].meshSize == nil { metrics[idx].meshSize = block.meshSize }
        if metrics[idx].slaClass == nil { metrics[idx].slaClass = block.slaClass }
    }

    private func bad(_ line: Int, _ problem: String, _ fix: String) -> AnalysisError {
        .badInput(file: currentFile, line: line, problem: problem, fix: fix)
    }

    /// The folded run. Throws when nothing usable was read.
    public func build() throws -> RunSamples {
        guard let header else {
            throw AnalysisError.badInput(file: sources.joined(separator: ", "), line: 1, problem: "no `run` record",
                                         fix: "give analyze a raw samples file written by bench (its first line is a `run` record)")
        }
        return RunSamples(header: header, sources: sources, metrics: metrics, counters: counters,
                          series: series, outcomes: outcomes, complete: complete)
    }
}

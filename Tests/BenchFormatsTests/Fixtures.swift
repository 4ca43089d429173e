import Foundation
import XCTest
@testable import BenchFormats

/// Shared test data and helpers.
enum Fixtures {
    static let header = RunHeader(
        runID: "run-42", startedAt: Date(timeIntervalSince1970: 1_735_732_800.25), tier: 2, seed: 7,
        git: GitInfo(commit: "0123abcd", branch: "main", dirty: false),
        host: HostInfo(
            fingerprint: "fp-1", cpuModel: "Test CPU", cpus: 2, memoryMB: 24_576, os: "Debian 12", swift: "6.3.1"),
        mode: .simulated,
        config: [
            "nodes": .number(10), "topology": .string("line"), "tags": .array([.string("a"), .bool(true), .null]),
            "nested": .object(["k": .number(1.5)]),
        ])

    static let body: [SampleRecord] = [
        .samples(
            SamplesBlock(
                scenario: "latency", metric: "single_hop", unit: "ms", better: .lower,
                values: [1.5, 2, 0.1, 1e-5, 123456.789], hops: [1, 1, 2, 3, 5], node: [0, 1, 2, 3, 4],
                t: [0, 0.5, 1, 1.5, 2], rep: [0, 0, 1, 1, 2], meshSize: 10, slaClass: "single_hop")),
        .samples(
            SamplesBlock(
                scenario: "throughput", metric: "published", unit: "events/s", better: .higher,
                values: [-3, 250.25])),
        .series(
            Series(scenario: "resources", metric: "rss", unit: "MB", node: 3, t: [0, 1, 2], values: [100, 101.5, 103])),
        .series(Series(scenario: "resources", metric: "queue \"depth\"\n", unit: "events", t: [], values: [])),
        .counter(
            CounterRecord(scenario: "latency", metric: "frames_out", unit: "frames", value: 9_007_199_254_740_993)),
        .outcome(
            OutcomeRecord(
                test: "propagation/3-node", tier: 1, attempt: 2, status: .pass, durationMS: 812.5, message: "")),
        .outcome(OutcomeRecord(test: "dedup", tier: 1, attempt: 1, status: .fail, durationMS: 0, message: "timeout ✗")),
    ]

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("benchformats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a complete samples file with `body` and returns its path.
    static func writeSamples(
        _ body: [SampleRecord] = body, gzip: Bool, in dir: URL, name: String = "s.jsonl"
    ) throws -> String {
        let path = dir.appendingPathComponent(name).path
        let writer = try SamplesWriter(path: path, run: header, gzip: gzip)
        for r in body { try writer.write(r) }
        try writer.finish(at: Date(timeIntervalSince1970: 1_735_732_900))
        return path
    }

    /// Reads every record of a samples file.
    static func readAll(_ path: String, allowPartial: Bool = false) throws -> (SamplesReader, [SampleRecord]) {
        let reader = try SamplesReader(path: path, allowPartial: allowPartial)
        var out: [SampleRecord] = []
        while let r = try reader.next() { out.append(r) }
        return (reader, out)
    }

    static func runLine() throws -> String {
        String(
            decoding: try FormatsJSON.encoder(pretty: false).encode(SampleRecord.run(RunRecord(header: header))),
            as: UTF8.self)
    }

    /// Peak resident set size of this process, in kB (Linux ru_maxrss unit).
    static func maxRSSKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

// fuzz-node-wire: the fuzz target of a node's WebSocket handling (issue 12; `NodeWireFuzzer`).
//
// Two builds of one target (docs/development.md, "Fuzzing"):
// - libFuzzer, coverage-guided:
//     swift build -c release --build-path .build-fuzz-node --product fuzz-node-wire \
//       -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER
//     .build-fuzz-node/release/fuzz-node-wire -runs=1000000 CORPUS
// - the ordinary build, a seeded random-mutation run that needs no libFuzzer:
//     fuzz-node-wire --runs 1000000 --seed 1        (--write-seeds DIR writes the seed corpus)
import Foundation
import Fuzzing
import Mesh
import SeededRandom
#if LIBFUZZER

private let fuzzer: NodeWireFuzzer = {
    let store = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-node-wire-\(getpid()).sqlite").path
    do {
        return try NodeWireFuzzer(storePath: store)
    } catch {
        fatalError("fuzz-node-wire: cannot open the node's store at \(store): \(error)")
    }
}()

/// libFuzzer's callback: a broken invariant is a crash, which libFuzzer reports with the input.
private func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        _ = try fuzzer.run(input)
    } catch {
        fatalError("fuzz-node-wire: \(error)")
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`, so libFuzzer's own `main` is not
/// used: this one hands the command line to libFuzzer's driver.
@_cdecl("fuzz_node_wire_main")
public func fuzzNodeWireMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzzOneInput($0, $1) }
}

#else
import ArgumentParser
import Scenarios

@main
struct FuzzNodeWire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz-node-wire",
        abstract: "Fuzz a node's listener pipeline with seeded random mutations (or write the seed corpus).")

    @Option(help: "Inputs to run.")
    var runs = 100_000

    @Option(help: "Seed of the mutations: the same seed runs the same inputs.")
    var seed: UInt64 = 1

    @Option(help: "Write the seed inputs into this folder (a libFuzzer corpus) and exit.")
    var writeSeeds: String?

    func run() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-node-wire-\(getpid()).sqlite")
        defer { try? FileManager.default.removeItem(at: store) }
        let fuzzer = try NodeWireFuzzer(storePath: store.path)
        let seeds = try fuzzer.seeds()
        if let folder = writeSeeds {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (index, input) in seeds.enumerated() {
                try Data(input).write(to: URL(fileURLWithPath: folder).appendingPathComponent("seed-\(index)"))
            }
            print("fuzz-node-wire: wrote \(seeds.count) seeds to \(folder)")
            return
        }
        var mutator = ByteMutator(seeds: seeds, maximumLength: 8_192, random: SplitMix64(seed: seed))
        let campaign = FuzzCampaign(runs: runs) { MemoryFootprint.current().map { ($0.rssBytes, $0.peakRSSBytes) } }
        let report = try campaign.run(next: { mutator.next() }, target: fuzzer.run) { progress in
            print("fuzz-node-wire: \(progress.runs) inputs, \(String(format: "%.0f", progress.seconds)) s")
        }
        print(
            "fuzz-node-wire: \(report.runs) inputs (seed \(seed)) in \(String(format: "%.1f", report.seconds)) s, "
                + "slowest \(String(format: "%.1f", report.slowestInputSeconds * 1000)) ms; resident \(report.residentBytesAfterWarmUp >> 20) MiB "
                + "after the warm-up, \(report.residentBytesAtEnd >> 20) MiB at the end, peak \(report.peakResidentBytes >> 20) MiB"
        )
        for (outcome, count) in report.outcomes.sorted(by: { $0.value > $1.value }) {
            print(String(format: "%9d  %@", count, outcome))
        }
    }
}
#endif

// meshbench-fuzz: every fuzz target of issue 12 (`FuzzTarget.all`; docs/development.md,
// "Fuzzing"). Two builds of one program:
// - the ordinary build: seeded random mutations (`ByteMutator`), reproducible by seed,
//     meshbench-fuzz TARGET --runs 1000000 --seed 1      (--list, --write-seeds DIR)
// - libFuzzer, coverage-guided (scripts/fuzz/libfuzzer.sh); the target is chosen by
//   MESHBENCH_FUZZ_TARGET:  MESHBENCH_FUZZ_TARGET=btp meshbench-fuzz -runs=1000000 CORPUS
import Foundation
import Fuzzing
#if LIBFUZZER

/// libFuzzer calls the target from its one fuzzing thread, one input after another: the harness
/// (not thread-safe) is only ever used there.
nonisolated(unsafe) private let harness: FuzzHarness = {
    let name = ProcessInfo.processInfo.environment["MESHBENCH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget.named(name) else {
        fatalError(
            "meshbench-fuzz: set MESHBENCH_FUZZ_TARGET to one of \(FuzzTarget.all.map(\.name).joined(separator: ", ")) (got '\(name)')"
        )
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meshbench-fuzz-\(getpid())").path
    do {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        return try target.start(scratch: scratch)
    } catch {
        fatalError("meshbench-fuzz: cannot start \(name) in \(scratch): \(error)")
    }
}()

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`: this one hands the command line to
/// libFuzzer's driver, which calls the target once per input. A broken invariant is a crash,
/// which libFuzzer reports with the input.
@_cdecl("meshbench_fuzz_main")
public func meshbenchFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = harness
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        do {
            _ = try harness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        } catch {
            fatalError("meshbench-fuzz: \(error)")
        }
        return 0
    }
}

#else
import ArgumentParser

@main
struct MeshbenchFuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshbench-fuzz",
        abstract: "Feed one decoder of untrusted input seeded random mutations of valid inputs.",
        discussion: """
            A thrown error is a refusal (the wanted outcome). A crash ends the process with its signal \
            (rerun with the same --seed and fewer --runs to find the input); a broken invariant, an \
            input that takes 2 s of CPU time (60 s in all), or memory growth after the warm-up exits 1 \
            and saves the input to fuzz-finding-TARGET.bin.
            """)

    @Argument(help: "The target (--list names them).")
    var target: String?

    @Option(help: "Inputs to run.")
    var runs = 1_000_000

    @Option(help: "Seed of the mutations: the same seed runs the same inputs.")
    var seed: UInt64 = 1

    @Flag(help: "List the targets and exit.")
    var list = false

    @Option(help: "Write the target's seed inputs into this folder (a libFuzzer corpus) and exit.")
    var writeSeeds: String?

    func run() throws {
        if list {
            for target in FuzzTarget.all {
                print("\(target.name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(target.summary)")
            }
            return
        }
        guard let name = target, let target = FuzzTarget.named(name) else {
            throw ValidationError("name a target: \(FuzzTarget.all.map(\.name).joined(separator: ", "))")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meshbench-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }  // our scratch folder: a leftover costs disk only
        let harness = try target.start(scratch: scratch.path)
        if let folder = writeSeeds {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (index, input) in harness.seeds.enumerated() {
                try Data(input).write(to: URL(fileURLWithPath: folder).appendingPathComponent("seed-\(index)"))
            }
            print("meshbench-fuzz: wrote \(harness.seeds.count) seeds of \(name) to \(folder)")
            return
        }
        var mutator = ByteMutator(seeds: harness.seeds, maximumLength: 16_384, seed: seed)
        do {
            let report = try FuzzCampaign(runs: runs).run(harness, mutator: &mutator) { progress in
                FileHandle.standardError.write(
                    Data("\(name): \(progress.runs) inputs, \(String(format: "%.0f", progress.seconds)) s\n".utf8))
            }
            print(Self.summary(report, name: name, seed: seed))
        } catch {
            let file = "fuzz-finding-\(name).bin"
            if let input = error.input { try Data(input).write(to: URL(fileURLWithPath: file)) }
            print("\(name): FINDING (seed \(seed)): \(error)\(error.input == nil ? "" : "; input saved to \(file)")")
            throw ExitCode(1)
        }
    }

    static func summary(_ report: FuzzCampaign.Report, name: String, seed: UInt64) -> String {
        func mib(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
        let rate = Double(report.runs) / max(report.seconds, 1e-9)
        let outcomes = report.outcomes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(
            separator: ", ")
        return
            "\(name): \(report.runs) inputs (seed \(seed)) in \(String(format: "%.1f", report.seconds)) s, \(Int(rate)) per s, "
            + "no crash; slowest input \(String(format: "%.1f", report.slowestInputSeconds * 1000)) ms of CPU; "
            + "RSS \(mib(report.residentAtStart)) MiB at start (peak \(mib(report.peakAtStart))), \(mib(report.residentAfterWarmUp)) MiB "
            + "after the warm-up, \(mib(report.residentAtEnd)) MiB at the end (peak \(mib(report.peakAtEnd))); \(outcomes)"
    }
}
#endif

import Foundation
import ProcFS

/// `meshbench-fuzz TARGET [--runs N] [--seed S]`: runs one decoder on N seeded mutations of
/// valid inputs (`Mutator`) and reports inputs per second, the slowest input and the growth of
/// the resident set between the first tenth and the end. A crash ends the process with its
/// signal (the inputs are deterministic: rerun with the same --seed and a smaller --runs to find
/// it); an input slower than 2 s is saved to `fuzz-hang-TARGET.bin` and exits 1. `--runs`
/// defaults to 1,000,000 (issue 12); CI runs a short one.
let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let target = FuzzTarget.all.first(where: { $0.name == name }) else {
    FileHandle.standardError.write(
        Data(
            "usage: meshbench-fuzz TARGET [--runs N] [--seed S]; targets: \(FuzzTarget.all.map(\.name).joined(separator: ", "))\n"
                .utf8))
    exit(2)
}
func option(_ flag: String, _ fallback: UInt64) -> UInt64 {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.endIndex,
        let v = UInt64(arguments[index + 1])
    else { return fallback }
    return v
}
let runs = Int(option("--runs", 1_000_000))
let seed = option("--seed", 1)
var mutator = Mutator(seed: seed, seeds: target.seeds)
let hangFile = "fuzz-hang-\(target.name).bin"
let started = Date()
var slowest = 0.0
var rssAtTenth = 0
for index in 0..<runs {
    let input = mutator.input()
    let t0 = Date()
    target.run(input)
    let elapsed = Date().timeIntervalSince(t0)
    if elapsed > slowest { slowest = elapsed }
    if elapsed > 2 {
        try? Data(input).write(to: URL(fileURLWithPath: hangFile))
        print("\(target.name): HANG: input \(index) took \(String(format: "%.1f", elapsed)) s (saved to \(hangFile))")
        exit(1)
    }
    if index == runs / 10 { rssAtTenth = residentKilobytes() }
}
let seconds = Date().timeIntervalSince(started)
let rssEnd = residentKilobytes()
print(
    "\(target.name): \(runs) inputs in \(String(format: "%.1f", seconds)) s (\(Int(Double(runs) / max(seconds, 1e-9))) per s), no crash; slowest input \(String(format: "%.1f", slowest * 1000)) ms; RSS \(rssAtTenth / 1024) MiB after \(runs / 10) inputs, \(rssEnd / 1024) MiB at the end"
)

/// The resident set (VmRSS) in KiB; 0 where /proc cannot be read.
func residentKilobytes() -> Int { ProcFS.status()?.kilobytes("VmRSS") ?? 0 }

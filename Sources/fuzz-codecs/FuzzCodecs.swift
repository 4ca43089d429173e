// fuzz-codecs: the wire codecs (BTP, ILP OER, BTP-NIPs, NIP-01) under libFuzzer (issue 12;
// `CodecFuzzTarget`). Two builds of one target, as fuzz-node-wire (docs/development.md, "Fuzzing"):
// - libFuzzer, coverage-guided; the codec is chosen by MESHBENCH_FUZZ_CODEC:
//     swift build -c release --build-path .build-fuzz --product fuzz-codecs \
//       -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER
//     MESHBENCH_FUZZ_CODEC=btp .build-fuzz/release/fuzz-codecs -runs=1000000 CORPUS
// - the ordinary build writes each codec's seed corpus: fuzz-codecs --write-seeds DIR
//   (one folder per codec). Seeded mutation runs without libFuzzer are meshbench-fuzz's.
import Foundation
import Fuzzing
#if LIBFUZZER

private let target: CodecFuzzTarget = {
    let name = ProcessInfo.processInfo.environment["MESHBENCH_FUZZ_CODEC"] ?? ""
    guard let target = CodecFuzzTarget.named(name) else {
        fatalError(
            "fuzz-codecs: set MESHBENCH_FUZZ_CODEC to one of \(CodecFuzzTarget.all.map(\.name).joined(separator: ", ")) (got '\(name)')"
        )
    }
    return target
}()

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`: this one hands the command line to
/// libFuzzer's driver, which calls the target once per input.
@_cdecl("fuzz_codecs_main")
public func fuzzCodecsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = target
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}

#else

@main
enum FuzzCodecs {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, arguments[1] == "--write-seeds" else {
            try? FileHandle.standardError.write(
                contentsOf: Data("usage: fuzz-codecs --write-seeds DIR (libFuzzer: see docs/development.md)\n".utf8))
            exit(2)
        }
        for target in CodecFuzzTarget.all {
            let folder = URL(fileURLWithPath: arguments[2]).appendingPathComponent(target.name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, seed) in target.seeds.enumerated() {
                try Data(seed).write(to: folder.appendingPathComponent("seed-\(index)"))
            }
        }
        print(
            "fuzz-codecs: wrote the seeds of \(CodecFuzzTarget.all.map(\.name).joined(separator: ", ")) under \(arguments[2])"
        )
    }
}
#endif

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens one input of `analyze`: MeshBench samples or a file of another harness, plain or gzip,
/// from a path or `-` (standard input), detected by content unless `format` says which.
public enum BenchmarkInput {
    /// Imported documents are read whole; this caps what a hostile or mistaken input can make us
    /// allocate (hyperfine, Google Benchmark and pytest-benchmark files are kilobytes to a few MB).
    public static let maxImportBytes = 256 << 20
    /// Longest line of Go's text format (a result line is under 1 KB in practice).
    public static let maxGoLineBytes = 1 << 20

    public static func open(
        path: String, format: InputFormat = .auto, allowPartial: Bool = false
    ) throws -> any SampleRecordSource {
        let name = path == "-" ? "<stdin>" : path
        let raw: FileDescriptorSource
        if path == "-" {
            raw = FileDescriptorSource(fd: STDIN_FILENO, ownsDescriptor: false)
        } else {
            let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw SamplesError.io(file: path, operation: "open", message: String(cString: strerror(errno)))
            }
            raw = FileDescriptorSource(fd: fd, ownsDescriptor: true)
        }
        let source: ByteSource
        let probe: [UInt8]
        do {
            source = try InputDetection.open(raw).source
            probe = try read(source, upTo: format == .auto ? FormatDetector.probeBytes : 0)
        } catch {
            throw SamplesReader.streamError(error, file: name, line: 1)
        }
        let replay = ReplaySource(pending: probe, rest: source)
        let chosen: InputFormat
        if format != .auto {
            chosen = format
        } else if let detected = FormatDetector.detect(probe) {
            chosen = detected
        } else {
            throw ImportError(
                file: name, line: 1, format: .auto,
                problem:
                    "a JSON document of none of the known kinds (no `results`, `context`, `machine_info` or `schema` key near the start)",
                fix:
                    "Name its format with --input-format hyperfine, google-benchmark, pytest-benchmark, go or meshbench"
            )
        }
        switch chosen {
        case .auto, .meshbench:
            return try SamplesReader(source: replay, name: name, allowPartial: allowPartial)
        case .hyperfine:
            return try HyperfineAdapter.read(try readDocument(replay, name, chosen), file: name)
        case .googleBenchmark:
            return try GoogleBenchmarkAdapter.read(try readDocument(replay, name, chosen), file: name)
        case .pytestBenchmark:
            return try PytestBenchmarkAdapter.read(try readDocument(replay, name, chosen), file: name)
        case .go:
            return try readGo(replay, name, allowPartial: allowPartial)
        }
    }

    private static func read(_ source: ByteSource, upTo limit: Int) throws(StreamError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(limit, 1), alignment: 16)
        defer { buffer.deallocate() }
        var got = 0
        while got < limit {
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[got..<limit]))
            if n == 0 { break }
            got += n
        }
        return Array(buffer[0..<got])
    }

    private static func readDocument(
        _ source: ByteSource, _ name: String, _ format: InputFormat
    ) throws(ImportError) -> [UInt8] {
        var out: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n: Int
            do {
                n = try source.read(into: chunk)
            } catch {
                throw ImportError(
                    file: name, format: format, problem: streamProblem(error),
                    fix: "Re-copy the file or re-run \(format.producer); check a gzip copy with `gzip -t`")
            }
            if n == 0 { return out }
            guard out.count + n <= maxImportBytes else {
                throw ImportError(
                    file: name, format: format,
                    problem: "larger than \(maxImportBytes) bytes; refusing to load it into memory",
                    fix: "Split the benchmarks into several files (one per binary or test module)")
            }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    private static func readGo(_ source: ByteSource, _ name: String, allowPartial: Bool) throws -> ImportedRun {
        let lines = LineReader(source: source, maxLineBytes: maxGoLineBytes, initialCapacity: 64 * 1024)
        var reader = GoBenchmarkAdapter.Reader(file: name, allowPartial: allowPartial)
        var total = 0
        do {
            while let text = try lines.nextLine({ String(decoding: $0, as: UTF8.self) }) {
                total += text.utf8.count + 1
                guard total <= maxImportBytes else {
                    throw ImportError(
                        file: name, line: lines.lineNumber, format: .go,
                        problem: "larger than \(maxImportBytes) bytes; refusing to hold its results in memory",
                        fix: "Split the output into several files (one per package)")
                }
                try reader.consume(text, line: lines.lineNumber, unterminated: lines.lastLineUnterminated)
            }
        } catch let error as LineReader.LineTooLong {
            throw ImportError(
                file: name, line: error.line, format: .go, problem: "a line longer than \(error.limit) bytes",
                fix: "This is not Go benchmark output; name the right format with --input-format")
        } catch let error as StreamError {
            throw ImportError(
                file: name, line: lines.lineNumber + 1, format: .go, problem: streamProblem(error),
                fix: "Re-copy the file; check a gzip copy with `gzip -t`")
        }
        return try reader.finish()
    }

    private static func streamProblem(_ error: StreamError) -> String {
        switch error {
        case .truncatedGzip: "truncated gzip stream: the file ends before the gzip trailer"
        case .corruptGzip(let detail): "corrupt gzip data (\(detail))"
        case let .system(operation, message): "cannot \(operation): \(message)"
        case .tooLarge(let limit): "larger than \(limit) bytes"
        case .readerClosed: "the input was closed"
        }
    }
}

/// The formats `analyze` reads. `auto` decides by content (`FormatDetector`); the others are what
/// `--input-format` forces when detection cannot decide.
public enum InputFormat: String, CaseIterable, Sendable {
    case auto
    /// MeshBench's own raw samples, `meshbench.samples/1`.
    case meshbench
    /// `hyperfine --export-json`.
    case hyperfine
    /// Google Benchmark `--benchmark_format=json` or `--benchmark_out`.
    case googleBenchmark = "google-benchmark"
    /// `pytest --benchmark-json` (or a file saved by `--benchmark-save`).
    case pytestBenchmark = "pytest-benchmark"
    /// Go's benchmark text format (golang.org/design/14313-benchmark-format).
    case go

    /// How messages and the run header name the format.
    public var displayName: String {
        switch self {
        case .auto: "auto-detected"
        case .meshbench: "MeshBench samples"
        case .hyperfine: "hyperfine JSON"
        case .googleBenchmark: "Google Benchmark JSON"
        case .pytestBenchmark: "pytest-benchmark JSON"
        case .go: "Go benchmark text"
        }
    }

    /// The command that writes the format, for the fixes in error messages.
    var producer: String {
        switch self {
        case .auto, .meshbench: "bench"
        case .hyperfine: "hyperfine --export-json FILE"
        case .googleBenchmark: "your benchmark binary with --benchmark_out=FILE --benchmark_out_format=json"
        case .pytestBenchmark: "pytest --benchmark-json=FILE"
        case .go: "go test -bench . > FILE"
        }
    }
}

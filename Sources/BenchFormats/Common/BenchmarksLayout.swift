/// Where a repository keeps MeshBench's committed state, relative to its root: the one place
/// these paths are spelled, so the tools' defaults, their help and their error messages agree.
public enum BenchmarksLayout {
    /// The folder of committed state.
    public static let directory = ".benchmarks"
    /// The accepted reference run (`analyze --update-baseline` writes it).
    public static let baseline = directory + "/baseline.json"
    /// Noise floors, WARN/FAIL limits and SLAs.
    public static let thresholds = directory + "/thresholds.json"
    /// One results summary per recorded run, for trends.
    public static let history = directory + "/history"
    /// Which metrics flaked in which runs.
    public static let flakeHistory = directory + "/flake-history.json"
}

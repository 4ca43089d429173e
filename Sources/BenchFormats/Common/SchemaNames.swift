/// The schema identifiers written into every file, so a reader can refuse a file it does not
/// understand (or a file of the wrong kind) with a precise message instead of a decoding error.
public enum SchemaName {
    public static let samples = "meshbench.samples/1"
    public static let results = "meshbench.results/1"
    public static let baseline = "meshbench.baseline/1"
    public static let thresholds = "meshbench.thresholds/1"
    public static let history = "meshbench.history/1"
    public static let flakes = "meshbench.flakes/1"

    /// The stage that consumes a file of the given schema family, for "wrong file" messages.
    static func consumerHint(for schema: String) -> String? {
        if schema.hasPrefix("meshbench.results/") { return "this is a results file; give it to render" }
        if schema.hasPrefix("meshbench.baseline/") {
            return "this is a baseline file; analyze reads it with --baseline"
        }
        if schema.hasPrefix("meshbench.thresholds/") {
            return "this is a thresholds file; analyze reads it with --thresholds"
        }
        if schema.hasPrefix("meshbench.history/") { return "this is a history entry; analyze reads the history folder" }
        if schema.hasPrefix("meshbench.flakes/") { return "this is a flake history file; analyze reads it" }
        return nil
    }
}

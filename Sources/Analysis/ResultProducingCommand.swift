import BenchFormats

/// The settings every results-producing command shares (`analyze` run and `analyze compare`), so
/// the command line fills them in one place for both.
public protocol ResultProducingCommand {
    var out: String { get set }
    var thresholdsPath: String { get set }
    var allowPartial: Bool { get set }
    /// `--input-format`: the inputs' format when detection by content cannot decide.
    var inputFormat: InputFormat { get set }
    var failOn: FailPolicy { get set }
    var options: AnalysisOptions { get set }
}

extension AnalyzeRunCommand: ResultProducingCommand {}
extension AnalyzeCompareCommand: ResultProducingCommand {}

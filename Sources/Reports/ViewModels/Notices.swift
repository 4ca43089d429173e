import BenchFormats

/// The warnings shown under a report's headline: what the file lacked, which schema it was,
/// remarks `analyze` left, and anything that changes how the numbers should be read.
enum Notices {
    static func build(_ results: LoadedResults) -> [String] {
        var notices = unreadable(
            results, shown: "sections it could read are shown. Update MeshBench to see everything.")
        if results.metrics.isEmpty && !results.problems.contains(where: { $0.contains("\"metrics\"") }) {
            notices.append(
                "The results contain no metrics: no latency, throughput or resource figures can be shown. Check that bench ran scenarios and that analyze read the whole samples file."
            )
        }
        if results.run?.mode == .simulated {
            notices.append(
                "Measured on the simulated transport: latencies come from the link model and virtual clock, not from real sockets."
            )
        }
        if results.run?.git.dirty == true {
            notices.append(
                "The working tree had uncommitted changes: the commit alone does not identify the measured code.")
        }
        notices += results.notes.map(MarkdownEscaping.text)
        return notices
    }

    /// What the file could not give: a schema newer than this render's (`shown` ends that
    /// sentence) and every section that did not decode, except the problems `ignored` says do not
    /// concern this document.
    static func unreadable(
        _ results: LoadedResults, shown: String, ignoring ignored: (String) -> Bool = { _ in false }
    ) -> [String] {
        var notices: [String] = []
        if results.isNewerSchema {
            notices.append(
                "This file declares schema " + MarkdownEscaping.text(results.schema)
                    + ", which this render does not know (it reads " + SchemaName.results + "): " + shown)
        }
        for problem in results.problems where !ignored(problem) {
            notices.append("Not shown: " + MarkdownEscaping.text(problem) + ".")
        }
        return notices
    }
}

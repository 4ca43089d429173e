import Analysis
import BenchFormats
import Foundation

/// Valid files of each format for the mutations to start from. Results, baseline, history and
/// flake history are made from the samples seed by analyze's own code (so they follow the formats
/// as they change); every document target also gets the other kinds, to meet their shapes.
enum DocumentSeeds {
    static let samples = Array(
        """
        {"type":"run","schema":"meshbench.samples/1","run_id":"r1","started_at":"2026-01-01T00:00:00Z","tier":1,"seed":7,"git":{"commit":"abc","branch":"main","dirty":false},"host":{"fingerprint":"f","cpu_model":"c","cpus":2,"memory_mb":1024,"os":"linux","swift":"6"},"mode":"simulated","config":{}}
        {"type":"samples","scenario":"latency","metric":"single_hop","unit":"ms","better":"lower","values":[1.5,2,0.25],"hops":[1,1,2],"node":[0,1,2],"t":[0,0.5,1],"rep":[0,0,1],"mesh_size":10}
        {"type":"series","scenario":"resources","metric":"rss","unit":"MB","node":1,"t":[0,1,2],"values":[100,101,102]}
        {"type":"series","scenario":"topo","metric":"topology.edges","unit":"node","t":[0,1,2],"values":[1,2,0]}
        {"type":"series","scenario":"topo","metric":"trace.arrival","unit":"ms","t":[0,1,2],"values":[0,1,2]}
        {"type":"series","scenario":"topo","metric":"trace.hops","unit":"hops","t":[0,1,2],"values":[0,1,1]}
        {"type":"series","scenario":"queue","metric":"queue_depth","unit":"events","t":[0,1],"values":[0,5]}
        {"type":"counter","scenario":"latency","metric":"frames_out","unit":"frames","value":9}
        {"type":"outcome","test":"propagation/3-node","tier":1,"attempt":1,"status":"pass","duration_ms":812.5,"message":""}
        {"type":"end","finished_at":"2026-01-01T00:01:00Z","records":9}

        """.utf8)

    static let thresholds = Array(
        #"""
        {"alpha":0.05,"checks":{"burst_duration_s":30,"burst_rate_events_per_s":500,"burst_recovery_s":60,"cpu_saturation_pct":80,"cpu_saturation_window_s":60,"leak_growth_pct":10,"leak_window_s":600,"max_diameter_hops":{"25":5},"oom_risk_pct":90,"packet_loss_pct":0,"queue_depth_max":1000,"straggler_ms":10000},"flakes":{"max_rate_pct":5,"min_runs":20,"retries":1},"metric_classes":{"rss":"memory"},"noise_pct":5,"regression":{"counter":{},"cpu":{},"latency":{"fail_pct":50,"warn_pct":20},"memory":{"warn_pct":30},"throughput":{"fail_pct":50,"warn_pct":20}},"retention_days":90,"schema":"meshbench.thresholds/1","slas":[{"limit":50,"mesh_size":10,"metric_class":"latency","op":"<","sla_class":"single_hop","source":"story 11.6 AC 2","stat":"p50","unit":"ms"},{"limit":100,"mesh_size":10,"metric_class":"latency","op":"<","sla_class":"single_hop","source":"story 11.6 AC 2","stat":"p95","unit":"ms"}],"trend_window_days":30}
        """#.utf8)

    /// Results, baseline, history entry (plain and gzip) and flake history of the samples seed.
    static let documents: [[UInt8]] = {
        do {
            let run = try PipeFile.with(samples) { path in
                Result { try InputLoading.readRun(paths: [path], allowPartial: false) }
            }.get()
            let limits = try PipeFile.with(thresholds) { path in Result { try Thresholds.read(from: path) } }.get()
            let date = Date(timeIntervalSince1970: 1_767_225_600)
            var options = AnalysisOptions()
            options.generatedAt = date
            let analyzed = try RunAnalyzer.analyze(run, baseline: nil, thresholds: limits, options: options)
            let baseline = BaselineBuilder.build(
                run: run, summarized: analyzed.summarized, previous: nil, recordedAt: date)
            let entry = HistoryRecording.entry(for: analyzed.document, recordedAt: date)
            let flakes = FlakeTracking.update(nil, with: OutcomeClassification.summarize(run.outcomes), at: date)
            return [
                thresholds,
                try analyzed.document.encoded(for: "results.json"),
                try baseline.encoded(for: "baseline.json"),
                try entry.encoded(for: "entry.json"),
                try HistoryFolder.encoded(entry, in: "history").bytes,
                try flakes.encoded(for: "flake-history.json"),
            ]
        } catch {
            fatalError("the fuzz seeds are made from a valid samples file, which analyze refused: \(error)")
        }
    }()
}

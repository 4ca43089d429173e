import BenchFormats

/// The limits of story 11.6, written by `analyze init-thresholds` as the starting
/// `.benchmarks/thresholds.json`. Analysis never falls back to these silently: the file in the
/// repository is the configuration of record, and a missing file is an error.
public enum DefaultThresholds {
    public static func story11_6() -> Thresholds {
        let ac1 = "story 11.6 AC 1"
        let ac2 = "story 11.6 AC 2"
        var slas: [SLAEntry] = []
        // AC 1: per mesh size — p95 propagation latency, throughput, memory per node, CPU per node.
        let meshes: [(size: Int, p95: Double, throughput: Double?, memoryMB: Double)] = [
            (10, 500, 100, 512), (25, 1000, 250, 768), (50, 2000, 500, 1024), (100, 5000, nil, 2048),
        ]
        for m in meshes {
            slas.append(SLAEntry(meshSize: m.size, metricClass: .latency, stat: .p95, op: .below, limit: m.p95, unit: "ms", source: ac1))
            if let t = m.throughput {
                slas.append(SLAEntry(meshSize: m.size, metricClass: .throughput, stat: .mean, op: .above, limit: t,
                                     unit: "events/s", source: ac1))
            }
            slas.append(SLAEntry(meshSize: m.size, metricClass: .memory, stat: .max, op: .below, limit: m.memoryMB, unit: "MB", source: ac1))
        }
        slas.append(SLAEntry(meshSize: 10, metricClass: .cpu, stat: .mean, op: .below, limit: 50, unit: "%", source: ac1))
        // AC 2: latency distribution by path kind (p50, p95, p99, max).
        let paths: [(cls: String, limits: [Double])] = [
            ("single_hop", [50, 100, 200, 500]), ("five_hop", [250, 500, 1000, 2000]),
            ("full_propagation", [1000, 2000, 3000, 5000]),
        ]
        for p in paths {
            for (stat, limit) in zip([Statistic.p50, .p95, .p99, .max], p.limits) {
                slas.append(SLAEntry(metricClass: .latency, slaClass: p.cls, stat: stat, op: .below, limit: limit,
                                     unit: "ms", source: ac2))
            }
        }
        return Thresholds(
            noisePct: 5, alpha: 0.05,
            regression: [
                .latency: RegressionLimits(warnPct: 20, failPct: 50),
                .throughput: RegressionLimits(warnPct: 20, failPct: 50),
                .memory: RegressionLimits(warnPct: 30, failPct: nil),
                // Not in the story: exact work counts may not grow at all without a WARN, nor by
                // more than 10 % without a FAIL (a deterministic count has no noise to allow for).
                .counter: RegressionLimits(warnPct: 0, failPct: 10),
            ],
            slas: slas,
            checks: CheckLimits(burstRecoveryS: 60, burstRateEventsPerS: 500, burstDurationS: 30, queueDepthMax: 1000,
                                leakGrowthPct: 10, leakWindowS: 600, cpuSaturationPct: 80, cpuSaturationWindowS: 60,
                                oomRiskPct: 90, stragglerMS: 10_000, maxDiameterHops: ["25": 5], packetLossPct: 0),
            flakes: FlakePolicy(maxRatePct: 5, minRuns: 20, retries: 1),
            retentionDays: 90, trendWindowDays: 30)
    }
}

import Charts
import Foundation
import Units

/// Realistic charts of every kind, used by the rendering tests, the demo PNGs and the timing.
enum DemoCharts {
    static let source = "commit abc1234 · 2026-11-28 · host ci-runner-7 (2 cpu) · mode real · tier 2"

    /// Latency spectra of log-normal samples for three mesh sizes, with quantile CIs and an SLA.
    static func latencySpectrum() -> LineChart {
        var random = DemoRandom(seed: 42)
        let levels = (0...160).map { 1 - pow(10, -Double($0) / 40) }
        let series = [(10, 1.8e6), (25, 2.6e6), (50, 4.1e6)].map { size, median -> LineSeries in
            let samples = (0..<20_000).map { _ in random.logNormal(median: median, sigma: 0.45) }.sorted()
            let n = Double(samples.count)
            func at(_ rank: Double) -> Double { samples[min(samples.count - 1, max(0, Int(rank)))] }
            let points = levels.map { DataPoint(x: $0, y: at($0 * n)) }
            // Distribution-free 95 % CI of a quantile: ranks np ± 1.96 √(np(1−p)).
            let band = levels.map { p -> BandPoint in
                let spread = 1.96 * sqrt(n * p * (1 - p))
                return BandPoint(x: p, lower: at(p * n - spread), upper: at(p * n + spread + 1))
            }
            return LineSeries(name: "\(size) nodes", points: points, band: band)
        }
        return LineChart(
            title: "Latency spectrum by mesh size",
            subtitle: "end-to-end delivery latency, 20,000 events per size, 95 % CI bands",
            xAxis: .percentile(), yAxis: AxisSpec(title: "Latency", dimension: .duration, scale: .log10),
            series: series, thresholds: [ThresholdLine(.horizontal, at: 10e6, label: "SLA p99 ≤ 10.0 ms")])
    }
}

extension DemoCharts {
    /// 120 metrics compared with a baseline: mostly noise, a few real regressions.
    static func baselineDelta(maxRows: Int = 30) -> HorizontalBarChart {
        var random = DemoRandom(seed: 7)
        let scenarios = ["publish", "fanout", "burst", "steady", "resilience", "subscribe"]
        let metrics = ["latency.p50", "latency.p99", "latency.p999", "throughput", "memory.rss"]
        var rows: [BarRow] = []
        for index in 0..<120 {
            let regression = index % 17 == 3 ? 20 + 40 * random.uniform() : 0
            let change = 6 * random.normal() + regression
            let half = 2 + 5 * random.uniform()
            let verdict =
                change - half > 50
                ? "fail"
                : change - half > 20 ? "fail" : change - half > 5 ? "warn" : change + half < -5 ? "improved" : "pass"
            let name =
                "\(scenarios[index % scenarios.count]).\(metrics[(index / 6) % metrics.count]) n=\([10, 25, 50, 100][index % 4])"
            rows.append(
                BarRow(label: name, value: change, interval: (change - half)...(change + half), category: verdict))
        }
        return HorizontalBarChart(
            title: "Change against baseline", subtitle: "baseline main@9f8e7d6, 5 runs each side; 95 % CI whiskers",
            axis: AxisSpec(title: "Change", dimension: .percent), rows: rows,
            categories: [
                BarCategory(name: "fail", color: Palette.verdict("fail")),
                BarCategory(name: "warn", color: Palette.verdict("warn")),
                BarCategory(name: "pass", color: Palette.neutral),
                BarCategory(name: "improved", color: Palette.verdict("pass")),
            ],
            noiseBand: -5...5, order: .descending, maxRows: maxRows, rowNoun: "metrics")
    }

    /// Throughput per mesh size over a 120 s run with a burst window, anomalies and a change point.
    static func throughputTimeline() -> LineChart {
        var random = DemoRandom(seed: 11)
        let sizes = [5, 10, 25, 50, 75, 100]
        let series = sizes.map { size -> LineSeries in
            let base = 9000 / (1 + Double(size) / 40)
            let points = stride(from: 0.0, through: 120, by: 1).map { t -> DataPoint in
                let burst = (40...60).contains(t) ? 1.9 : 1
                let drop = t >= 80 ? 0.85 : 1
                return DataPoint(x: t * 1e9, y: base * burst * drop * (1 + 0.04 * random.normal()))
            }
            return LineSeries(name: "\(size) nodes", points: points)
        }
        return LineChart(
            title: "Throughput over time", subtitle: "delivered events per second, 1 s buckets",
            xAxis: AxisSpec(title: "Time since start", dimension: .duration),
            yAxis: AxisSpec(title: "Throughput", dimension: .rate(noun: "events")), series: series,
            spans: [ShadedSpan(from: 40e9, to: 60e9, label: "burst ×2")],
            annotations: [Annotation(x: 80e9, y: series[0].points[80].y, text: "node 3 restarted")],
            anomalies: [AnomalyMark(x: 97e9, y: series[1].points[97].y)],
            changePoints: [ChangePointMark(x: 80e9)])
    }

    /// Latency percentiles against mesh size on log–log axes, with CI whiskers and markers.
    static func latencyByMeshSize() -> LineChart {
        let sizes: [Double] = [5, 10, 25, 50, 100, 200]
        func series(_ name: String, _ base: Double, _ exponent: Double) -> LineSeries {
            LineSeries(
                name: name, points: sizes.map { DataPoint(x: $0, y: base * pow($0, exponent)) },
                errorBars: sizes.map {
                    BandPoint(x: $0, lower: 0.9 * base * pow($0, exponent), upper: 1.12 * base * pow($0, exponent))
                },
                showsMarkers: true)
        }
        return LineChart(
            title: "Latency by mesh size",
            xAxis: AxisSpec(title: "Mesh size", dimension: .count(noun: "nodes"), scale: .log10),
            yAxis: AxisSpec(title: "Latency", dimension: .duration, scale: .log10),
            series: [series("p50", 0.4e6, 0.55), series("p99", 1.1e6, 0.62), series("p99.9", 1.6e6, 0.7)],
            thresholds: [ThresholdLine(.horizontal, at: 50e6, label: "SLA p99 ≤ 50.0 ms")])
    }

    /// 30 days of nightly p99 latency with an anomaly and a change point.
    static func trend() -> LineChart {
        var random = DemoRandom(seed: 3)
        let points = (0..<30).map { day -> DataPoint in
            DataPoint(
                x: Double(day), y: (day < 19 ? 8.2e6 : 9.6e6) * (1 + 0.03 * random.normal()) * (day == 11 ? 1.35 : 1))
        }
        return LineChart(
            title: "p99 latency, last 30 days", subtitle: "publish scenario, 50 nodes, one point per nightly run",
            xAxis: AxisSpec(title: "Day", dimension: .count(noun: nil), includesZero: false),
            yAxis: AxisSpec(title: "p99 latency", dimension: .duration),
            series: [LineSeries(name: "p99", points: points, showsMarkers: true)],
            anomalies: [AnomalyMark(x: 11, y: points[11].y)],
            changePoints: [ChangePointMark(x: 18.5, label: "change +17 %")], legend: .below)
    }

    static func phaseBreakdown() -> StackedBarChart {
        let sizes = [5, 10, 25, 50, 100]
        let phases = ["verify", "store", "match", "forward", "network"]
        let bars = sizes.map { size -> StackedBar in
            let n = Double(size)
            return StackedBar(
                label: "\(size)",
                segments: [0.18e6, 0.25e6 + 0.002e6 * n, 0.05e6 + 0.004e6 * n, 0.12e6 + 0.01e6 * n, 0.6e6 + 0.03e6 * n])
        }
        return StackedBarChart(
            title: "Where the time goes", subtitle: "mean per-event latency by pipeline phase",
            categoryTitle: "Mesh size (nodes)", valueAxis: AxisSpec(title: "Latency", dimension: .duration),
            phases: phases, bars: bars)
    }

    static func latencyByHops() -> BoxChart {
        var random = DemoRandom(seed: 5)
        let groups = (1...6).map { hops -> BoxGroup in
            let samples = (0..<400).map { _ in Double(hops) * 1.1e6 + random.logNormal(median: 0.4e6, sigma: 0.6) }
                .sorted()
            func q(_ p: Double) -> Double { samples[Int(p * Double(samples.count - 1))] }
            let iqr = q(0.75) - q(0.25)
            let high = samples.last { $0 <= q(0.75) + 1.5 * iqr }!, low = samples.first { $0 >= q(0.25) - 1.5 * iqr }!
            return BoxGroup(
                label: "\(hops)", position: Double(hops),
                stats: BoxStats(
                    lowerWhisker: low, q1: q(0.25), median: q(0.5), q3: q(0.75), upperWhisker: high,
                    outliers: samples.filter { $0 > high }.suffix(12)))
        }
        return BoxChart(
            title: "Latency by hop count", subtitle: "line topology, 400 events per hop count",
            categoryTitle: "Hops", valueAxis: AxisSpec(title: "Latency", dimension: .duration), groups: groups,
            fit: FittedLine(intercept: 0.45e6, slope: 1.1e6, label: "fit: 1.10 ms per hop (R² 0.97)"))
    }

    /// A 100-node small-world mesh with BFS arrival times of one traced event.
    static func topology(nodes count: Int = 100) -> GraphChart {
        var random = DemoRandom(seed: 9)
        var edges: [GraphEdge] = []
        for node in 0..<count {
            for step in 1...2 {
                var target = (node + step) % count
                if random.uniform() < 0.1 { target = Int(random.uniform() * Double(count)) }
                if target != node { edges.append(GraphEdge(from: node, to: target)) }
            }
        }
        var hops = [Int?](repeating: nil, count: count)
        hops[0] = 0
        var queue = [0]
        while !queue.isEmpty {
            let node = queue.removeFirst()
            for edge in edges where edge.from == node || edge.to == node {
                let other = edge.from == node ? edge.to : edge.from
                if hops[other] == nil { hops[other] = hops[node]! + 1; queue.append(other) }
            }
        }
        let unreached: Set<Int> = [37, 64, 88]
        let nodes = (0..<count).map { index in
            GraphNode(
                label: "n\(index)",
                value: unreached.contains(index)
                    ? nil : hops[index].map { Double($0) * 1.2e6 + 0.3e6 * random.uniform() })
        }
        return GraphChart(
            title: "Event propagation through the mesh",
            subtitle: "\(count) nodes, small-world topology; colour = arrival time of one traced event",
            nodes: nodes, edges: edges, layout: .forceDirected(seed: 1), valueTitle: "Arrival time",
            valueDimension: .duration, markedNode: 0)
    }

    static func flameGraph() -> FlameGraphChart {
        let text = """
            main;runScenario;publish;sign;secp256k1_schnorrsig_sign 1800
            main;runScenario;publish;serialize;canonicalJSON 640
            main;runScenario;relay;receive;decodeBTP 420
            main;runScenario;relay;receive;decodeILP 380
            main;runScenario;relay;verify;sha256 900
            main;runScenario;relay;verify;secp256k1_schnorrsig_verify 2600
            main;runScenario;relay;store;sqlite3_step 1500
            main;runScenario;relay;store;sqlite3_prepare 200
            main;runScenario;relay;match;SubscriptionMatcher.matches 700
            main;runScenario;relay;forward;encodeBTP 350
            main;runScenario;relay;forward;websocket.write 820
            main;eventLoop;epoll_wait 1200
            main;eventLoop;readable;websocket.read 560
            main;recorder;append 90
            """
        return FlameGraphChart(
            title: "Where CPU time goes", subtitle: "relay node 3, 12,160 samples at 999 Hz",
            stacks: try! FoldedStack.parse(text))
    }

    static func queuePanels() -> PanelChart {
        var random = DemoRandom(seed: 21)
        let t = stride(from: 0.0, through: 90, by: 0.5).map { $0 }
        let throughput = t.map {
            DataPoint(x: $0 * 1e9, y: ((30...50).contains($0) ? 14_000 : 8_000) * (1 + 0.03 * random.normal()))
        }
        let depth = t.map { x -> DataPoint in
            let value = (30...50).contains(x) ? 40 + 12 * (x - 30) : max(0, 280 - 30 * (x - 50))
            return DataPoint(x: x * 1e9, y: x < 30 ? 3 + Double(Int(random.uniform() * 4)) : max(2, value))
        }
        return PanelChart(
            title: "Burst: throughput and queue depth", subtitle: "50 nodes, burst ×1.75 from 30 s to 50 s",
            xAxis: AxisSpec(title: "Time since start", dimension: .duration),
            panels: [
                ChartPanel(
                    yAxis: AxisSpec(title: "Throughput", dimension: .rate(noun: "events")),
                    series: [LineSeries(name: "delivered", points: throughput)]),
                ChartPanel(
                    yAxis: AxisSpec(title: "Queue depth", dimension: .count(noun: nil)),
                    series: [LineSeries(name: "max queue depth", points: depth, isStep: true)],
                    thresholds: [ThresholdLine(.horizontal, at: 500, label: "bound 500")]),
            ],
            spans: [ShadedSpan(from: 30e9, to: 50e9, label: "burst")])
    }

    static func grid() -> GridChart {
        GridChart(
            title: "MeshBench — tier 2", columns: 2,
            charts: [latencySpectrum(), baselineDelta(maxRows: 12), latencyByHops(), phaseBreakdown()])
    }

    static func empty() -> LineChart {
        LineChart(
            title: "Resource usage", xAxis: AxisSpec(title: "Time", dimension: .duration),
            yAxis: AxisSpec(title: "Memory", dimension: .bytes), series: [],
            noDataReason: "the resource sampler was disabled (--no-resources)")
    }

    /// Every chart kind with a file name.
    static func all() -> [(name: String, chart: any Chart)] {
        [
            ("latency-spectrum", latencySpectrum()), ("baseline-delta", baselineDelta()),
            ("throughput-timeline", throughputTimeline()),
            ("latency-by-mesh-size", latencyByMeshSize()), ("trend", trend()), ("phase-breakdown", phaseBreakdown()),
            ("latency-by-hops", latencyByHops()), ("topology", topology()), ("flame-graph", flameGraph()),
            ("queue-panels", queuePanels()), ("grid", grid()), ("empty", empty()),
        ]
    }
}

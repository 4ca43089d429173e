import BenchFormats
import Foundation

/// Valid inputs of each file format (and the repository's committed documents), for the
/// mutator to start from; the wire codecs' seeds are `CodecFuzzTarget`'s.
enum Seeds {
    static let samples: [[UInt8]] = [
        """
        {"type":"run","schema":"meshbench.samples/1","run_id":"r1","started_at":"2026-01-01T00:00:00Z","tier":1,"seed":7,"git":{"commit":"abc","branch":"main","dirty":false},"host":{"fingerprint":"f","cpu_model":"c","cpus":2,"memory_mb":1024,"os":"linux","swift":"6"},"mode":"simulated","config":{}}
        {"type":"samples","scenario":"latency","metric":"single_hop","unit":"ms","better":"lower","values":[1.5,2,0.25],"hops":[1,1,2],"node":[0,1,2],"t":[0,0.5,1],"rep":[0,0,1],"mesh_size":10}
        {"type":"series","scenario":"resources","metric":"rss","unit":"MB","node":1,"t":[0,1,2],"values":[100,101,102]}
        {"type":"series","scenario":"topo","metric":"topology.edges","unit":"node","t":[0,1,2],"values":[1,2,0]}
        {"type":"series","scenario":"topo","metric":"trace.arrival","unit":"ms","t":[0,1,2],"values":[0,1,2]}
        {"type":"series","scenario":"topo","metric":"trace.hops","unit":"hops","t":[0,1,2],"values":[0,1,1]}
        {"type":"counter","scenario":"latency","metric":"frames_out","unit":"frames","value":9}
        {"type":"outcome","test":"propagation/3-node","tier":1,"attempt":1,"status":"pass","duration_ms":812.5,"message":""}
        {"type":"end","finished_at":"2026-01-01T00:01:00Z","records":9}

        """
    ].map { Array($0.utf8) }

    /// Every document kind, so each decoder also meets the others' shapes.
    static let documents: [[UInt8]] = {
        var docs: [[UInt8]] = []
        for path in [BenchmarksLayout.thresholds] {
            if let data = FileManager.default.contents(atPath: path) { docs.append([UInt8](data)) }
        }
        let small = """
            {"schema":"meshbench.results/1","generated_at":"2026-01-01T00:00:00Z","verdict":"pass","verdict_reason":"ok","metrics":[{"scenario":"s","metric":"m","unit":"ms","better":"lower","n":3,"mean":1,"p50":1,"p95":2,"p99":2,"max":3}],"series":[{"scenario":"s","metric":"queue_depth","unit":"events","t":[0,1],"values":[0,5]}],"topology":{"nodes":3,"kind":"ring","edges":[[0,1],[1,2],[2,0]],"diameter":1,"arrivals":[]},"notes":["x"]}
            """
        docs.append(Array(small.utf8))
        docs.append(
            Array(
                #"{"schema":"meshbench.flakes/1","tests":{"t":{"runs":3,"failures":1,"flaky_runs":1,"last_seen":"2026-01-01T00:00:00Z"}}}"#
                    .utf8))
        docs.append(Array(#"{"schema":"meshbench.baseline/1","recorded_at":"2026-01-01T00:00:00Z","metrics":[]}"#.utf8))
        return docs
    }()
}

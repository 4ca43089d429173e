import Foundation

/// Raw samples files written as text, byte by byte as bench writes them, so the end-to-end tests
/// can also write the broken files bench must never produce.
public enum SamplesText {
    public static func runLine(host: String = "host-a", schema: String = "meshbench.samples/1") -> String {
        #"{"type":"run","schema":"\#(schema)","run_id":"run-\#(host)","started_at":"2025-01-01T00:00:00Z","tier":1,"seed":7,"git":{"commit":"abc123","branch":"main","dirty":false},"host":{"fingerprint":"\#(host)","cpu_model":"cpu of \#(host)","cpus":2,"memory_mb":24576,"os":"linux","swift":"6.3"},"mode":"simulated","config":{}}"#
    }

    public static func samplesLine(
        _ values: [Double], metric: String = "latency", unit: String = "ms", better: String = "lower",
        scenario: String = "tier1.propagation-3"
    ) -> String {
        let list = values.map { String($0) }.joined(separator: ",")
        return
            #"{"type":"samples","scenario":"\#(scenario)","metric":"\#(metric)","unit":"\#(unit)","better":"\#(better)","values":[\#(list)]}"#
    }

    public static func endLine(records: Int) -> String {
        #"{"type":"end","finished_at":"2025-01-01T00:01:00Z","records":\#(records)}"#
    }

    /// A complete file: run, the given body lines, end.
    public static func file(_ body: [String], host: String = "host-a") -> String {
        ([runLine(host: host)] + body + [endLine(records: body.count + 1)]).joined(separator: "\n") + "\n"
    }
}

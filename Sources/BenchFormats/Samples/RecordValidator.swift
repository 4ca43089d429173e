/// Checks the meaning of a decoded record: the rules JSON syntax cannot express. Shared by the
/// reader (refuse bad input) and the writer (never produce a file the reader would refuse).
enum RecordValidator {
    static func validate(_ record: SampleRecord, at loc: RecordLocation) throws(SamplesError) {
        switch record {
        case .run(let r):
            guard r.schema == SchemaName.samples else {
                throw .unsupportedSchema(file: loc.file, line: loc.line, found: r.schema, supported: SchemaName.samples)
            }
        case .samples(let s):
            try finite(s.values, "values", loc)
            try nonNegativeTime(s.values, field: "values", unit: s.unit, loc)
            try sameLength(s.hops?.count, "hops", s.values.count, loc)
            try sameLength(s.node?.count, "node", s.values.count, loc)
            try sameLength(s.t?.count, "t", s.values.count, loc)
            try sameLength(s.rep?.count, "rep", s.values.count, loc)
            if let t = s.t { try finite(t, "t", loc) }
            try nonNegative(s.hops, "hops", loc)
            try nonNegative(s.node, "node", loc)
            try nonNegative(s.rep, "rep", loc)
            if let size = s.meshSize, size < 1 {
                throw .invalidRecord(
                    file: loc.file, line: loc.line, detail: "`mesh_size` is \(size); a mesh has at least 1 node")
            }
        case .series(let s):
            try sameLength(s.t.count, "t", s.values.count, loc)
            try finite(s.t, "t", loc)
            try finite(s.values, "values", loc)
            try nonNegativeTime(s.values, field: "values", unit: s.unit, loc)
            try nonNegative(s.node.map { [$0] }, "node", loc)
        case .counter(let c):
            if MetricClass.isTime(c.unit) && c.value < 0 {
                throw .negativeTime(
                    file: loc.file, line: loc.line, field: "value", index: nil, value: Double(c.value), unit: c.unit)
            }
        case .outcome(let o):
            guard o.durationMS.isFinite else {
                throw .nonFiniteNumber(file: loc.file, line: loc.line, field: "duration_ms")
            }
            if o.durationMS < 0 {
                throw .negativeTime(
                    file: loc.file, line: loc.line, field: "duration_ms", index: nil, value: o.durationMS, unit: "ms")
            }
            if o.attempt < 1 {
                throw .invalidRecord(
                    file: loc.file, line: loc.line, detail: "`attempt` is \(o.attempt); attempts count from 1")
            }
        case .end(let e):
            if e.records < 1 {
                throw .invalidRecord(
                    file: loc.file, line: loc.line, detail: "`records` is \(e.records); the run record alone makes 1")
            }
        }
    }

    private static func finite(_ values: [Double], _ field: String, _ loc: RecordLocation) throws(SamplesError) {
        if let k = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteNumber(file: loc.file, line: loc.line, field: "\(field)[\(k)]")
        }
    }

    private static func nonNegativeTime(
        _ values: [Double], field: String, unit: String,
        _ loc: RecordLocation
    ) throws(SamplesError) {
        guard MetricClass.isTime(unit), let k = values.firstIndex(where: { $0 < 0 }) else { return }
        throw .negativeTime(file: loc.file, line: loc.line, field: field, index: k, value: values[k], unit: unit)
    }

    private static func sameLength(
        _ count: Int?, _ field: String, _ expected: Int, _ loc: RecordLocation
    ) throws(SamplesError) {
        if let count, count != expected {
            throw .parallelArrayLength(file: loc.file, line: loc.line, field: field, count: count, expected: expected)
        }
    }

    private static func nonNegative(_ values: [Int]?, _ field: String, _ loc: RecordLocation) throws(SamplesError) {
        if let values, let k = values.firstIndex(where: { $0 < 0 }) {
            throw .invalidRecord(file: loc.file, line: loc.line, detail: "\(field)[\(k)] = \(values[k]) is negative")
        }
    }
}

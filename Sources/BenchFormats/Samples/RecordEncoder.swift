import Foundation
import JSON

/// Writes one record as one line of compact JSON with sorted keys. `samples` and `series`
/// (which carry the big number arrays) are written with `JSONWriter`, the rest by JSONEncoder;
/// both give the same bytes JSONEncoder with `.sortedKeys` would, numbers aside (integers print
/// without `.0`, others in Swift's shortest round-trip form, e.g. `0.1`, `1e-05`).
public struct RecordEncoder {
    private let encoder = FormatsJSON.encoder(pretty: false)

    public init() {}

    /// Appends the record and a trailing newline to `out`.
    public func append(_ record: SampleRecord, to out: inout [UInt8]) throws {
        switch record {
        case .samples(let s):
            var w = JSONWriter(reservingCapacity: 256 + s.values.count * 12)
            w.append(ascii: #"{"better":"#); w.append(string: s.better.rawValue)
            if let hops = s.hops { w.append(ascii: #","hops":"#); w.append(integers: hops) }
            if let size = s.meshSize { w.append(ascii: #","mesh_size":"#); w.append(integer: size) }
            w.append(ascii: #","metric":"#); w.append(string: s.metric)
            if let node = s.node { w.append(ascii: #","node":"#); w.append(integers: node) }
            if let rep = s.rep { w.append(ascii: #","rep":"#); w.append(integers: rep) }
            w.append(ascii: #","scenario":"#); w.append(string: s.scenario)
            if let slaClass = s.slaClass { w.append(ascii: #","sla_class":"#); w.append(string: slaClass) }
            if let t = s.t { w.append(ascii: #","t":"#); w.append(numbers: t) }
            w.append(ascii: #","type":"samples","unit":"#); w.append(string: s.unit)
            w.append(ascii: #","values":"#); w.append(numbers: s.values)
            w.append(ascii: "}")
            out.append(contentsOf: w.finish())
        case .series(let s):
            var w = JSONWriter(reservingCapacity: 256 + s.values.count * 24)
            w.append(ascii: #"{"metric":"#); w.append(string: s.metric)
            if let node = s.node { w.append(ascii: #","node":"#); w.append(integer: node) }
            w.append(ascii: #","scenario":"#); w.append(string: s.scenario)
            w.append(ascii: #","t":"#); w.append(numbers: s.t)
            w.append(ascii: #","type":"series","unit":"#); w.append(string: s.unit)
            w.append(ascii: #","values":"#); w.append(numbers: s.values)
            w.append(ascii: "}")
            out.append(contentsOf: w.finish())
        default:
            out.append(contentsOf: try encoder.encode(record))
        }
        out.append(0x0A)
    }
}

import Foundation

/// Writes one record as one line of compact JSON with sorted keys. `samples` and `series`
/// (which carry the big number arrays) are written by hand, the rest by JSONEncoder; both give
/// the same bytes JSONEncoder with `.sortedKeys` would, numbers aside (integers print without
/// `.0`, others in Swift's shortest round-trip form, e.g. `0.1`, `1e-05`).
struct RecordEncoder {
    private let encoder = FormatsJSON.encoder(pretty: false)

    /// Appends the record and a trailing newline to `out`.
    func append(_ record: SampleRecord, to out: inout [UInt8]) throws {
        switch record {
        case .samples(let s):
            out.append(UInt8(ascii: "{"))
            key("better", &out, first: true); string(s.better.rawValue, &out)
            if let hops = s.hops { key("hops", &out); integers(hops, &out) }
            if let size = s.meshSize { key("mesh_size", &out); integer(size, &out) }
            key("metric", &out); string(s.metric, &out)
            if let node = s.node { key("node", &out); integers(node, &out) }
            if let rep = s.rep { key("rep", &out); integers(rep, &out) }
            key("scenario", &out); string(s.scenario, &out)
            if let slaClass = s.slaClass { key("sla_class", &out); string(slaClass, &out) }
            if let t = s.t { key("t", &out); numbers(t, &out) }
            key("type", &out); string("samples", &out)
            key("unit", &out); string(s.unit, &out)
            key("values", &out); numbers(s.values, &out)
            out.append(UInt8(ascii: "}"))
        case .series(let s):
            out.append(UInt8(ascii: "{"))
            key("metric", &out, first: true); string(s.metric, &out)
            if let node = s.node { key("node", &out); integer(node, &out) }
            key("scenario", &out); string(s.scenario, &out)
            key("t", &out); numbers(s.t, &out)
            key("type", &out); string("series", &out)
            key("unit", &out); string(s.unit, &out)
            key("values", &out); numbers(s.values, &out)
            out.append(UInt8(ascii: "}"))
        default:
            out.append(contentsOf: try encoder.encode(record))
        }
        out.append(0x0A)
    }

    private func key(_ name: StaticString, _ out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// A JSON string with the escapes RFC 8259 requires (quote, backslash, control characters).
    private func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(Self.hex[Int(b >> 4)])
                out.append(Self.hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private func numbers(_ values: [Double], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (k, v) in values.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            number(v, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func integers(_ values: [Int], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (k, v) in values.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            integer(v, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Integral values (|v| < 2^53) print as integers; others in shortest round-trip form.
    /// Callers have checked finiteness (RecordValidator) before encoding.
    private func number(_ v: Double, _ out: inout [UInt8]) {
        if v == v.rounded(), abs(v) < 9_007_199_254_740_992 {
            if v == 0 && v.sign == .minus { out.append(contentsOf: Array("-0".utf8)); return }
            integer(Int(v), &out)
        } else {
            out.append(contentsOf: v.description.utf8)
        }
    }

    private func integer(_ v: Int, _ out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = v.magnitude
        if magnitude == 0 { out.append(UInt8(ascii: "0")); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while magnitude > 0 {
                buf[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buf[k]) }
        }
    }
}

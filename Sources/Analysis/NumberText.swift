import Foundation

/// How numbers read in reasons, notes and check details: whole numbers exactly (an exact counter
/// must show every digit), others with four significant digits.
enum NumberText {
    static func short(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return String(format: "%.4g", v)
    }
}

import BenchFormats
import Foundation

/// JUnit XML of the test outcomes: one `testcase` per test (its attempts summed into `time`); a
/// test failing every attempt has a `failure` with its last message; a flaky one passes and says
/// so in `system-out`, because CI test reporters have no flaky state of their own.
enum JUnitExport {
    static func xml(_ doc: ResultsDocument, attempts: [OutcomeRecord]) -> String {
        let failures = doc.outcomes.filter { $0.status == .fail }.count
        let total = attempts.reduce(0) { $0 + $1.durationMS } / 1000
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="meshbench" tests="\#(doc.outcomes.count)" failures="\#(failures)" time="\#(seconds(total))">"#,
            #"  <testsuite name="\#(escape("meshbench tier \(doc.run.tier)"))" tests="\#(doc.outcomes.count)" failures="\#(failures)" time="\#(seconds(total))" timestamp="\#(ISO8601.format(doc.run.startedAt))">"#,
        ]
        for o in doc.outcomes {
            let tries = attempts.filter { $0.test == o.test }.sorted { $0.attempt < $1.attempt }
            let time = tries.reduce(0) { $0 + $1.durationMS } / 1000
            let open =
                #"    <testcase classname="\#(escape("tier\(o.tier)"))" name="\#(escape(o.test))" time="\#(seconds(time))""#
            if o.status == .fail {
                let message = tries.last?.message ?? ""
                lines.append(open + ">")
                lines.append(
                    #"      <failure message="\#(escape(message))">failed all \#(o.attempts) attempt(s)</failure>"#)
                lines.append("    </testcase>")
            } else if o.flaky {
                let failed = tries.filter { $0.status == .fail }
                lines.append(open + ">")
                lines.append(
                    "      <system-out>\(escape("flaky: failed \(failed.count) of \(o.attempts) attempts, then passed; first failure: \(failed.first?.message ?? "")"))</system-out>"
                )
                lines.append("    </testcase>")
            } else {
                lines.append(open + "/>")
            }
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n")
    }

    static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

    /// XML attribute/text escaping; control characters XML 1.0 cannot hold become spaces.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar.value < 0x20 ? " " : scalar)
            }
        }
        return out
    }
}

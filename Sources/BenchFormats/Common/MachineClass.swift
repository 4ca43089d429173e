/// The class of machine a run was measured on: what its timings depend on. Timings are compared
/// only between runs of one class; exact counters count work and are compared on any machine.
///
/// The class is derived from the host fields of the run header alone (so samples from other
/// harnesses, which fill those fields, get a class too): CPU model, logical CPUs, memory rounded
/// to whole GiB, OS name and major version, Swift minor version. The kernel release (and the OS
/// point release) is left out: hosted runners and VMs change it from week to week, it is shown
/// and a difference is noted, but it does not block a comparison.
public struct MachineClass: Hashable, Sendable, CustomStringConvertible {
    public var cpuModel: String
    public var cpus: Int
    public var memoryGiB: Int
    /// OS name and major version, e.g. "Debian GNU/Linux 12" or "Ubuntu 24".
    public var os: String
    /// Swift major.minor, e.g. "6.3".
    public var swift: String

    public init(_ host: HostInfo) {
        cpuModel = host.cpuModel
        cpus = host.cpus
        // Rounded to whole GiB (as the fingerprint does) so a few MiB the kernel reserves do not change it.
        memoryGiB = host.memoryMB / 1024 + (host.memoryMB % 1024 >= 512 ? 1 : 0)
        os = Self.osNameAndMajor(HostInfo.splitKernel(host.os).os)
        swift = Self.minorVersion(host.swift)
    }

    /// "AMD EPYC, 2 CPUs, 24 GiB, Debian GNU/Linux 12, Swift 6.3".
    public var description: String {
        "\(cpuModel), \(cpus) CPU\(cpus == 1 ? "" : "s"), \(memoryGiB) GiB, \(os), Swift \(swift)"
    }

    /// The OS name and the first number of its version: "Debian GNU/Linux 12 (bookworm)" →
    /// "Debian GNU/Linux 12", "Ubuntu 24.04.1 LTS" → "Ubuntu 24". Parenthesised parts are dropped;
    /// an OS string without a version number is kept whole.
    static func osNameAndMajor(_ os: String) -> String {
        var words: [Substring] = []
        var depth = 0
        for word in os.split(separator: " ") {
            if word.hasPrefix("(") { depth += 1 }
            if depth == 0 { words.append(word) }
            if word.hasSuffix(")") { depth = max(0, depth - 1) }
        }
        guard let v = words.firstIndex(where: { $0.first?.isNumber == true }) else {
            return words.joined(separator: " ")
        }
        let major = words[v].prefix { $0.isNumber }
        return (words[..<v].map(String.init) + [String(major)]).joined(separator: " ")
    }

    /// "6.3.1" → "6.3"; "6.4+" and "6.3" stay as they are.
    static func minorVersion(_ version: String) -> String {
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count > 2 ? parts.prefix(2).joined(separator: ".") : version
    }
}

extension HostInfo {
    /// The machine class whose timings this run's can be compared with.
    public var machineClass: MachineClass { MachineClass(self) }

    /// The kernel release, when `os` records one (bench writes "PRETTY_NAME, kernel RELEASE").
    public var kernel: String? { Self.splitKernel(os).kernel }

    /// Splits bench's "PRETTY_NAME, kernel RELEASE" into its two parts.
    static func splitKernel(_ os: String) -> (os: String, kernel: String?) {
        guard let range = os.range(of: ", kernel ", options: .backwards) else { return (os, nil) }
        return (String(os[..<range.lowerBound]), String(os[range.upperBound...]))
    }
}

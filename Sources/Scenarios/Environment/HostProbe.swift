import BenchFormats
import Foundation
import Hashing
import ProcFS

/// Describes the machine a run is measured on. The fingerprint hashes what makes timings
/// comparable (CPU model, core count, memory, OS, Swift version) so `analyze` refuses to compare
/// a run with a baseline from a different machine instead of reporting a bogus regression.
public enum HostProbe {
    public static func current() -> HostInfo {
        let cpuModel = ProcFS.cpuModel() ?? "unknown CPU"
        let cpus = ProcessInfo.processInfo.activeProcessorCount
        let memoryMB = Int(ProcessInfo.processInfo.physicalMemory / 1_048_576)
        let os = operatingSystem()
        let swift = swiftVersion
        // Memory is rounded to whole GiB so small reservations by the kernel do not change the identity.
        let identity = [cpuModel, String(cpus), String((memoryMB + 512) / 1024), os, swift].joined(separator: "|")
        let digest = SHA256.hash(Array(identity.utf8))
        let fingerprint = digest.bytes.prefix(8).map { String(format: "%02x", $0) }.joined()
        return HostInfo(
            fingerprint: fingerprint, cpuModel: cpuModel, cpus: cpus, memoryMB: memoryMB,
            os: os, swift: swift)
    }

    /// The compiler that built this binary: the toolchain is part of what a timing depends on.
    static var swiftVersion: String {
        #if compiler(>=6.4)
        return "6.4+"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    static func operatingSystem() -> String {
        var pretty = "Linux"
        // A label for the report: a system without a readable os-release is called "Linux".
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
                pretty = String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
            }
        }
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return release.isEmpty ? pretty : "\(pretty), kernel \(release)"
    }
}

import Foundation

/// Removes what an earlier namespace run left when it was killed before it could clean up:
/// namespaces and links named `mbnx<pid>…` whose process is gone. Processes still running in
/// such a namespace are killed first. Names of a live process (another run) are left alone.
enum NamespaceLeftovers {
    /// Returns the names removed.
    @discardableResult
    static func remove(ip: IPTool, isAlive: (Int32) -> Bool = NamespaceLeftovers.isAlive) throws -> [String] {
        var removed: [String] = []
        let namespaces = try ip.run(["netns", "list"]).split(separator: "\n").compactMap {
            $0.split(separator: " ").first.map(String.init)
        }
        for name in namespaces {
            guard let owner = NamespaceNames.owner(of: name), !isAlive(owner) else { continue }
            killProcesses(in: name, ip: ip)
            // Reported by what it removed; what could not be deleted is tried again next run.
            if (try? ip.run(["netns", "delete", name])) != nil { removed.append(name) }
        }
        // `N: name@peer: <…>` per line; a bridge outlives its namespaces, and so does a host end
        // whose namespace was deleted by hand.
        let links = try ip.run(["-o", "link", "show"]).split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: ":", maxSplits: 2)
            guard fields.count >= 2 else { return nil }
            return String(fields[1].trimmingCharacters(in: .whitespaces).split(separator: "@").first ?? "")
        }
        for name in links {
            guard let owner = NamespaceNames.owner(of: name), !isAlive(owner) else { continue }
            if (try? ip.run(["link", "delete", name])) != nil { removed.append(name) }  // as above
        }
        return removed
    }

    /// SIGKILLs every process in namespace `name` (`ip netns pids`).
    static func killProcesses(in name: String, ip: IPTool) {
        // A namespace already gone has no processes to kill.
        let pids = ((try? ip.run(["netns", "pids", name])) ?? "").split(separator: "\n").compactMap { Int32($0) }
        for pid in pids { kill(pid, SIGKILL) }
    }

    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

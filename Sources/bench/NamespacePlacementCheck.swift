import Scenarios

/// Scenarios that place nodes in network namespaces need root. Named with `--scenario`, their
/// absence of root is a usage error (exit 2); chosen by a tier, they are left out with a note,
/// so `bench --tier 3` still runs the rest as an ordinary user.
enum NamespacePlacementCheck {
    static func admit(_ selected: [Scenario], named: [String], note: (String) -> Void) throws -> [Scenario] {
        let needsRoot = selected.filter { $0 is NamespaceMeshScenario }
        guard !needsRoot.isEmpty else { return selected }
        do {
            try NamespaceMesh.checkPrivileges()
            return selected
        } catch {
            if let named = needsRoot.first(where: { named.contains($0.name) }) {
                throw UsageError("\(named.name): \(error)")
            }
            note("left out \(needsRoot.map(\.name).joined(separator: ", ")): \(error)")
            return selected.filter { !($0 is NamespaceMeshScenario) }
        }
    }
}

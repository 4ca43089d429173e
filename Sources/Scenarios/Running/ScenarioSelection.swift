import NostrClient

/// Which scenarios a run executes: a tier's and the named ones, in that order without repeats.
/// Names were checked against the catalog by `bench`; what only the run can know (how many
/// relays were given, whether namespaces may be created) is decided here.
public enum ScenarioSelection {
    /// The mesh scenarios, or with `targets` the external ones the number of relays allows.
    public static func scenarios(
        tier: Int?, names: [String], targets: RelayTargets?
    ) throws(RunSetupError)
        -> [Scenario]
    {
        if let targets { return try external(tier: tier, names: names, relays: targets.relays.count) }
        var chosen = tier.map(ScenarioCatalog.scenarios(inTier:)) ?? []
        for name in names where !chosen.contains(where: { $0.name == name }) {
            if let scenario = ScenarioCatalog.scenario(named: name) { chosen.append(scenario) }
        }
        return chosen
    }

    /// A tier's external scenarios that `relays` allows, plus those named (which must be allowed).
    static func external(tier: Int?, names: [String], relays: Int) throws(RunSetupError) -> [Scenario] {
        var chosen: [Scenario] = tier.map { ScenarioCatalog.external(inTier: $0, relays: relays) } ?? []
        for name in names where !chosen.contains(where: { $0.name == name }) {
            guard let scenario = ScenarioCatalog.externalScenario(named: name) else { continue }
            guard relays >= scenario.minimumTargets else {
                throw .tooFewRelays(scenario: name, needed: scenario.minimumTargets, given: relays)
            }
            chosen.append(scenario)
        }
        if chosen.isEmpty, let tier {
            throw .noExternalScenario(tier: tier, externalTiers: Set(ScenarioCatalog.external.map(\.tier)).sorted())
        }
        return chosen
    }

    /// Scenarios that place nodes in network namespaces need root. Named with `--scenario`, their
    /// lack of it is an error; chosen by a tier, they are left out with a note, so `bench --tier 3`
    /// still runs the rest as an ordinary user. `privileges` throws when namespaces cannot be made.
    public static func admitNamespaceScenarios(
        _ selected: [Scenario], named: [String], note: (String) -> Void,
        privileges: () throws -> Void = NamespaceMesh.checkPrivileges
    ) throws(RunSetupError) -> [Scenario] {
        let needsRoot = selected.filter { $0 is NamespaceMeshScenario }
        guard !needsRoot.isEmpty else { return selected }
        do {
            try privileges()
            return selected
        } catch {
            if let scenario = needsRoot.first(where: { named.contains($0.name) }) {
                throw .needsPrivileges(scenario: scenario.name, reason: "\(error)")
            }
            note("left out \(needsRoot.map(\.name).joined(separator: ", ")): \(error)")
            return selected.filter { !($0 is NamespaceMeshScenario) }
        }
    }
}

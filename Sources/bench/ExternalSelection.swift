import ArgumentParser
import NostrClient
import Scenarios

/// `--target` / `--targets`: which relays an external run measures and which scenarios it runs.
/// Mistakes are usage errors (exit 2) that name the flag and the fix.
enum ExternalSelection {
    static func validate(scenarios names: [String], urls: [String], file: String?, processPerNode: Bool) throws {
        let external = !urls.isEmpty || file != nil
        if !urls.isEmpty && file != nil {
            throw ValidationError("give relays either with --target (repeatable) or with --targets FILE, not both")
        }
        if external && processPerNode {
            throw ValidationError(
                "--process-per-node builds a mesh; with --target bench measures relays that are already running")
        }
        for name in names {
            let isExternal = ScenarioCatalog.externalScenario(named: name) != nil
            if isExternal && !external {
                throw ValidationError(
                    "\(name) measures relays from outside: give them with --target ws://HOST:PORT or --targets FILE")
            }
            if !isExternal && external {
                throw ValidationError(
                    "\(name) builds its own mesh; with --target only the external scenarios run: \(ScenarioCatalog.external.map(\.name).joined(separator: ", "))"
                )
            }
        }
    }

    /// The relays, or nil for a mesh run.
    static func targets(urls: [String], file: String?) throws -> RelayTargets? {
        do {
            if let file { return try RelayTargets.load(path: file) }
            return urls.isEmpty ? nil : try RelayTargets(urls: urls)
        } catch {
            throw UsageError(error.description)
        }
    }

    /// A tier's external scenarios that the number of relays allows, plus those named.
    static func scenarios(tier: Int?, names: [String], targets: RelayTargets) throws -> [Scenario] {
        var chosen: [Scenario] = tier.map { ScenarioCatalog.external(inTier: $0, relays: targets.relays.count) } ?? []
        for name in names where !chosen.contains(where: { $0.name == name }) {
            guard let scenario = ScenarioCatalog.externalScenario(named: name) else { continue }
            guard targets.relays.count >= scenario.minimumTargets else {
                throw UsageError(
                    "\(name) needs at least \(scenario.minimumTargets) relays; \(targets.relays.count) given (repeat --target or use --targets FILE)"
                )
            }
            chosen.append(scenario)
        }
        if chosen.isEmpty, let tier {
            throw UsageError(
                "tier \(tier) has no external scenario; external tiers: \(Set(ScenarioCatalog.external.map(\.tier)).sorted().map(String.init).joined(separator: ", ")) (bench --list)"
            )
        }
        return chosen
    }

    /// Connects to every relay once and reads its NIP-11 document; an unreachable relay is exit 2.
    static func identify(_ targets: RelayTargets?, timeoutMultiplier: Double) async throws -> [RelayPreflight.Identity]?
    {
        guard let targets else { return nil }
        do {
            return try await RelayPreflight.identify(targets, timeout: 5 * timeoutMultiplier)
        } catch let error as RelayConnectError {
            throw UsageError(error.description)
        }
    }
}

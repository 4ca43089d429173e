import ArgumentParser
import NostrClient
import Scenarios

/// `--target` / `--targets`: which relays an external run measures, and which scenarios may go
/// with them. Mistakes are usage errors (exit 2) that name the flag and the fix.
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

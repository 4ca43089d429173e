/// Why a `bench` run could not be put together or its outputs written: each message names the
/// flag, file or scenario and the fix (exit code 2).
public enum RunSetupError: Error, CustomStringConvertible, Equatable {
    case samplesNotWritable(reason: String)
    case dumpNotCreatable(path: String)
    case dumpNotWritten(path: String, reason: String)
    case tooFewRelays(scenario: String, needed: Int, given: Int)
    case noExternalScenario(tier: Int, externalTiers: [Int])
    /// A scenario named with `--scenario` places nodes in network namespaces and this process
    /// may not create them.
    case needsPrivileges(scenario: String, reason: String)

    public var description: String {
        switch self {
        case .samplesNotWritable(let reason):
            return reason
        case .dumpNotCreatable(let path):
            return "cannot create --dump-events file \(path): check that its folder exists and is writable"
        case .dumpNotWritten(let path, let reason):
            return "--dump-events file \(path) is incomplete: \(reason)"
        case .tooFewRelays(let scenario, let needed, let given):
            return
                "\(scenario) needs at least \(needed) relays; \(given) given (repeat --target or use --targets FILE)"
        case .noExternalScenario(let tier, let externalTiers):
            return
                "tier \(tier) has no external scenario; external tiers: \(externalTiers.map(String.init).joined(separator: ", ")) (bench --list)"
        case .needsPrivileges(let scenario, let reason):
            return "\(scenario): \(reason)"
        }
    }
}

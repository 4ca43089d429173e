/// A scenario that measures relays from outside, over NIP-01 only (`bench --target`): it needs
/// `settings.targets` and never builds a mesh of its own.
public protocol ExternalScenario: Scenario {
    /// Relays the scenario needs; with fewer it is left out of its tier and refused by name.
    var minimumTargets: Int { get }
}

extension ExternalScenario {
    public var minimumTargets: Int { 1 }
}

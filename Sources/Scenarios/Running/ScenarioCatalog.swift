/// Every scenario `bench` knows, by stable name, and the tiers they belong to.
public enum ScenarioCatalog {
    public static let all: [Scenario] = [
        PropagationScenario(),
        PaymentScenario(),
        DeduplicationScenario(),
        PropagationSuiteScenario.five,
        PropagationSuiteScenario.ten,
        FiveHopScenario(),
        EconomicFlowScenario(),
        ThroughputScenario.single,
        ThroughputScenario.network,
        BurstScenario.short,
        ScalabilityScenario.size(25, events: 200, duration: 20),
        ScalabilityScenario.size(50, events: 100, duration: 20),
        ScalabilityScenario.size(100, events: 50, duration: 20),
        StressScenario(),
        ThroughputScenario.networkLong,
        BurstScenario.long,
        ResourceSoakScenario(),
    ]

    public static let tiers: [Int] = Array(Set(all.map(\.tier))).sorted()

    public static func scenarios(inTier tier: Int) -> [Scenario] { all.filter { $0.tier == tier } }

    public static func scenario(named name: String) -> Scenario? { all.first { $0.name == name } }
}

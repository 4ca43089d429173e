/// Every scenario `bench` knows, by stable name, and the tiers they belong to.
public enum ScenarioCatalog {
    public static let all: [Scenario] = [
        PropagationScenario(),
        PaymentScenario(),
        DeduplicationScenario(),
    ]

    public static let tiers: [Int] = Array(Set(all.map(\.tier))).sorted()

    public static func scenarios(inTier tier: Int) -> [Scenario] { all.filter { $0.tier == tier } }

    public static func scenario(named name: String) -> Scenario? { all.first { $0.name == name } }
}

/// Every scenario `bench` knows, by stable name, and the tiers they belong to. Mesh scenarios
/// build the mesh they measure; external ones measure the relays given with `--target`, and a
/// tier selects from one family or the other.
public enum ScenarioCatalog {
    public static let mesh: [Scenario] = [
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
        ScalabilityScenario.size(25, events: 200, stepSeconds: 3),
        ScalabilityScenario.size(50, events: 100, stepSeconds: 3),
        ScalabilityScenario.size(100, events: 50, stepSeconds: 3),
        StressScenario(),
        ThroughputScenario.networkLong,
        BurstScenario.long,
        ResourceSoakScenario(),
        NamespaceMeshScenario(),
    ]

    public static let external: [ExternalScenario] = [
        PublishScenario(),
        FanOutScenario(),
        QueryScenario.small,
        RelayPropagationScenario(),
        IngestScenario(),
        MeshIngestScenario(),
        QueryScenario.large,
    ]

    public static let all: [Scenario] = mesh + external.map { $0 as Scenario }

    public static let tiers: [Int] = Array(Set(all.map(\.tier))).sorted()

    /// The mesh scenarios of a tier.
    public static func scenarios(inTier tier: Int) -> [Scenario] { mesh.filter { $0.tier == tier } }

    /// The external scenarios of a tier that `relays` targets are enough for.
    public static func external(inTier tier: Int, relays: Int) -> [ExternalScenario] {
        external.filter { $0.tier == tier && $0.minimumTargets <= relays }
    }

    public static func externalScenario(named name: String) -> ExternalScenario? { external.first { $0.name == name } }

    public static func scenario(named name: String) -> Scenario? { all.first { $0.name == name } }
}

import Mesh

/// Each scenario's default sizes, replaced by the command line's overrides where given.
extension BenchSettings {
    func nodes(default value: Int) -> Int { overrides.nodes ?? value }
    func duration(default value: Double) -> Double { overrides.duration ?? value }
    func rate(default value: Double) -> Double { overrides.rate ?? value }
    func events(default value: Int) -> Int { overrides.events ?? value }

    /// The mesh of a scalability-style scenario: `--topology` (default random k-regular) with
    /// `--degree` (default: the family's), seeded by the run seed so a rerun builds the same graph.
    func meshTopology(nodes: Int, family defaultFamily: TopologyFamily = .randomRegular) throws -> Topology {
        let family = overrides.topology ?? defaultFamily
        return try family.build(
            nodes: nodes, degree: overrides.degree ?? family.defaultDegree(nodes: nodes), seed: seed)
    }

    /// The node config of measurement meshes. The TTL covers the longest simple path (n − 1 hops),
    /// so no event is ever cut short — first copies taking a long path under load would otherwise
    /// stop some forwards and make work per event depend on timing — and every TTL an event
    /// carries has the same number of digits, so bytes per event are exact too (the TTL is JSON
    /// text in the BTP-NIPs packet). TTL behaviour itself is checked on a line with the default.
    func measurementNode(nodes: Int) -> NodeConfig {
        var node = NodeConfig()
        let longest = nodes - 1
        switch longest {
        case ...9: node.ttl = max(node.ttl, longest)
        case ...89: node.ttl = 10 + longest
        default: node.ttl = 100 + longest
        }
        return node
    }

    /// A timeout in nanoseconds, scaled for CI.
    /// Scenarios' own timeouts (constants up to minutes) times a multiplier of 1 or 2 (CI): far
    /// inside UInt64 nanoseconds, as are the durations ScenarioOverrides.validate bounds.
    func timeoutNanoseconds(_ seconds: Double) -> UInt64 { UInt64(timeout(seconds) * 1e9) }
}

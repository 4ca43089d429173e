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
        return try family.build(nodes: nodes, degree: overrides.degree ?? family.defaultDegree(nodes: nodes), seed: seed)
    }

    /// The node config of measurement meshes: TTL n − 1, the longest simple path, so no event is
    /// ever cut short (first arrivals over a long path under load would otherwise stop some
    /// forwards and make work per event depend on timing). TTL itself is checked separately.
    func measurementNode(nodes: Int) -> NodeConfig {
        var node = NodeConfig()
        node.ttl = max(node.ttl, nodes - 1)
        return node
    }

    /// A timeout in nanoseconds, scaled for CI.
    func timeoutNanoseconds(_ seconds: Double) -> UInt64 { UInt64(timeout(seconds) * 1e9) }
}

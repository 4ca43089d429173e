extension Duration {
    /// Milliseconds as a Double, to the attosecond: the unit every latency sample is written in.
    var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}

import BenchFormats

/// Timings of relays measured from outside (`bench --target`) say something about the software
/// that served them, so they are compared only with a baseline that measured the same software
/// at the same version (from the relays' NIP-11 documents), unless `--compare-any-relay` says
/// otherwise. Runs of our own mesh (no targets) compare with baselines of our own mesh. Where
/// the nodes ran is judged per scenario (`PlacementComparability`).
public enum RelaySoftwareComparability {
    /// Nil when the two runs measured comparable relays; otherwise why they did not, in words.
    public static func mismatch(run: RunHeader, baseline: RunHeader) -> String? {
        let measured = run.measuredRelays
        let before = baseline.measuredRelays
        switch (measured.isEmpty, before.isEmpty) {
        case (true, true):
            return nil
        case (false, true):
            return "this run measured external relays (\(identities(measured))), the baseline our own mesh"
        case (true, false):
            return "this run measured our own mesh, the baseline external relays (\(identities(before)))"
        case (false, false):
            let unknown = (measured + before).filter { $0.software == nil || $0.version == nil }
            if let relay = unknown.first {
                return
                    "\(relay.url) served no software and version in NIP-11, so it cannot be told whether the same relay was measured"
            }
            guard identities(measured) == identities(before) else {
                return "the baseline measured \(identities(before)), this run \(identities(measured))"
            }
            return nil
        }
    }

    /// The distinct software and versions, sorted, as one phrase.
    private static func identities(_ relays: [MeasuredRelay]) -> String {
        Set(relays.map(\.identity)).sorted().joined(separator: " and ")
    }
}

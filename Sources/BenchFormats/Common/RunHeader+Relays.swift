/// A relay an external run measured, as `bench --target` recorded it in `run.config.targets`:
/// its label, address, and what its NIP-11 document said it is.
public struct MeasuredRelay: Hashable, Sendable {
    public var label: String
    public var url: String
    public var name: String?
    public var software: String?
    public var version: String?

    public init(label: String, url: String, name: String? = nil, software: String? = nil, version: String? = nil) {
        self.label = label
        self.url = url
        self.name = name
        self.software = software
        self.version = version
    }

    /// "software version", or what is known of it.
    public var identity: String {
        "\(software ?? "unknown software (no NIP-11 document)") \(version.map { "version \($0)" } ?? "(no version given)")"
    }
}

extension RunHeader {
    /// The relays of an external run (`bench --target`), in order; empty for a mesh run.
    public var measuredRelays: [MeasuredRelay] {
        guard case let .array(targets)? = config["targets"] else { return [] }
        return targets.compactMap { target in
            guard case let .object(fields) = target, case let .string(url)? = fields["url"] else { return nil }
            var relay = MeasuredRelay(label: "", url: url)
            if case let .string(label)? = fields["label"] { relay.label = label }
            if case let .object(nip11)? = fields["nip11"] {
                if case let .string(name)? = nip11["name"] { relay.name = name }
                if case let .string(software)? = nip11["software"] { relay.software = software }
                if case let .string(version)? = nip11["version"] { relay.version = version }
            }
            return relay
        }
    }
}

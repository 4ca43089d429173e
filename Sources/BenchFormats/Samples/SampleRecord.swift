/// One line of a `meshbench.samples/1` file. In JSON each record is an object tagged by `"type"`
/// whose other keys are the fields of the payload.
public enum SampleRecord: Codable, Hashable, Sendable {
    case run(RunRecord)
    case samples(SamplesBlock)
    case series(Series)
    case counter(CounterRecord)
    case outcome(OutcomeRecord)
    case end(EndRecord)

    /// The `"type"` tag of each record kind.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case run, samples, series, counter, outcome, end
    }

    public var kind: Kind {
        switch self {
        case .run: .run
        case .samples: .samples
        case .series: .series
        case .counter: .counter
        case .outcome: .outcome
        case .end: .end
        }
    }

    enum CodingKeys: String, CodingKey { case type }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .type) {
        case .run: self = .run(try RunRecord(from: decoder))
        case .samples: self = .samples(try SamplesBlock(from: decoder))
        case .series: self = .series(try Series(from: decoder))
        case .counter: self = .counter(try CounterRecord(from: decoder))
        case .outcome: self = .outcome(try OutcomeRecord(from: decoder))
        case .end: self = .end(try EndRecord(from: decoder))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .type)
        switch self {
        case .run(let r): try r.encode(to: encoder)
        case .samples(let r): try r.encode(to: encoder)
        case .series(let r): try r.encode(to: encoder)
        case .counter(let r): try r.encode(to: encoder)
        case .outcome(let r): try r.encode(to: encoder)
        case .end(let r): try r.encode(to: encoder)
        }
    }
}

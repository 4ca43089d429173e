/// Seeded random mutations of byte strings, in the manner of libFuzzer's mutators (bit flips,
/// byte sets, inserts, erases, copies, boundary values, splices, truncation), for fuzz targets
/// run where libFuzzer is not: the same seed gives the same inputs on every machine, so a crash
/// found in CI is reproduced by its seed and index. No coverage feedback: the seeds must already
/// reach the code under test, and the mutations explore around them.
public struct ByteMutator<Random: RandomNumberGenerator> {
    public let seeds: [[UInt8]]
    public let maximumLength: Int
    private var random: Random

    /// Values at the edges of the fields a frame parser reads (7/16/64-bit lengths, flags).
    private static var boundaryBytes: [UInt8] { [0x00, 0x01, 0x7D, 0x7E, 0x7F, 0x80, 0x81, 0xFE, 0xFF] }

    public init(seeds: [[UInt8]], maximumLength: Int, random: Random) {
        precondition(!seeds.isEmpty, "a mutator needs at least one seed input")
        self.seeds = seeds
        self.maximumLength = maximumLength
        self.random = random
    }

    /// One input: a seed picked at random with one to eight stacked mutations.
    public mutating func next() -> [UInt8] {
        var input = seeds[index(below: seeds.count)]
        for _ in 0...index(below: 8) { mutate(&input) }
        return Array(input.prefix(maximumLength))
    }

    private mutating func mutate(_ input: inout [UInt8]) {
        guard !input.isEmpty else { input = randomBytes(1 + index(below: 16)); return }
        let at = index(below: input.count)
        switch index(below: 9) {
        case 0: input[at] ^= 1 << UInt8(index(below: 8))
        case 1: input[at] = UInt8.random(in: .min ... .max, using: &random)
        case 2: input.insert(contentsOf: randomBytes(1 + index(below: 8)), at: at)
        case 3: input.removeSubrange(at..<min(input.count, at + 1 + index(below: 16)))
        case 4:
            let from = index(below: input.count)
            let piece = input[from..<min(input.count, from + 1 + index(below: 64))]
            input.insert(contentsOf: piece, at: at)
        case 5: input[at] = Self.boundaryBytes[index(below: Self.boundaryBytes.count)]
        case 6:
            let other = seeds[index(below: seeds.count)]
            input = Array(input[..<at]) + other[index(below: other.count + 1)...]
        case 7: input.removeSubrange(at...)
        default:
            // A big-endian 16-bit boundary value, as in a WebSocket extended length.
            let value: [UInt8] = [[0x00, 0x7E], [0xFF, 0xFF], [0x80, 0x00], [0x00, 0x00]][index(below: 4)]
            input.replaceSubrange(at..<min(input.count, at + 2), with: value)
        }
    }

    private mutating func randomBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &random) }
    }

    private mutating func index(below bound: Int) -> Int {
        Int.random(in: 0..<bound, using: &random)
    }
}

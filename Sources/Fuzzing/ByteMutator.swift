import SeededRandom

/// MeshBench's one byte mutator: seeded random edits of valid inputs in the manner of libFuzzer's
/// mutators, for the fuzz targets where libFuzzer does not run. Each input is a seed with one to
/// four stacked edits: bit flips, byte changes, boundary values (7/16/64-bit lengths, OER length
/// prefixes), insertions and deletions, repeated chunks, splices with another seed, truncation,
/// and tokens that have broken readers before (huge and non-finite numbers, empty arrays, deep
/// nesting, gzip magic, bidi controls). No coverage feedback: the seeds must already reach the
/// code under test, and the edits explore around them. The same seed gives the same inputs on
/// every machine (`SplitMix64`), so a finding is replayed by its seed and index.
public struct ByteMutator: Sendable {
    public let seeds: [[UInt8]]
    public let maximumLength: Int
    private var random: SplitMix64

    public init(seeds: [[UInt8]], maximumLength: Int, seed: UInt64) {
        precondition(!seeds.isEmpty, "a mutator needs at least one seed input")
        self.seeds = seeds
        self.maximumLength = maximumLength
        random = SplitMix64(seed: seed)
    }

    /// The next input: a seed picked at random with one to four stacked edits.
    public mutating func next() -> [UInt8] {
        var input = seeds[below(seeds.count)]
        for _ in 0...below(4) { mutate(&input) }
        if input.count > maximumLength { input.removeLast(input.count - maximumLength) }
        return input
    }

    private mutating func mutate(_ input: inout [UInt8]) {
        guard !input.isEmpty else { input = randomBytes(1 + below(16)); return }
        let at = below(input.count)
        switch below(12) {
        case 0: input[at] ^= 1 << UInt8(below(8))
        case 1: input[at] = UInt8(truncatingIfNeeded: random.next())
        case 2: input[at] = Self.boundaryBytes[below(Self.boundaryBytes.count)]
        case 3:
            input.replaceSubrange(
                at..<min(input.count, at + 2), with: Self.boundaryPairs[below(Self.boundaryPairs.count)])
        case 4: input.replaceSubrange(at...at, with: Self.lengthPrefixes[below(Self.lengthPrefixes.count)])
        case 5: input.insert(contentsOf: randomBytes(1 + below(8)), at: at)
        case 6: input.removeSubrange(at..<min(input.count, at + 1 + below(16)))
        case 7:
            // A chunk repeated up to eight times: long arrays, deep nesting, big frames.
            let from = below(input.count)
            let chunk = Array(input[from..<min(input.count, from + 1 + below(64))])
            for _ in 0...below(8) where input.count + chunk.count <= maximumLength {
                input.insert(contentsOf: chunk, at: at)
            }
        case 8:
            let other = seeds[below(seeds.count)]
            let from = below(other.count + 1)
            input.insert(contentsOf: other[from..<min(other.count, from + below(256))], at: at)
        case 9: input.removeSubrange(at...)
        case 10: input.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: at)
        default:
            // A number replaced by a token, where the numbers of a JSON document live.
            guard let digit = input[at...].firstIndex(where: Self.isDigit) else { return }
            let end = input[digit...].firstIndex { !Self.isDigit($0) && $0 != 0x2E } ?? input.count
            input.replaceSubrange(digit..<end, with: Self.tokens[below(Self.numberTokens)])
        }
    }

    /// Values at the edges of the fields a frame or OER parser reads (lengths, flags, opcodes).
    private static let boundaryBytes: [UInt8] = [0x00, 0x01, 0x7D, 0x7E, 0x7F, 0x80, 0x81, 0xFE, 0xFF]
    /// Big-endian 16-bit edges, as in a WebSocket extended length.
    private static let boundaryPairs: [[UInt8]] = [[0x00, 0x7E], [0xFF, 0xFF], [0x80, 0x00], [0x00, 0x00]]
    /// OER length prefixes: long forms with large or non-canonical lengths, and short-form edges.
    private static let lengthPrefixes: [[UInt8]] = [
        [0x84, 0xFF, 0xFF, 0xFF, 0xFF], [0x82, 0x7F, 0xFF], [0x81, 0x05], [0x80], [0x89], [0x7F], [0x00],
    ]
    /// The first `numberTokens` stand in for numbers; the rest are inserted anywhere.
    private static let numberTokens = 9
    private static let tokens: [[UInt8]] =
        [
            "1e308", "-1e308", "1e309", "-1", "0", "-0", "1e300", "9223372036854775808", "18446744073709551616",
            "NaN", "Infinity", "[]", "{}", "null", "\"\"", "[[[[[[[[[[[[[[[[", "]]]]]]]]", "\\u0000", "\\ud800",
            "\"values\":[]", "\"hops\":[1e300]", "\n", "\r\n", "\u{202E}", "\u{200B}", "\u{1F}",
        ].map { Array($0.utf8) } + [
            [0x1F, 0x8B, 0x08, 0x00], [0xFF, 0xFF, 0xFF, 0xFF], [0x80], [0xC0, 0x80], [0x00, 0x00, 0x00, 0x00],
        ]

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private mutating func randomBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// Cheap rather than exact: modulo bias does not matter for fuzzing, speed does.
    private mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(random.next() % UInt64(bound)) }
}

import SeededRandom

/// A seeded byte mutator in the manner of libFuzzer's: each input is a seed with a few random
/// edits (bit flips, byte changes, insertions and deletions, repeated chunks, splices with
/// another seed, and tokens that have broken readers before: huge and non-finite numbers, empty
/// arrays, deep nesting, stray gzip magic). The same seed always yields the same inputs, so a
/// crash can be replayed with `--seed` and `--skip`.
struct Mutator {
    private var random: SplitMix64
    let seeds: [[UInt8]]
    let maxLength: Int

    static let tokens: [[UInt8]] =
        [
            "1e308", "-1e308", "1e309", "-1", "0", "-0", "1e300", "9223372036854775808", "18446744073709551616",
            "NaN", "Infinity", "[]", "{}", "null", "\"\"", "[[[[[[[[[[[[[[[[", "]]]]]]]]", "\\u0000", "\\ud800",
            "\"values\":[]", "\"hops\":[1e300]", "\n", "\r\n", "\u{202E}", "\u{1F}", "\u{FF}",
        ].map { Array($0.utf8) } + [
            [0x1F, 0x8B, 0x08, 0x00], [0xFF, 0xFF, 0xFF, 0xFF], [0x80], [0x00, 0x00, 0x00, 0x00],
        ]

    init(seed: UInt64, seeds: [[UInt8]], maxLength: Int = 16_384) {
        random = SplitMix64(seed: seed)
        self.seeds = seeds
        self.maxLength = maxLength
    }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    mutating func input() -> [UInt8] {
        var bytes = seeds[below(seeds.count)]
        for _ in 0...below(4) { mutate(&bytes) }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = below(bytes.count + 1)
        switch below(8) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1) << UInt8(below(8))
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
        case 2:
            bytes.insert(UInt8(truncatingIfNeeded: next()), at: position)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + below(16))
            bytes.removeSubrange(min(position, bytes.count - 1)..<end)
        case 4:
            bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: position)
        case 5 where !bytes.isEmpty:
            let start = below(bytes.count)
            let chunk = Array(bytes[start..<min(bytes.count, start + 1 + below(64))])
            for _ in 0...below(8) where bytes.count + chunk.count <= maxLength {
                bytes.insert(contentsOf: chunk, at: position)
            }
        case 6:
            let other = seeds[below(seeds.count)]
            let start = below(other.count + 1)
            bytes.insert(contentsOf: other[start..<min(other.count, start + below(256))], at: position)
        default:
            // Replace a run of digits with a token, where numbers live.
            if let digit = bytes[position...].firstIndex(where: { (0x30...0x39).contains($0) }) {
                let end = bytes[digit...].firstIndex { !(0x30...0x39).contains($0) && $0 != 0x2E } ?? bytes.count
                bytes.replaceSubrange(digit..<end, with: Self.tokens[below(9)])
            }
        }
    }
}

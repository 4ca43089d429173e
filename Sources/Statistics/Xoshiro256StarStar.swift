import SeededRandom

/// xoshiro256** 1.0 (Blackman & Vigna 2018, reference `xoshiro256starstar.c`): the seeded PRNG
/// behind bootstrap resampling and permutation tests, chosen because it is fast, statistically
/// strong, and trivially reimplemented elsewhere (the tests check it against a Python copy).
///
/// Seeding: the four state words are the first four outputs of `SplitMix64(seed:)`.
/// Bounded integers: Lemire's multiply-shift with rejection ("Fast random integer generation in
/// an interval", 2019), which is unbiased and needs a division only on rare rejections.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Seeds from a single 64-bit value through SplitMix64.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        state = (expander.next(), expander.next(), expander.next(), expander.next())
    }

    /// Starts from an explicit state (must not be all zero, which is a fixed point).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) throws {
        guard state != (0, 0, 0, 0) else {
            throw StatisticsError.invalidParameter(
                function: "Xoshiro256StarStar", argument: "state", value: 0,
                expected: "at least one non-zero word (the all-zero state never changes)")
        }
        self.state = state
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform integer in 0..<bound (bound > 0), by Lemire's method.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "Xoshiro256StarStar.nextInt(below:) needs a positive bound, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform double in [0, 1) from the top 53 bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

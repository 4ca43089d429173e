/// Sorts doubles by their bit patterns with a least-significant-digit radix sort.
///
/// Why not `Array.sort()`: summaries, quantile CIs and Mann–Whitney sort samples of up to tens of
/// millions of latencies; a comparison sort is O(n log n) with unpredictable branches, while this is
/// six linear passes over contiguous memory (11-bit digits), and passes whose digit is the same for
/// every value (common for the exponent bits of latencies) are skipped.
///
/// The order is IEEE total order: −∞ < negatives < −0 < +0 < positives < +∞. Callers validate that
/// values are finite first; a NaN would not crash but would land at one end by its sign bit.
public enum RadixSort {
    /// Below this size the standard library sort is faster than the fixed cost of the histograms.
    static let smallInputThreshold = 4096
    static let digitBits = 11
    static let bucketCount = 1 << digitBits
    static let passCount = (64 + digitBits - 1) / digitBits

    /// Sorts `values` ascending in place (one scratch buffer of the same size is allocated).
    public static func sort(_ values: inout [Double]) {
        if values.count < smallInputThreshold {
            values.sort()
            return
        }
        values.withUnsafeMutableBufferPointer { doubles in
            doubles.withMemoryRebound(to: UInt64.self) { keys in
                for index in keys.indices { keys[index] = orderedKey(keys[index]) }
                sortKeys(keys)
                for index in keys.indices { keys[index] = bitPattern(fromOrderedKey: keys[index]) }
            }
        }
    }

    /// Returns a sorted copy.
    public static func sorted(_ values: [Double]) -> [Double] {
        var copy = values
        sort(&copy)
        return copy
    }

    /// Maps a double's bit pattern to an unsigned key with the same order: flip all bits of
    /// negatives (so larger magnitudes sort first), set the sign bit of non-negatives.
    @inline(__always)
    static func orderedKey(_ bits: UInt64) -> UInt64 {
        bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    @inline(__always)
    static func bitPattern(fromOrderedKey key: UInt64) -> UInt64 {
        key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key
    }

    private static func sortKeys(_ keys: UnsafeMutableBufferPointer<UInt64>) {
        let count = keys.count
        let mask = UInt64(bucketCount - 1)
        var histograms = [Int](repeating: 0, count: passCount * bucketCount)
        histograms.withUnsafeMutableBufferPointer { histogram in
            for key in keys {
                for pass in 0..<passCount {
                    let digit = Int((key >> UInt64(pass * digitBits)) & mask)
                    histogram[pass * bucketCount + digit] += 1
                }
            }
        }
        let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        defer { scratch.deallocate() }
        var source = keys
        var destination = scratch
        var offsets = [Int](repeating: 0, count: bucketCount)
        for pass in 0..<passCount {
            let base = pass * bucketCount
            // A digit shared by every key leaves the order unchanged: skip the pass.
            if histograms[base..<(base + bucketCount)].contains(count) { continue }
            var running = 0
            for bucket in 0..<bucketCount {
                offsets[bucket] = running
                running += histograms[base + bucket]
            }
            let shift = UInt64(pass * digitBits)
            offsets.withUnsafeMutableBufferPointer { offset in
                for key in source {
                    let digit = Int((key >> shift) & mask)
                    destination[offset[digit]] = key
                    offset[digit] += 1
                }
            }
            swap(&source, &destination)
        }
        if source.baseAddress != keys.baseAddress {
            _ = keys.update(fromContentsOf: source)
        }
    }
}

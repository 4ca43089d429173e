import Foundation
import SeededRandom

/// How long a frame takes on a simulated link.
public enum LatencyDistribution: Sendable, Equatable, CustomStringConvertible {
    /// Always this many nanoseconds.
    case fixed(nanoseconds: UInt64)
    /// Normal with this mean and standard deviation (ns), clamped at 0.
    case normal(meanNanoseconds: Double, sdNanoseconds: Double)
    /// Log-normal: the median (ns) is e^μ, `sigma` is σ of the underlying normal.
    case logNormal(medianNanoseconds: Double, sigma: Double)

    public var description: String {
        switch self {
        case let .fixed(ns): return "fixed(\(ns) ns)"
        case let .normal(mean, sd): return "normal(mean \(mean) ns, sd \(sd) ns)"
        case let .logNormal(median, sigma): return "log-normal(median \(median) ns, σ \(sigma))"
        }
    }

    func sample(_ rng: inout SplitMix64) -> UInt64 {
        switch self {
        case let .fixed(ns):
            return ns
        case let .normal(mean, sd):
            return UInt64(max(0, (mean + sd * Self.standardNormal(&rng)).rounded()))
        case let .logNormal(median, sigma):
            return UInt64((median * exp(sigma * Self.standardNormal(&rng))).rounded())
        }
    }

    /// Box–Muller from two uniforms of the seeded generator.
    private static func standardNormal(_ rng: inout SplitMix64) -> Double {
        let u1 = max(rng.nextUnit(), Double.leastNonzeroMagnitude)
        let u2 = rng.nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

/// The seeded model of every simulated link: latency per frame and the chance a data frame is lost.
///
/// Frames keep their order per direction (as TCP under WebSocket would): a frame never arrives
/// before the one sent ahead of it on the same link. Loss applies once the mesh has formed (link
/// setup is lossless, as a TCP handshake retransmits); a lost frame simply never arrives.
public struct LinkModel: Sendable, Equatable {
    public var latency: LatencyDistribution
    public var lossProbability: Double
    public var seed: UInt64

    public init(
        latency: LatencyDistribution = .fixed(nanoseconds: 50_000), lossProbability: Double = 0, seed: UInt64 = 1
    ) {
        self.latency = latency
        self.lossProbability = lossProbability
        self.seed = seed
    }
}

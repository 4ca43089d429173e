import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CLOCK_MONOTONIC in nanoseconds: one clock shared by every node in the process, so arrival times
/// of different nodes are directly comparable.
enum MonotonicClock {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// The wall-clock date at which this clock read 0 (about the machine's boot): the epoch of a
    /// node whose network time is the raw reading, so that its wall clock (epoch + reading) is
    /// the real time and not ahead by the machine's uptime.
    static func wallClockDateOfZero() -> Date {
        Date().addingTimeInterval(-Double(now()) / 1e9)
    }
}

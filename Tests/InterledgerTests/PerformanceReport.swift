import XCTest
@testable import Interledger

/// Prints µs per encode/decode for the hot-path codecs. Skipped unless MESHBENCH_PERF=1; run with
/// `MESHBENCH_PERF=1 swift test -c release --filter PerformanceReport`. It reports figures and
/// asserts nothing about time (timings depend on the machine). Time is the thread's CPU time, so
/// other processes competing for the cores do not inflate the figures.
final class PerformanceReport: XCTestCase {
    private func measureMicroseconds(_ iterations: Int, _ body: () throws -> Void) rethrows -> Double {
        for _ in 0..<(iterations / 10) { try body() }  // warm-up
        let start = threadCPUNanoseconds()
        for _ in 0..<iterations { try body() }
        return Double(threadCPUNanoseconds() - start) / Double(iterations) / 1000
    }

    private func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    func testReportCodecThroughput() throws {
        try XCTSkipUnless(
            ProcessInfo.processInfo.environment["MESHBENCH_PERF"] == "1", "set MESHBENCH_PERF=1 to print codec timings")
        let nipsPacket = samplePacket(nostr: sampleNostrEvent(contentLength: 40))
        let nipsBytes = try nipsPacket.serialize()
        let prepare = ILPPrepare(
            amount: 1_000, expiresAt: Date(timeIntervalSince1970: 1_700_000_000.5),
            executionCondition: [UInt8](repeating: 7, count: 32), destination: "g.mesh.node-12", data: nipsBytes)
        let prepareBytes = prepare.serialize()
        let frame = BTPPacket.message(requestId: 99, protocolData: [.ilp(prepareBytes)])
        let frameBytes = frame.serialize()
        let iterations = 200_000
        var sink = 0
        let rows: [(String, Int, Double)] = [
            (
                "BTP-NIPs encode", nipsBytes.count,
                try measureMicroseconds(iterations) { sink &+= try nipsPacket.serialize().count }
            ),
            (
                "BTP-NIPs decode", nipsBytes.count,
                try measureMicroseconds(iterations) { sink &+= try BTPNIPsPacket(bytes: nipsBytes).nostr.count }
            ),
            (
                "ILP Prepare encode", prepareBytes.count,
                measureMicroseconds(iterations) { sink &+= prepare.serialize().count }
            ),
            (
                "ILP Prepare decode", prepareBytes.count,
                try measureMicroseconds(iterations) { sink &+= try ILPPrepare(bytes: prepareBytes).data.count }
            ),
            (
                "BTP MESSAGE encode", frameBytes.count,
                measureMicroseconds(iterations) { sink &+= frame.serialize().count }
            ),
            (
                "BTP MESSAGE decode", frameBytes.count,
                try measureMicroseconds(iterations) {
                    sink &+= try BTPPacket(bytes: frameBytes).requestId == 99 ? 1 : 0
                }
            ),
            (
                "full stack decode (BTP→ILP→NIPs)", frameBytes.count,
                try measureMicroseconds(iterations) {
                    let btp = try BTPPacket(bytes: frameBytes)
                    let ilp = try ILPPrepare(bytes: btp.protocolData[0].data)
                    sink &+= try BTPNIPsPacket(bytes: ilp.data).nostr.count
                }
            ),
        ]
        for (name, size, micros) in rows {
            print(String(format: "PERF %-34@ %6d bytes  %7.3f µs", name as NSString, size, micros))
        }
        XCTAssertGreaterThan(sink, 0)
    }
}

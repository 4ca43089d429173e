@testable import Interledger
import SeededRandom
import XCTest

/// Feeds seeded random and mutated byte strings to every decoder. Each input must decode or throw
/// the decoder's typed error (typed throws make any other outcome a compile error; a trap would
/// crash the run). Decoded ILP and BTP values must re-encode to the exact input bytes, because
/// both decoders accept only canonical OER; decoded BTP-NIPs values must survive a round trip.
final class DecoderFuzzTests: XCTestCase {
    private struct Tally {
        var decoded = 0
        var rejected = 0
    }

    private func seeds() throws -> [[UInt8]] {
        let condition = [UInt8](repeating: 0x42, count: 32)
        let expiry = InterledgerTimestamp.date(milliseconds: 1_700_000_000_000)
        // Short but structurally complete Nostr messages keep each mutation cheap in debug builds.
        let nips = try samplePacket(
            nostr: Array(#"["EVENT",{"id":"1f","kind":1,"tags":[["e","x"]],"content":"a \"}\" b","sig":"cd"}]"#.utf8)
        ).serialize()
        return [
            ILPPrepare(
                amount: 1_000, expiresAt: expiry, executionCondition: condition, destination: "g.mesh.n1",
                data: Array(nips.prefix(40))
            ).serialize(),
            ILPFulfill(fulfillment: condition, data: [1, 2, 3]).serialize(),
            ILPReject(code: .T04_insufficientLiquidity, triggeredBy: "g.mesh.n2", message: "no liquidity", data: [])
                .serialize(),
            BTPAuth.request(requestId: 1, token: "token").serialize(),
            BTPPacket.message(
                requestId: 77, protocolData: [.ilp(ILPFulfill(fulfillment: condition, data: []).serialize())]
            ).serialize(),
            BTPPacket.error(requestId: 5, BTPErrorInfo(.F01_invalidFields, triggeredAt: expiry, data: [9])).serialize(),
            BTPPacket(requestId: 2, body: .transfer(amount: 5, protocolData: [])).serialize(),
            nips,
            try samplePacket(type: .req, nostr: Array(##"["REQ","s",{"kinds":[1],"#e":["\"}"]}]"##.utf8)).serialize(),
        ]
    }

    // Long-form prefixes with large or non-canonical lengths, and edge short forms.
    private static let corruptPrefixes: [[UInt8]] = [
        [0x84, 0xFF, 0xFF, 0xFF, 0xFF], [0x82, 0x7F, 0xFF], [0x81, 0x05], [0x80], [0x89], [0x7F], [0x00],
    ]
    private static let interestingBytes: [UInt8] = [0x00, 0x7F, 0x80, 0xFF, 0x22, 0x5C, 0x7B, 0x5D]

    /// Uniform-enough integer in 0..<bound (bound > 0); modulo bias is irrelevant for fuzzing and
    /// this stays cheap in debug builds, where generic `Int.random(in:using:)` dominated the run time.
    private func below(_ bound: Int, _ rng: inout SplitMix64) -> Int { Int(rng.next() % UInt64(bound)) }

    private func mutate(_ seed: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0...below(3, &rng) {
            switch below(7, &rng) {
            case 0 where !bytes.isEmpty:  // bit flip
                bytes[below(bytes.count, &rng)] ^= 1 << UInt8(below(8, &rng))
            case 1:  // truncation
                bytes.removeLast(below(bytes.count + 1, &rng))
            case 2:  // insertion of random bytes
                var insert = [UInt8]()
                for _ in 0...below(8, &rng) { insert.append(UInt8(truncatingIfNeeded: rng.next())) }
                bytes.insert(contentsOf: insert, at: below(bytes.count + 1, &rng))
            case 3 where !bytes.isEmpty:  // length-prefix corruption
                let index = below(bytes.count, &rng)
                bytes.replaceSubrange(
                    index..<(index + 1), with: Self.corruptPrefixes[below(Self.corruptPrefixes.count, &rng)])
            case 4 where !bytes.isEmpty:  // one byte set to a structurally interesting value
                bytes[below(bytes.count, &rng)] = Self.interestingBytes[below(Self.interestingBytes.count, &rng)]
            case 5 where bytes.count > 1:  // delete a run
                let start = below(bytes.count, &rng)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16, &rng)))
            default:  // duplicate a run
                guard !bytes.isEmpty else { break }
                let start = below(bytes.count, &rng)
                let run = bytes[start..<min(bytes.count, start + 1 + below(16, &rng))]
                bytes.insert(contentsOf: run, at: below(bytes.count + 1, &rng))
            }
        }
        return bytes
    }

    func testTwoHundredThousandRandomAndMutatedInputs() throws {
        let seeds = try seeds()
        var rng = SplitMix64(seed: 0x11F_F022)
        var ilp = Tally(), btp = Tally(), nips = Tally()
        var nonCanonical = 0
        let iterations = 200_000
        for iteration in 0..<iterations {
            let input: [UInt8]
            if iteration % 10 == 0 {
                var random = [UInt8]()
                for _ in 0..<below(65, &rng) { random.append(UInt8(truncatingIfNeeded: rng.next())) }
                input = random
            } else {
                input = mutate(seeds[iteration % seeds.count], &rng)
            }
            do {
                let packet = try ILPPacket(bytes: input)
                ilp.decoded += 1
                if packet.serialize() != input { nonCanonical += 1 }
            } catch {
                ilp.rejected += 1
            }
            do {
                let packet = try BTPPacket(bytes: input)
                btp.decoded += 1
                if packet.serialize() != input { nonCanonical += 1 }
            } catch {
                btp.rejected += 1
            }
            do {
                let packet = try BTPNIPsPacket(bytes: input)
                nips.decoded += 1
                if let again = try? packet.serialize(), (try? BTPNIPsPacket(bytes: again)) != packet {
                    nonCanonical += 1
                }
            } catch {
                nips.rejected += 1
            }
        }
        XCTAssertEqual(nonCanonical, 0)
        for tally in [ilp, btp, nips] {
            XCTAssertEqual(tally.decoded + tally.rejected, iterations)
            // Mutations are mild enough that some inputs still decode and harsh enough that most fail.
            XCTAssertGreaterThan(tally.decoded, 100)
            XCTAssertGreaterThan(tally.rejected, iterations / 2)
        }
    }
}

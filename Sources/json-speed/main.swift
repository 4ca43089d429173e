import BenchFormats
import Foundation
import Interledger
import Nostr

/// `json-speed samples FILE` | `json-speed hop [--count N]`: the decode speed of MeshBench's own
/// JSON readers against Foundation's `JSONDecoder` on the same bytes, best of `--rounds` (5).
/// Times are the thread's CPU time, not wall time, so other jobs on the machine shift them little.
/// `samples` reads a samples file (make one with `scripts/bench/generate_samples.py`) with
/// `SamplesReader` and, line by line, with `JSONDecoder` into the same `SampleRecord`s. `hop`
/// decodes what a relay decodes per hop, a BTP-NIPs EVENT packet and its Nostr message, and times
/// the forward's re-serialisation. `scripts/bench/json-speed.sh` runs both (docs/design-notes.md).
let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ flag: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count, let v = Int(arguments[index + 1])
    else {
        return fallback
    }
    return v
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("json-speed: \(message)\n".utf8))
    exit(2)
}

/// Best CPU time of `rounds` runs of `body`, in seconds; `body` returns a checksum so the work
/// cannot be optimised away, and every round must return the same one.
func best(_ rounds: Int, _ body: () throws -> Int) rethrows -> (seconds: Double, checksum: Int) {
    var fastest = Double.infinity
    var checksum: Int?
    for _ in 0..<rounds {
        let start = threadCPUSeconds()
        let sum = try body()
        let elapsed = threadCPUSeconds() - start
        fastest = min(fastest, elapsed)
        if let checksum, checksum != sum { fail("rounds disagree: \(checksum) and \(sum)") }
        checksum = sum
    }
    return (fastest, checksum ?? 0)
}

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func report(_ label: String, _ seconds: Double, units: Int, unitName: String, bytes: Int) {
    let perUnit = seconds / Double(units) * 1e6
    let megabytes = Double(bytes) / seconds / 1e6
    print(String(format: "%@: %.3f s CPU, %.3f µs per %@, %.0f MB/s", label, seconds, perUnit, unitName, megabytes))
}

let rounds = option("--rounds", 5)
switch arguments.first {
case "samples":
    guard arguments.count >= 2 else { fail("usage: json-speed samples FILE [--rounds N]") }
    let path = arguments[1]
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let lines = data.split(separator: UInt8(ascii: "\n"))
    let ours = try best(rounds) {
        let reader = try SamplesReader(path: path)
        var values = 0
        while let record = try reader.next() {
            if case let .samples(block) = record { values += block.values.count }
        }
        return values
    }
    let foundation = try best(rounds) {
        let decoder = FormatsJSON.decoder()
        var values = 0
        for line in lines {
            if case let .samples(block) = try decoder.decode(SampleRecord.self, from: line) {
                values += block.values.count
            }
        }
        return values
    }
    guard ours.checksum == foundation.checksum else {
        fail("value counts differ: \(ours.checksum) and \(foundation.checksum)")
    }
    print("samples file \(path): \(data.count) bytes, \(lines.count) lines, \(ours.checksum) values")
    report("SamplesReader", ours.seconds, units: ours.checksum, unitName: "value", bytes: data.count)
    report("JSONDecoder  ", foundation.seconds, units: ours.checksum, unitName: "value", bytes: data.count)
    print(String(format: "SamplesReader is %.1fx JSONDecoder", foundation.seconds / ours.seconds))
case "hop":
    let count = option("--count", 100_000)
    let keys = try NostrKeyPair(secretKey: Array(repeating: 7, count: 32))
    let content = String(repeating: "a relay paid by the hop, ünïcödé and \"quotes\"\n", count: 4)
    let event = keys.sign(
        kind: 1, content: content, tags: [["e", String(repeating: "ab", count: 32)], ["t", "meshbench"]],
        createdAt: 1_700_000_000)
    let packet = BTPNIPsPacket(
        type: .event, payment: BTPNIPsPayment(msat: 1_000, purpose: "relay"),
        nostr: NostrMessage.event(event).jsonBytes(),
        metadata: BTPNIPsMetadata(timestamp: 1_700_000_000_000, sender: "g.mesh.node1", ttl: 5))
    let bytes = try packet.serialize()
    let payload = Data(bytes[BTPNIPsPacket.headerLength...])
    let ours = try best(rounds) {
        var sum = 0
        for _ in 0..<count {
            let decoded = try BTPNIPsPacket(bytes: bytes)
            guard case let .event(event) = try NostrMessage(json: decoded.nostr) else { fail("not an EVENT") }
            sum &+= event.content.utf8.count &+ decoded.metadata.ttl
        }
        return sum
    }
    let foundation = try best(rounds) {
        let decoder = JSONDecoder()
        var sum = 0
        for _ in 0..<count {
            let decoded = try decoder.decode(FoundationPayload.self, from: payload)
            sum &+= decoded.nostr.event.content.utf8.count &+ decoded.metadata.ttl
        }
        return sum
    }
    guard ours.checksum == foundation.checksum else {
        fail("checksums differ: \(ours.checksum) and \(foundation.checksum)")
    }
    let forward = try best(rounds) {
        var sum = 0
        var forwarded = try BTPNIPsPacket(bytes: bytes)
        for index in 0..<count {
            forwarded.metadata.ttl = index & 3
            sum &+= try forwarded.serialize().count
        }
        return sum
    }
    print("BTP-NIPs EVENT packet: \(bytes.count) bytes, \(count) decodes per round, best of \(rounds)")
    report("packet + NostrMessage", ours.seconds, units: count, unitName: "hop", bytes: bytes.count * count)
    report("JSONDecoder          ", foundation.seconds, units: count, unitName: "hop", bytes: bytes.count * count)
    print(String(format: "MeshBench decode is %.1fx JSONDecoder", foundation.seconds / ours.seconds))
    report("forward serialize()  ", forward.seconds, units: count, unitName: "hop", bytes: bytes.count * count)
default:
    fail("usage: json-speed samples FILE | json-speed hop [--count N] [--rounds N]")
}

/// The BTP-NIPs payload as Foundation decodes it: the same members the hand-written reader keeps.
struct FoundationPayload: Decodable {
    struct Payment: Decodable { let amount, currency, purpose: String }
    struct Metadata: Decodable { let timestamp: Int64; let sender: String; let ttl: Int }
    /// `["EVENT", {…}]`
    struct EventMessage: Decodable {
        let event: NostrEvent
        init(from decoder: Decoder) throws {
            var elements = try decoder.unkeyedContainer()
            guard try elements.decode(String.self) == "EVENT" else {
                throw DecodingError.dataCorruptedError(in: elements, debugDescription: "not an EVENT")
            }
            event = try elements.decode(NostrEvent.self)
        }
    }
    let payment: Payment
    let nostr: EventMessage
    let metadata: Metadata
}

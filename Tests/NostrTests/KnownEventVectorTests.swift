import XCTest
@testable import Nostr

/// An event whose key, id and signature were computed by an independent pure-Python BIP-340
/// implementation written from the BIP's math (not libsecp256k1). Source, run with python3:
///
/// ```python
/// import hashlib, json, struct
/// P = 2**256 - 2**32 - 977
/// N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
/// G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
///      0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)
/// def add(a, b):
///     if a is None: return b
///     if b is None: return a
///     if a[0] == b[0] and (a[1] + b[1]) % P == 0: return None
///     if a == b: l = 3 * a[0] * a[0] * pow(2 * a[1], -1, P) % P
///     else: l = (b[1] - a[1]) * pow(b[0] - a[0], -1, P) % P
///     x = (l * l - a[0] - b[0]) % P
///     return (x, (l * (a[0] - x) - a[1]) % P)
/// def mul(pt, k):
///     r = None
///     while k:
///         if k & 1: r = add(r, pt)
///         pt = add(pt, pt); k >>= 1
///     return r
/// def th(tag, data):
///     t = hashlib.sha256(tag.encode()).digest()
///     return hashlib.sha256(t + t + data).digest()
/// def i2b(i): return i.to_bytes(32, 'big')
/// def b2i(b): return int.from_bytes(b, 'big')
/// def lift_x(x):
///     if x >= P: return None
///     y2 = (pow(x, 3, P) + 7) % P
///     y = pow(y2, (P + 1) // 4, P)
///     if y * y % P != y2: return None
///     return (x, y if y % 2 == 0 else P - y)
/// def pubkey(sk): return i2b(mul(G, b2i(sk))[0])
/// def sign(msg, sk, aux):
///     d0 = b2i(sk); Pt = mul(G, d0)
///     d = d0 if Pt[1] % 2 == 0 else N - d0
///     t = bytes(a ^ b for a, b in zip(i2b(d), th("BIP0340/aux", aux)))
///     k0 = b2i(th("BIP0340/nonce", t + i2b(Pt[0]) + msg)) % N
///     R = mul(G, k0); k = k0 if R[1] % 2 == 0 else N - k0
///     e = b2i(th("BIP0340/challenge", i2b(R[0]) + i2b(Pt[0]) + msg)) % N
///     return i2b(R[0]) + i2b((k + e * d) % N)
/// def verify(msg, pk, sig):
///     Pt = lift_x(b2i(pk)); r = b2i(sig[:32]); s = b2i(sig[32:])
///     if Pt is None or r >= P or s >= N: return False
///     e = b2i(th("BIP0340/challenge", sig[:32] + pk + msg)) % N
///     R = add(mul(G, s), mul(Pt, N - e))
///     return R is not None and R[1] % 2 == 0 and R[0] == r
/// def det_key(seed, index):        # NostrKeyPair.deterministic's documented derivation
///     attempt = 0
///     while True:
///         sk = hashlib.sha256(struct.pack('>QqI', seed, index, attempt)).digest()
///         if 0 < b2i(sk) < N: return sk
///         attempt += 1
/// sk = det_key(42, 7); pk = pubkey(sk).hex()
/// tags = [["e", "5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f36", "wss://relay.example.com"],
///         ["p", "f7234bd4c1394dda46d09f35bd384dd30cc552ad5541990f98844fb06676e9ca"], ["t", "nostr"]]
/// content = 'Hello "Nostr" \\ /path\n\ttab\r\b\f 日本語 🎉'
/// ser = json.dumps([0, pk, 1700000000, 1, tags, content], separators=(',', ':'), ensure_ascii=False).encode()
/// eid = hashlib.sha256(ser).digest()
/// sig = sign(eid, sk, bytes(range(32)))
/// print(sk.hex(), pk, eid.hex(), sig.hex(), verify(eid, bytes.fromhex(pk), sig))
/// ```
/// (The Python signer reproduces BIP-340 test vector 0, E907831F…36C0, as a sanity check.)
final class KnownEventVectorTests: XCTestCase {
    static let secretKeyHex = "a16e12bdf65e18dfb7a7af3f7f3c82061c3e4104b827cef22ffeafd9c0a1d895"
    static let pubkey = "d4fe67f81c5a57e81dd9049df42e901b8540dae7fac25577b1aba06c53c37210"
    static let id = "7bf2390f9bb598d0dd7111844808999ab0dcd4d20f4d5961c309f2541efd511d"
    static let sig =
        "0b17cf5ccd9f18e30fe32ddd26b4b932f946541e6c78d6fa58a1718fdcf14df6650b53eb113aa15f255fff004f0d903c3baa0117d0083e7704588e5b0de3e3eb"
    static let tags = [
        ["e", "5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f36", "wss://relay.example.com"],
        ["p", "f7234bd4c1394dda46d09f35bd384dd30cc552ad5541990f98844fb06676e9ca"],
        ["t", "nostr"],
    ]
    static let content = "Hello \"Nostr\" \\ /path\n\ttab\r\u{8}\u{C} 日本語 🎉"

    static var event: NostrEvent {
        NostrEvent(id: id, pubkey: pubkey, createdAt: 1_700_000_000, kind: 1, tags: tags, content: content, sig: sig)
    }

    func testDeterministicKeyMatchesPythonDerivation() throws {
        let pair = NostrKeyPair.deterministic(seed: 42, index: 7)
        XCTAssertEqual(Hex.encode(pair.secretKey), Self.secretKeyHex)
        XCTAssertEqual(pair.publicKeyHex, Self.pubkey)
    }

    func testIDMatchesPython() {
        XCTAssertEqual(Self.event.computeID(), Self.id)
    }

    func testPythonSignatureVerifies() throws {
        XCTAssertNoThrow(try Self.event.verify())
    }

    func testOurSignatureWithSameAuxEqualsPythonSignature() {
        // Equal bytes mean our signature is the one the Python implementation produced and verified.
        let pair = NostrKeyPair.deterministic(seed: 42, index: 7)
        let signed = pair.sign(
            kind: 1, content: Self.content, tags: Self.tags, createdAt: 1_700_000_000, auxRandom: Array(0..<32))
        XCTAssertEqual(signed, Self.event)
    }

    func testOurRandomizedSignatureVerifiesAndKeepsTheID() throws {
        let pair = NostrKeyPair.deterministic(seed: 42, index: 7)
        let signed = pair.sign(kind: 1, content: Self.content, tags: Self.tags, createdAt: 1_700_000_000)
        XCTAssertEqual(signed.id, Self.id)
        XCTAssertNoThrow(try signed.verify())
    }
}

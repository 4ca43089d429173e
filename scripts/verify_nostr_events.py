#!/usr/bin/env python3
"""Checks events written by `bench --dump-events` with an implementation independent of
MeshBench: NIP-01 ids through Python's json module and hashlib, BIP-340 signatures through the
arithmetic of the BIP's reference verification written out here in pure Python.

Usage: scripts/verify_nostr_events.py EVENTS.jsonl   (exit 0 when every event verifies)
"""
import hashlib
import json
import sys

P = 2**256 - 2**32 - 977  # the secp256k1 field prime
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)


def to_jacobian(point):
    return None if point is None else (point[0], point[1], 1)


def from_jacobian(point):
    if point is None:
        return None
    x, y, z = point
    z_inv = pow(z, P - 2, P)
    return (x * z_inv * z_inv % P, y * z_inv * z_inv * z_inv % P)


def jacobian_double(point):
    # Jacobian coordinates avoid a modular inverse per step (standard a = 0 doubling formulas).
    if point is None or point[1] == 0:
        return None
    x, y, z = point
    s = 4 * x * y * y % P
    m = 3 * x * x % P
    nx = (m * m - 2 * s) % P
    return (nx, (m * (s - nx) - 8 * y * y * y * y) % P, 2 * y * z % P)


def jacobian_add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    x1, y1, z1 = a
    x2, y2, z2 = b
    u1, u2 = x1 * z2 * z2 % P, x2 * z1 * z1 % P
    s1, s2 = y1 * z2 * z2 * z2 % P, y2 * z1 * z1 * z1 % P
    if u1 == u2:
        return jacobian_double(a) if s1 == s2 else None
    h, r = (u2 - u1) % P, (s2 - s1) % P
    h2 = h * h % P
    h3 = h * h2 % P
    nx = (r * r - h3 - 2 * u1 * h2) % P
    return (nx, (r * (u1 * h2 - nx) - s1 * h3) % P, h * z1 * z2 % P)


def point_add(a, b):
    return from_jacobian(jacobian_add(to_jacobian(a), to_jacobian(b)))


def point_mul(point, scalar):
    result, addend = None, to_jacobian(point)
    while scalar:
        if scalar & 1:
            result = jacobian_add(result, addend)
        addend = jacobian_double(addend)
        scalar >>= 1
    return from_jacobian(result)


def lift_x(x):
    if x >= P:
        return None
    y_sq = (pow(x, 3, P) + 7) % P
    y = pow(y_sq, (P + 1) // 4, P)
    if pow(y, 2, P) != y_sq:
        return None
    return (x, y if y % 2 == 0 else P - y)


def tagged_hash(tag, data):
    tag_hash = hashlib.sha256(tag.encode()).digest()
    return hashlib.sha256(tag_hash + tag_hash + data).digest()


def schnorr_verify(msg, pubkey, sig):
    point = lift_x(int.from_bytes(pubkey, "big"))
    r = int.from_bytes(sig[:32], "big")
    s = int.from_bytes(sig[32:], "big")
    if point is None or r >= P or s >= N:
        return False
    e = int.from_bytes(tagged_hash("BIP0340/challenge", sig[:32] + pubkey + msg), "big") % N
    R = point_add(point_mul(G, s), point_mul(point, N - e))
    return R is not None and R[1] % 2 == 0 and R[0] == r


def event_id(event):
    canonical = [0, event["pubkey"], event["created_at"], event["kind"], event["tags"], event["content"]]
    text = json.dumps(canonical, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(path):
    bad = 0
    count = 0
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            count += 1
            event = json.loads(line)
            computed = event_id(event)
            if computed != event["id"]:
                print(f"{path}:{number}: id {event['id']} but NIP-01 serialization hashes to {computed}")
                bad += 1
                continue
            if not schnorr_verify(bytes.fromhex(event["id"]), bytes.fromhex(event["pubkey"]), bytes.fromhex(event["sig"])):
                print(f"{path}:{number}: BIP-340 signature does not verify for event {event['id']}")
                bad += 1
    print(f"{count - bad} of {count} events verify (NIP-01 id and BIP-340 signature)")
    return 0 if bad == 0 and count > 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))

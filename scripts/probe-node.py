#!/usr/bin/env python3
"""Live probe of one mesh node (issue 12, class 8): starts `bench node` as --process-per-node
does, misbehaves at it over loopback as a hostile client would, and prints what each
misbehaviour gets. Usage: scripts/probe-node.py [path/to/bench]  (default .build/release/bench).
Exit 0 when every check passes, 1 otherwise. Needs only the Python standard library."""
import hashlib, hmac, json, os, re, select, socket, struct, subprocess, sys, tempfile, time, datetime

BENCH = sys.argv[1] if len(sys.argv) > 1 else ".build/release/bench"
SEED, DEADLINE_S, LIMIT = 1, 10, 512  # NodeConfig defaults (docs/protocol.md §2a)
UPGRADE = ("GET /btp HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
results = []


def check(name, passed, got):
    results.append(passed)
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {got}")


def link_mac(label):  # LinkCredentials.derive(seed: 1, edge: Edge(0, 1))
    return hmac.new(struct.pack(">Q", SEED), f"{label}:0-1".encode(), hashlib.sha256).digest()


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_until_closed(s, seconds):
    """Everything the node sends until it closes (True) or `seconds` pass (False)."""
    data, end = b"", time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([s], [], [], max(0, end - time.time()))
        if not ready:
            break
        try:
            chunk = s.recv(65536)
        except ConnectionResetError:
            return data, True
        if not chunk:
            return data, True
        data += chunk
    return data, False


def frame(payload, opcode=0x2, masked=True):
    head = bytes([0x80 | opcode])
    n, bit = len(payload), 0x80 if masked else 0
    head += bytes([bit | n]) if n < 126 else (bytes([bit | 126]) + struct.pack(">H", n) if n < 65536 else bytes([bit | 127]) + struct.pack(">Q", n))
    if not masked:
        return head + payload
    key = b"\x12\x34\x56\x78"
    return head + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def server_frames(data):
    frames = []
    while len(data) >= 2:
        n, off = data[1] & 0x7F, 2
        if n == 126: n, off = struct.unpack(">H", data[2:4])[0], 4
        elif n == 127: n, off = struct.unpack(">Q", data[2:10])[0], 10
        if len(data) < off + n: break
        frames.append((data[0] & 0x0F, data[off:off + n]))
        data = data[off + n:]
    return frames


def upgraded(port):
    s = connect(port)
    s.sendall(UPGRADE.encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += s.recv(4096)
    assert head.startswith(b"HTTP/1.1 101"), head
    return s, head.split(b"\r\n\r\n", 1)[1]


def close_code(data):
    closes = [p for op, p in server_frames(data) if op == 0x8]
    return struct.unpack(">H", closes[-1][:2])[0] if closes and len(closes[-1]) >= 2 else None


def btp_auth(token):  # RFC 23 MESSAGE(requestId 1, [auth, auth_token]) in OER
    entries = b"\x01" + bytes([2]) + b"\x04auth" + b"\x00" + b"\x00" + b"\x0aauth_token" + b"\x01" + bytes([len(token)]) + token
    return b"\x06" + struct.pack(">I", 1) + bytes([len(entries)]) + entries


def main():
    folder = tempfile.mkdtemp(prefix="meshbench-probe-")
    node = subprocess.Popen([BENCH, "node"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        node.stdin.write(json.dumps({"seq": 1, "op": "start", "id": 0, "peers": [1], "seed": SEED, "store": f"{folder}/n0.sqlite"}) + "\n")
        node.stdin.flush()
        port = json.loads(node.stdout.readline())["port"]
        for name, request, want in [
            ("GET / (another path)", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"HTTP/1.1 404"),
            ("GET /btp without an upgrade", "GET /btp HTTP/1.1\r\nHost: x\r\n\r\n", b"HTTP/1.1 400"),
            ("GET /btp with WebSocket version 7", UPGRADE.replace("Version: 13", "Version: 7"), b"HTTP/1.1 400"),
            ("POST /btp", "POST /btp HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi", b"HTTP/1.1 400"),
        ]:
            s = connect(port)
            s.sendall(request.encode())
            data, closed = read_until_closed(s, 5)
            status = data.split(b"\r\n", 1)[0].decode(errors="replace")
            check(name, data.startswith(want) and b"connection: close" in data.lower() and closed, f"{status!r}, closed={closed}")
        for name, payload, opcode, masked, want in [
            ("unmasked binary frame", b"\x06\x00\x00\x00\x01\x00", 0x2, False, 1002),
            ("text frame", b'["EVENT"]', 0x1, True, 1003),
            ("frame over 64 KiB", b"A" * 70000, 0x2, True, 1009),
            ("reserved opcode 0x3", b"", 0x3, True, 1002),
        ]:
            s, _ = upgraded(port)
            s.sendall(frame(payload, opcode, masked))
            data, closed = read_until_closed(s, 5)
            check(name, close_code(data) == want and closed, f"close code {close_code(data)}, closed={closed}")
        for name, payload in [("garbage as the first frame", b"\xff\x00\x13"), ("auth with a wrong token", btp_auth(b"not-the-token"))]:
            s, _ = upgraded(port)
            s.sendall(frame(payload))
            data, closed = read_until_closed(s, 5)
            kinds = [p[0] for op, p in server_frames(data) if op == 0x2]
            check(name, kinds[:1] == [2] and closed, f"BTP types {kinds} (2 = ERROR), closed={closed}")

        # The node's wall clock: its REQ Prepare, sent right after a valid auth, expires 30 s on.
        s, rest = upgraded(port)
        s.sendall(frame(btp_auth(link_mac("btp-auth-token")[:16].hex().encode())))
        data, _ = read_until_closed(s, 2)
        stamps = re.findall(rb"20\d{15}", data)
        if stamps:
            expires = datetime.datetime.strptime(stamps[0].decode()[:14], "%Y%m%d%H%M%S").replace(tzinfo=datetime.timezone.utc)
            ahead = (expires - datetime.datetime.now(datetime.timezone.utc)).total_seconds() - 30
            check("node's wall clock (REQ expiry − 30 s − now)", abs(ahead) < 5, f"{ahead:+.1f} s")
        else:
            check("node's wall clock", False, "no Prepare after auth")
        s.close()

        # Unauthenticated connections and the connection limit.
        silent = [connect(port) for _ in range(20)]
        upgraded_only = [upgraded(port)[0] for _ in range(20)]
        time.sleep(DEADLINE_S + 5)
        still_open = sum(1 for s in silent + upgraded_only if not read_until_closed(s, 0.05)[1])
        check(f"40 unauthenticated connections {DEADLINE_S + 5} s later", still_open == 0, f"{still_open} of 40 still open")
        held = [connect(port) for _ in range(LIMIT)]
        time.sleep(1)
        extra = connect(port)
        extra.sendall(b"GET /btp HTTP/1.1\r\nHost: x\r\n\r\n")
        data, closed = read_until_closed(extra, 5)
        status = data.split(b"\r\n", 1)[0].decode(errors="replace")
        check(f"connection {LIMIT + 1} while {LIMIT} are held", data.startswith(b"HTTP/1.1 503") and closed, f"{status!r}, closed={closed}")
        for s in held:
            s.close()
    finally:
        node.stdin.write(json.dumps({"seq": 2, "op": "shutdown"}) + "\n")
        node.stdin.flush()
        node.wait(timeout=10)
    print(f"{sum(results)} of {len(results)} checks passed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

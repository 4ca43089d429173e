/// Serves bytes that were read ahead (to sniff the format) before the rest of the source.
final class ReplaySource: ByteSource {
    private var pending: [UInt8]
    private var offset = 0
    private let rest: ByteSource

    init(pending: [UInt8], rest: ByteSource) {
        self.pending = pending
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
        if offset < pending.count {
            let n = min(buffer.count, pending.count - offset)
            pending.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            }
            offset += n
            if offset == pending.count { pending = []; offset = 0 }
            return n
        }
        return try rest.read(into: buffer)
    }
}

/// Opens a byte stream that is plain or gzip, decided by the gzip magic bytes 1f 8b (never by
/// the file name, so `-` and misnamed files work).
enum InputDetection {
    static let gzipMagic: [UInt8] = [0x1f, 0x8b]

    /// Returns the (possibly decompressing) source and whether it was gzip.
    static func open(_ raw: ByteSource) throws(StreamError) -> (source: ByteSource, gzip: Bool) {
        let probe = UnsafeMutableRawBufferPointer.allocate(byteCount: 2, alignment: 1)
        defer { probe.deallocate() }
        var got = 0
        // A pipe may deliver one byte at a time: read until two bytes or end of input.
        while got < 2 {
            let n = try raw.read(into: UnsafeMutableRawBufferPointer(rebasing: probe[got...]))
            if n == 0 { break }
            got += n
        }
        let head = Array(probe[0..<got])
        let replay = ReplaySource(pending: head, rest: raw)
        if head == gzipMagic {
            return (try GzipInflater(source: replay), true)
        }
        return (replay, false)
    }
}

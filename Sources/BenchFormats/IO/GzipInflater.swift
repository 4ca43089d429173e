import CZlib

/// Streaming gzip decompression over another byte source (zlib, windowBits 15 + 16 = gzip only).
/// Concatenated gzip members are read as one stream, as `gzip -d` does. Memory is two fixed
/// buffers plus zlib's 32 KiB window, whatever the file size.
final class GzipInflater: ByteSource {
    private let source: ByteSource
    /// Heap-allocated because zlib keeps a pointer back to the stream and checks it on every call.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var sourceEnded = false
    private var finished = false

    init(source: ByteSource, inputChunk: Int = 256 * 1024) throws(StreamError) {
        self.source = source
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: inputChunk, alignment: 16)
        let rc = inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            input.deallocate()
            stream.deallocate()
            throw .corruptGzip("zlib inflateInit2 failed (code \(rc))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 && !sourceEnded {
                try refill()
            }
            let spaceBefore = stream.pointee.avail_out
            let rc = inflate(stream, Z_NO_FLUSH)
            switch rc {
            case Z_STREAM_END:
                // A member ended; another may follow (concatenated gzip). Peek for more input.
                if stream.pointee.avail_in == 0 && !sourceEnded { try refill() }
                if stream.pointee.avail_in == 0 && sourceEnded {
                    finished = true
                    return buffer.count - Int(stream.pointee.avail_out)
                }
                inflateReset(stream)
            case Z_OK, Z_BUF_ERROR:
                // No input left and no progress: the file stops before the gzip trailer.
                if stream.pointee.avail_in == 0 && sourceEnded && stream.pointee.avail_out == spaceBefore {
                    let produced = buffer.count - Int(stream.pointee.avail_out)
                    if produced > 0 { return produced }
                    throw .truncatedGzip
                }
            case Z_DATA_ERROR, Z_NEED_DICT:
                throw .corruptGzip(Self.message(stream) ?? "invalid compressed data")
            case Z_MEM_ERROR:
                throw .corruptGzip("zlib ran out of memory")
            default:
                throw .corruptGzip("zlib inflate returned \(rc)")
            }
        }
        return buffer.count
    }

    private func refill() throws(StreamError) {
        let n = try source.read(into: input)
        if n == 0 { sourceEnded = true }
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(n)
    }

    private static func message(_ s: UnsafeMutablePointer<z_stream>) -> String? {
        s.pointee.msg.map { String(cString: $0) }
    }
}

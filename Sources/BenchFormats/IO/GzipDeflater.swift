import CZlib

/// Streaming gzip compression into another sink (zlib, windowBits 15 + 16 writes a gzip header
/// and trailer, so `gzip -d`/`zcat` read the output).
final class GzipDeflater: ByteSink {
    private let sink: ByteSink
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer
    private var closed = false

    init(sink: ByteSink, level: Int32 = 6, outputChunk: Int = 256 * 1024) throws(StreamError) {
        self.sink = sink
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(byteCount: outputChunk, alignment: 16)
        let rc = deflateInit2_(
            stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            output.deallocate()
            stream.deallocate()
            throw .corruptGzip("zlib deflateInit2 failed (code \(rc))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(StreamError) {
        guard !closed else { throw .system(operation: "write", message: "gzip stream already finished") }
        guard bytes.count > 0 else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        try pump(Z_NO_FLUSH)
    }

    /// Z_SYNC_FLUSH: everything written so far becomes decodable by the reader.
    func flush() throws(StreamError) {
        guard !closed else { return }
        try pump(Z_SYNC_FLUSH)
        try sink.flush()
    }

    /// Writes the gzip trailer and closes the underlying sink.
    func close() throws(StreamError) {
        guard !closed else { return }
        closed = true
        try pump(Z_FINISH)
        try sink.close()
    }

    private func pump(_ mode: Int32) throws(StreamError) {
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let rc = deflate(stream, mode)
            guard rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR else {
                throw .corruptGzip("zlib deflate returned \(rc)")
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try sink.write(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
            // Done when zlib did not fill the output buffer (it has nothing more to give for this mode).
            if mode == Z_FINISH ? rc == Z_STREAM_END : (stream.pointee.avail_out > 0 && stream.pointee.avail_in == 0) {
                return
            }
        }
    }
}

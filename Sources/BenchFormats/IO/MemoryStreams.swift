/// In-memory byte source, for decompressing a whole buffer.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}

/// In-memory byte sink, for compressing a whole buffer.
final class MemorySink: ByteSink {
    private(set) var bytes: [UInt8] = []

    func write(_ chunk: UnsafeRawBufferPointer) throws(StreamError) { bytes.append(contentsOf: chunk) }
    func flush() throws(StreamError) {}
    func close() throws(StreamError) {}
}

/// Whole-buffer gzip helpers for the small files (history entries, documents).
enum Gzip {
    static func compress(_ bytes: [UInt8]) throws(StreamError) -> [UInt8] {
        let sink = MemorySink()
        let deflater = try GzipDeflater(sink: sink, level: 9)
        do {
            try bytes.withUnsafeBytes { try deflater.write($0) }
        } catch let error as StreamError {
            throw error
        } catch {
            throw .system(operation: "compress", message: "\(error)")
        }
        try deflater.close()
        return sink.bytes
    }

    /// Reads a source to the end, decompressing when it starts with the gzip magic; refuses more
    /// than `limit` bytes of output so a hostile file cannot exhaust memory.
    static func readAll(_ raw: ByteSource, limit: Int) throws(StreamError) -> [UInt8] {
        let source = try InputDetection.open(raw).source
        var out: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = try source.read(into: chunk)
            if n == 0 { return out }
            guard out.count + n <= limit else { throw .tooLarge(limit: limit) }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}

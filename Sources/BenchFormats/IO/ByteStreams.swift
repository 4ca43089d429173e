#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something bytes can be pulled from, a chunk at a time (a file, or a gzip stream over a file).
protocol ByteSource: AnyObject {
    /// Fills up to `buffer.count` bytes; returns 0 only at end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int
}

/// Something bytes can be pushed to.
protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws(StreamError)
    /// Push buffered bytes to the OS.
    func flush() throws(StreamError)
    /// Flush and release; further writes are errors.
    func close() throws(StreamError)
}

/// Low-level failure of reading, writing or (de)compressing a byte stream. Callers that know
/// the file name and line wrap it into `SamplesError` or `DocumentError`.
enum StreamError: Error, Equatable {
    /// The OS refused an operation; `errno` text included.
    case system(operation: String, message: String)
    /// The gzip stream ended before its trailer.
    case truncatedGzip
    /// zlib reported corrupt data (bad header, CRC mismatch...).
    case corruptGzip(String)
    /// Decompressed output would exceed the allowed size.
    case tooLarge(limit: Int)
    /// The reading end of a pipe was closed (EPIPE): the consumer has what it wanted.
    case readerClosed

    static func errno(_ operation: String) -> StreamError {
        .system(operation: operation, message: String(cString: strerror(Glibc.errno)))
    }
}

/// Reads a file descriptor with `read(2)`, retrying on EINTR.
final class FileDescriptorSource: ByteSource {
    private let fd: Int32
    private let ownsDescriptor: Bool

    init(fd: Int32, ownsDescriptor: Bool) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { _ = Glibc.close(fd) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if Glibc.errno == EINTR { continue }
            throw StreamError.errno("read")
        }
    }
}

/// Writes a file descriptor with `write(2)`, completing short writes and retrying on EINTR.
final class FileDescriptorSink: ByteSink {
    private var fd: Int32
    private let ownsDescriptor: Bool

    init(fd: Int32, ownsDescriptor: Bool) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor && fd >= 0 { _ = Glibc.close(fd) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(StreamError) {
        guard fd >= 0 else { throw .system(operation: "write", message: "stream already closed") }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                if Glibc.errno == EPIPE { throw StreamError.readerClosed }
                throw StreamError.errno("write")
            }
            offset += n
        }
    }

    func flush() throws(StreamError) {}

    func close() throws(StreamError) {
        guard fd >= 0 else { return }
        defer { fd = -1 }
        if ownsDescriptor && Glibc.close(fd) != 0 { throw StreamError.errno("close") }
    }
}

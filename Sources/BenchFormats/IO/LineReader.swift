import Foundation

/// Splits a byte source into lines without ever holding more than the longest line (capped at
/// `maxLineBytes`) plus one read chunk. Lines are handed out as borrowed buffers valid until the
/// next call, so parsing needs no copy.
final class LineReader {
    /// A line longer than the cap.
    struct LineTooLong: Error { let line: Int; let limit: Int }

    private let source: ByteSource
    private let maxLineBytes: Int
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var sourceEnded = false
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0
    /// Whether the last line returned ended at end of input without a newline.
    private(set) var lastLineUnterminated = false

    init(source: ByteSource, maxLineBytes: Int, initialCapacity: Int = 1 << 20) {
        self.source = source
        self.maxLineBytes = maxLineBytes
        buffer = .allocate(byteCount: Swift.max(1024, Swift.min(initialCapacity, maxLineBytes + 1)), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Calls `body` with the next line (without its `\n`, and without a `\r` before it), or
    /// returns nil at end of input.
    func nextLine<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        var scanFrom = start
        while true {
            if scanFrom < end, let nl = memchr(buffer.baseAddress! + scanFrom, 0x0A, end - scanFrom) {
                let nlIndex = buffer.baseAddress!.distance(to: UnsafeMutableRawPointer(nl))
                let lineStart = start
                start = nlIndex + 1
                lineNumber += 1
                lastLineUnterminated = false
                return try body(trimmed(lineStart, nlIndex))
            }
            if sourceEnded {
                guard start < end else { return nil }
                let lineStart = start
                start = end
                lineNumber += 1
                lastLineUnterminated = true
                return try body(trimmed(lineStart, end))
            }
            // Bytes already scanned hold no newline; fill() moves them to the front.
            let scanned = end - start
            try fill()
            scanFrom = start + scanned
        }
    }

    private func trimmed(_ from: Int, _ to: Int) -> UnsafeRawBufferPointer {
        var to = to
        if to > from && buffer[to - 1] == 0x0D { to -= 1 }
        return UnsafeRawBufferPointer(rebasing: buffer[from..<to])
    }

    /// Moves the partial line to the front, grows the buffer if the line fills it, reads more.
    private func fill() throws {
        if start > 0 {
            let count = end - start
            if count > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + start, count) }
            end = count
            start = 0
        }
        if end == buffer.count {
            guard buffer.count < maxLineBytes + 1 else {
                throw LineTooLong(line: lineNumber + 1, limit: maxLineBytes)
            }
            let bigger = UnsafeMutableRawBufferPointer.allocate(
                byteCount: Swift.min(buffer.count * 2, maxLineBytes + 1), alignment: 16)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = bigger
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 { sourceEnded = true }
        end += n
    }
}

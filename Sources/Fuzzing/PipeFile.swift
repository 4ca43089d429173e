import Foundation

/// Hands bytes to a reader that takes a path, through a pipe named `/dev/fd/N`, so no file is
/// written per input. Inputs are cut to below the pipe's buffer so the write never blocks.
enum PipeFile {
    static let maxBytes = 60_000

    static func with<T>(_ bytes: [UInt8], _ body: (String) -> T) -> T {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { fatalError("pipe: \(String(cString: strerror(errno)))") }
        let count = min(bytes.count, maxBytes)
        _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, count) }
        close(fds[1])
        defer { close(fds[0]) }
        return body("/dev/fd/\(fds[0])")
    }
}

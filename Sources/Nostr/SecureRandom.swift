#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Operating-system randomness for context blinding, BIP-340 aux_rand and WebSocket masking keys.
/// `getentropy` reads the kernel's generator (getrandom on Linux) up to 256 bytes per system call;
/// `SystemRandomNumberGenerator` makes one call per 8 bytes, which the transport's masking keys
/// paid per frame (35 getrandom calls per published event in a 10-node mesh, issue 15).
public enum SecureRandom {
    /// The most `getentropy` returns in one call (POSIX).
    public static let bytesPerCall = 256

    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let count = min(bytesPerCall, buffer.count - offset)
            if getentropy(base + offset, count) != 0 {
                // Only a kernel without getrandom (ENOSYS) gets here: the standard library's generator
                // has its own fallbacks, and stops the process if even they fail.
                var generator = SystemRandomNumberGenerator()
                for index in offset..<offset + count { buffer[index] = generator.next() }
            }
            offset += count
        }
    }

    public static func bytes(count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
    }
}

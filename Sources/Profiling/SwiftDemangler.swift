/// Turns Swift mangled symbols (`$s5Nostr10NostrEventV6verifyyyKF`) into readable names
/// (`Nostr.NostrEvent.verify() throws -> ()`) with the Swift runtime's own demangler, so
/// profiles read the same whichever profiler recorded them. Other names pass through.
public enum SwiftDemangler {
    public static func demangle(_ symbol: String) -> String {
        guard symbol.hasPrefix("$s") || symbol.hasPrefix("_$s") || symbol.hasPrefix("$S") || symbol.hasPrefix("_T0")
        else {
            return symbol
        }
        return symbol.withCString { mangled -> String in
            guard let buffer = swift_demangle(mangled, UInt(symbol.utf8.count), nil, nil, 0) else { return symbol }
            defer { free(buffer) }
            return String(cString: buffer)
        }
    }

    /// Demangled names shortened for a flame graph: generic signatures and argument labels add
    /// width, not meaning, so "Nostr.NostrEvent.verify() throws -> ()" becomes "Nostr.NostrEvent.verify".
    public static func shortName(_ symbol: String) -> String {
        let full = demangle(symbol)
        guard full != symbol else { return symbol }
        // The argument list starts at the first "(" that follows a name ("(extension in X):" does not).
        var previous: Character = " "
        for index in full.indices {
            if full[index] == "(" && previous != " " && index != full.startIndex { return String(full[..<index]) }
            previous = full[index]
        }
        return full
    }
}

/// The Swift runtime's demangler (`swift/Demangling/Demangle.h`, exported by libswiftCore):
/// returns a malloc'ed C string the caller frees, or nil when the input is not a Swift symbol.
@_silgen_name("swift_demangle")
private func swift_demangle(
    _ mangledName: UnsafePointer<CChar>, _ mangledNameLength: UInt,
    _ outputBuffer: UnsafeMutablePointer<CChar>?, _ outputBufferSize: UnsafeMutablePointer<UInt>?,
    _ flags: UInt32
) -> UnsafeMutablePointer<CChar>?

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Foundation

extension String {
    /// Byte-for-byte UTF-8 equality. Swift's `==` treats canonically equivalent strings as equal
    /// ("é" precomposed equals "e" + combining accent); NIP-01 values are compared as exact bytes
    /// by other relays, so filters must not match more than they do.
    @inline(__always)
    func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                mine.count == 0 || memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0
            }
        }
        if let fast, let result = fast { return result }
        return utf8.elementsEqual(other.utf8)
    }
}

extension Array where Element == String {
    /// `contains` with byte-for-byte equality (see `String.hasSameUTF8(as:)`).
    @inline(__always)
    func containsSameUTF8(_ value: String) -> Bool {
        contains { $0.hasSameUTF8(as: value) }
    }
}

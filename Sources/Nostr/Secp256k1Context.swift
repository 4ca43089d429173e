import CSecp256k1

/// The one libsecp256k1 context the process uses. Created once and randomized once (side-channel
/// blinding for signing); after that libsecp256k1 documents it as safe to share across threads for
/// every call that takes a `const secp256k1_context*` (key creation, signing, verification).
///
/// `@unchecked Sendable` because an `OpaquePointer` cannot say so. Invariant: `pointer` is set
/// once in `init` and only ever passed as a const context. Exercised from 64 threads at once by
/// `SignVerifyTests.testConcurrentSigningAndVerificationShareTheContext`.
final class Secp256k1Context: @unchecked Sendable {
    static let shared = Secp256k1Context()

    let pointer: OpaquePointer

    private init() {
        guard let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            preconditionFailure("libsecp256k1 could not allocate a context (out of memory)")
        }
        var seed = SecureRandom.bytes(count: 32)
        // Returns 0 only for a context without signing support, which CONTEXT_NONE is not.
        let randomized = secp256k1_context_randomize(context, &seed)
        precondition(randomized == 1, "secp256k1_context_randomize failed on a fresh context")
        pointer = context
    }
}

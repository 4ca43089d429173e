import CSecp256k1

/// BIP-340 Schnorr signatures over secp256k1, through libsecp256k1's schnorrsig module.
enum BIP340 {
    /// A parsed keypair: the secret key plus its cached x-only public key.
    typealias Keypair = secp256k1_keypair

    /// Parses a 32-byte secret key; `nil` when it is zero or not below the curve order.
    static func keypair(secretKey: [UInt8]) -> Keypair? {
        guard secretKey.count == 32 else { return nil }
        var keypair = secp256k1_keypair()
        let ok = secretKey.withUnsafeBufferPointer {
            secp256k1_keypair_create(Secp256k1Context.shared.pointer, &keypair, $0.baseAddress!)
        }
        return ok == 1 ? keypair : nil
    }

    /// The 32-byte x-only public key of a keypair.
    static func xOnlyPublicKey(of keypair: Keypair) -> [UInt8] {
        let context = Secp256k1Context.shared.pointer
        var keypair = keypair
        var xonly = secp256k1_xonly_pubkey()
        var out = [UInt8](repeating: 0, count: 32)
        // Both calls only fail on arguments a valid keypair cannot produce.
        guard secp256k1_keypair_xonly_pub(context, &xonly, nil, &keypair) == 1,
            secp256k1_xonly_pubkey_serialize(context, &out, &xonly) == 1
        else {
            preconditionFailure("libsecp256k1 rejected a keypair it created")
        }
        return out
    }

    /// Signs a 32-byte message with explicit auxiliary randomness (32 bytes). Same inputs give the
    /// same signature, which is what the BIP-340 test vectors check.
    static func sign(message: [UInt8], keypair: Keypair, auxRandom: [UInt8]) -> [UInt8] {
        precondition(
            message.count == 32 && auxRandom.count == 32, "BIP-340 signs 32-byte messages with 32-byte aux_rand")
        var keypair = keypair
        var signature = [UInt8](repeating: 0, count: 64)
        let ok = secp256k1_schnorrsig_sign32(Secp256k1Context.shared.pointer, &signature, message, &keypair, auxRandom)
        // libsecp256k1 returns 0 only for an invalid keypair, which `keypair(secretKey:)` excludes.
        precondition(ok == 1, "secp256k1_schnorrsig_sign32 failed on a valid keypair")
        return signature
    }

    /// Parses a 32-byte x-only public key; `nil` when it is not the x coordinate of a curve point.
    static func parsePublicKey(_ bytes: [UInt8]) -> secp256k1_xonly_pubkey? {
        guard bytes.count == 32 else { return nil }
        var key = secp256k1_xonly_pubkey()
        return secp256k1_xonly_pubkey_parse(Secp256k1Context.shared.pointer, &key, bytes) == 1 ? key : nil
    }

    /// Verifies a 64-byte signature of a 32-byte message.
    static func verify(signature: [UInt8], message: [UInt8], publicKey: secp256k1_xonly_pubkey) -> Bool {
        guard signature.count == 64, message.count == 32 else { return false }
        var key = publicKey
        return secp256k1_schnorrsig_verify(Secp256k1Context.shared.pointer, signature, message, 32, &key) == 1
    }
}

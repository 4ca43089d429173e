import XCTest
@testable import Nostr

/// The official BIP-340 test vectors (bitcoin/bips, bip-0340/test-vectors.csv, rows 0–14: the
/// 32-byte-message rows). Signing rows check key generation and the exact signature for the given
/// aux_rand; every row checks verification, including the failures.
final class BIP340VectorTests: XCTestCase {
    struct Row {
        let index: Int
        let secretKey: String?
        let publicKey: String
        let auxRand: String?
        let message: String
        let signature: String
        let valid: Bool
    }

    static let rows: [Row] = [
        Row(
            index: 0, secretKey: "0000000000000000000000000000000000000000000000000000000000000003",
            publicKey: "F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9",
            auxRand: "0000000000000000000000000000000000000000000000000000000000000000",
            message: "0000000000000000000000000000000000000000000000000000000000000000",
            signature:
                "E907831F80848D1069A5371B402410364BDF1C5F8307B0084C55F1CE2DCA821525F66A4A85EA8B71E482A74F382D2CE5EBEEE8FDB2172F477DF4900D310536C0",
            valid: true),
        Row(
            index: 1, secretKey: "B7E151628AED2A6ABF7158809CF4F3C762E7160F38B4DA56A784D9045190CFEF",
            publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: "0000000000000000000000000000000000000000000000000000000000000001",
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "6896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A",
            valid: true),
        Row(
            index: 2, secretKey: "C90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B14E5C9",
            publicKey: "DD308AFEC5777E13121FA72B9CC1B7CC0139715309B086C960E18FD969774EB8",
            auxRand: "C87AA53824B4D7AE2EB035A2B5BBBCCC080E76CDC6D1692C4B0B62D798E6D906",
            message: "7E2D58D8B3BCDF1ABADEC7829054F90DDA9805AAB56C77333024B9D0A508B75C",
            signature:
                "5831AAEED7B44BB74E5EAB94BA9D4294C49BCF2A60728D8B4C200F50DD313C1BAB745879A5AD954A72C45A91C3A51D3C7ADEA98D82F8481E0E1E03674A6F3FB7",
            valid: true),
        Row(
            index: 3, secretKey: "0B432B2677937381AEF05BB02A66ECD012773062CF3FA2549E44F58ED2401710",
            publicKey: "25D1DFF95105F5253C4022F628A996AD3A0D95FBF21D468A1B33F8C160D8F517",
            auxRand: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
            message: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
            signature:
                "7EB0509757E246F19449885651611CB965ECC1A187DD51B64FDA1EDC9637D5EC97582B9CB13DB3933705B32BA982AF5AF25FD78881EBB32771FC5922EFC66EA3",
            valid: true),
        Row(
            index: 4, secretKey: nil, publicKey: "D69C3509BB99E412E68B0FE8544E72837DFA30746D8BE2AA65975F29D22DC7B9",
            auxRand: nil,
            message: "4DF3C3F68FCC83B27E9D42C90431A72499F17875C81A599B566C9889B9696703",
            signature:
                "00000000000000000000003B78CE563F89A0ED9414F5AA28AD0D96D6795F9C6376AFB1548AF603B3EB45C9F8207DEE1060CB71C04E80F593060B07D28308D7F4",
            valid: true),
        // Row 5: public key not on the curve.
        Row(
            index: 5, secretKey: nil, publicKey: "EEFDEA4CDB677750A420FEE807EACF21EB9898AE79B9768766E4FAA04A2D4A34",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "6CFF5C3BA86C69EA4B7376F31A9BCB4F74C1976089B2D9963DA2E5543E17776969E89B4C5564D00349106B8497785DD7D1D713A8AE82B32FA79D5F7FC407D39B",
            valid: false),
        // Row 6: has_even_y(R) is false.
        Row(
            index: 6, secretKey: nil, publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "FFF97BD5755EEEA420453A14355235D382F6472F8568A18B2F057A14602975563CC27944640AC607CD107AE10923D9EF7A73C643E166BE5EBEAFA34B1AC553E2",
            valid: false),
        // Row 7: negated message.
        Row(
            index: 7, secretKey: nil, publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "1FA62E331EDBC21C394792D2AB1100A7B432B013DF3F6FF4F99FCB33E0E1515F28890B3EDB6E7189B630448B515CE4F8622A954CFE545735AAEA5134FCCDB2BD",
            valid: false),
        // Row 8: negated s value.
        Row(
            index: 8, secretKey: nil, publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "6CFF5C3BA86C69EA4B7376F31A9BCB4F74C1976089B2D9963DA2E5543E177769961764B3AA9B2FFCB6EF947B6887A226E8D7C93E00C5ED0C1834FF0D0C2E6DA6",
            valid: false),
        // Row 9: sG - eP is infinite (x(inf) taken as 0).
        Row(
            index: 9, secretKey: nil, publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "0000000000000000000000000000000000000000000000000000000000000000123DDA8328AF9C23A94C1FEECFD123BA4FB73476F0D594DCB65C6425BD186051",
            valid: false),
        // Row 10: sG - eP is infinite (x(inf) taken as 1).
        Row(
            index: 10, secretKey: nil, publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "00000000000000000000000000000000000000000000000000000000000000017615FBAF5AE28864013C099742DEADB4DBA87F11AC6754F93780D5A1837CF197",
            valid: false),
        // Row 11: sig[0:32] is not an X coordinate on the curve.
        Row(
            index: 11, secretKey: nil, publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "4A298DACAE57395A15D0795DDBFD1DCB564DA82B0F269BC70A74F8220429BA1D69E89B4C5564D00349106B8497785DD7D1D713A8AE82B32FA79D5F7FC407D39B",
            valid: false),
        // Row 12: sig[0:32] is equal to the field size.
        Row(
            index: 12, secretKey: nil, publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F69E89B4C5564D00349106B8497785DD7D1D713A8AE82B32FA79D5F7FC407D39B",
            valid: false),
        // Row 13: sig[32:64] is equal to the curve order.
        Row(
            index: 13, secretKey: nil, publicKey: "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "6CFF5C3BA86C69EA4B7376F31A9BCB4F74C1976089B2D9963DA2E5543E177769FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141",
            valid: false),
        // Row 14: public key exceeds the field size.
        Row(
            index: 14, secretKey: nil, publicKey: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC30",
            auxRand: nil,
            message: "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89",
            signature:
                "6CFF5C3BA86C69EA4B7376F31A9BCB4F74C1976089B2D9963DA2E5543E17776969E89B4C5564D00349106B8497785DD7D1D713A8AE82B32FA79D5F7FC407D39B",
            valid: false),
    ]

    private func bytes(_ upperHex: String) -> [UInt8] {
        guard let bytes = Hex.decodeLowercase(upperHex.lowercased(), byteCount: upperHex.utf8.count / 2) else {
            preconditionFailure("bad hex in test vector: \(upperHex)")
        }
        return bytes
    }

    func testSigningRowsProduceTheExactSignature() throws {
        for row in Self.rows {
            guard let secretKey = row.secretKey, let auxRand = row.auxRand else { continue }
            let pair = try NostrKeyPair(secretKey: bytes(secretKey))
            XCTAssertEqual(pair.publicKeyHex, row.publicKey.lowercased(), "row \(row.index) public key")
            let signature = pair.signature(message: bytes(row.message), auxRandom: bytes(auxRand))
            XCTAssertEqual(Hex.encode(signature), row.signature.lowercased(), "row \(row.index) signature")
        }
    }

    func testVerificationResultOfEveryRow() {
        var failures = 0
        for row in Self.rows {
            let verified: Bool
            if let key = BIP340.parsePublicKey(bytes(row.publicKey)) {
                verified = BIP340.verify(signature: bytes(row.signature), message: bytes(row.message), publicKey: key)
            } else {
                verified = false  // rows 5 and 14: the key itself is refused
            }
            XCTAssertEqual(verified, row.valid, "row \(row.index)")
            if !row.valid { failures += 1 }
        }
        XCTAssertEqual(failures, 10, "rows 5–14 are the failure vectors")
    }

    func testOffCurveKeysAreRefusedAtParse() {
        XCTAssertNil(BIP340.parsePublicKey(bytes(Self.rows[5].publicKey)))
        XCTAssertNil(BIP340.parsePublicKey(bytes(Self.rows[14].publicKey)))
    }

    func testSecretKeyRange() {
        // Zero and the group order n are outside 1..<n; n − 1 is the largest valid key.
        XCTAssertThrowsError(try NostrKeyPair(secretKey: [UInt8](repeating: 0, count: 32))) {
            XCTAssertEqual($0 as? NostrKeyError, .outOfRange)
        }
        XCTAssertThrowsError(
            try NostrKeyPair(secretKey: bytes("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141"))
        ) {
            XCTAssertEqual($0 as? NostrKeyError, .outOfRange)
        }
        XCTAssertNoThrow(
            try NostrKeyPair(secretKey: bytes("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140")))
        XCTAssertThrowsError(try NostrKeyPair(secretKey: [1, 2, 3])) {
            XCTAssertEqual($0 as? NostrKeyError, .wrongLength(3))
        }
    }
}

import AlimCore

/// A keyed fingerprint of an ENT activation code, the only trace of it the state keeps.
///
/// The ENT's codes are short (8 letters): a plain hash in the state could be reversed by trying them
/// all, so the fingerprint is an HMAC under the workdir's secret key, bound to the account id. It
/// answers one question on a later night — is this the code already printed? — and reveals nothing.
enum ENTCodeFingerprint {
    static func of(_ code: String, accountId: AccountID, key: [UInt8]) -> String {
        var message = Array("alim-ent-code-v1".utf8) + [0]
        message += Array(accountId.utf8) + [0]
        message += Array(code.utf8)
        return Hex.encode(Array(HMACSHA256.mac(key: key, message: message).prefix(16)))
    }
}

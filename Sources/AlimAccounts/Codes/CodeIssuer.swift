import AlimCore

/// Issues and re-derives activation codes for one run.
///
/// A new generation is issued when an account has none, when its code expired (the run date is after
/// the expiry day) or when a renewal was asked; otherwise the current generation's code is re-derived,
/// identical to the one printed before.
///
/// A generation's nonce is itself derived from the secret key (which comes from the CSPRNG), the account
/// id, the generation and an attempt counter: codes are unpredictable without the key, and a run killed
/// before its commit and run again issues exactly the codes an uninterrupted run would have (the kill
/// test relies on it). A rerun of the same run id also reuses the nonces stored by that run (`reuse`).
struct CodeIssuer {
    let key: [UInt8]
    let date: RunDate
    let runId: String
    let validityDays: Int
    /// `accountId#generation` → nonce hex, drawn by an earlier execution of this same run id.
    let reuse: [String: String]
    private(set) var inUse: Set<String> = []

    init(key: [UInt8], date: RunDate, runId: String, validityDays: Int, reuse: [String: String], state: StateSnapshot) {
        self.key = key
        self.date = date
        self.runId = runId
        self.validityDays = validityDays
        self.reuse = reuse
        for g in Self.currentGenerations(state).values where !isExpired(g) { inUse.insert(code(g)) }
    }

    static func currentGenerations(_ state: StateSnapshot) -> [AccountID: GenerationRow] {
        var out: [AccountID: GenerationRow] = [:]
        for g in state.generations where (out[g.accountId]?.generation ?? 0) < g.generation { out[g.accountId] = g }
        return out
    }

    func isExpired(_ g: GenerationRow) -> Bool {
        guard let expires = RunDate(g.expires) else { return true }
        return date > expires
    }

    func code(_ g: GenerationRow) -> String {
        ActivationCode.derive(key: key, accountId: g.accountId, generation: g.generation, nonce: Hex.decode(g.nonce) ?? [])
    }

    /// The printable credential of a stored generation, nil once expired.
    func credential(_ g: GenerationRow?) -> Credential? {
        guard let g, !isExpired(g) else { return nil }
        return Credential(code: ActivationCode.grouped(code(g)), expires: g.expires, issuedTonight: g.runId == runId)
    }

    /// A new generation after `current`, its nonce reused from this run id's earlier execution or
    /// derived from the key (the next attempt in the astronomically rare case of a code already in use).
    mutating func issue(accountId: AccountID, after current: GenerationRow?) -> GenerationRow {
        let generation = (current?.generation ?? 0) + 1
        var g = GenerationRow(accountId: accountId, generation: generation, nonce: "", issued: date.description,
                              expires: date.adding(days: validityDays).description, runId: runId)
        if let nonce = reuse["\(accountId)#\(generation)"] {
            g.nonce = nonce
        } else {
            var attempt = 0
            repeat {
                g.nonce = Hex.encode(Self.nonce(key: key, accountId: accountId, generation: generation, attempt: attempt))
                attempt += 1
            } while inUse.contains(code(g))
        }
        inUse.insert(code(g))
        return g
    }

    /// 16 bytes of HMAC-SHA256(key, "alim-nonce-v1" 0 accountId 0 generation 0 attempt).
    static func nonce(key: [UInt8], accountId: String, generation: Int, attempt: Int) -> [UInt8] {
        var message = Array("alim-nonce-v1".utf8) + [0]
        message += Array(accountId.utf8) + [0]
        message += Array(String(generation).utf8) + [0]
        message += Array(String(attempt).utf8)
        return Array(HMACSHA256.mac(key: key, message: message).prefix(16))
    }
}

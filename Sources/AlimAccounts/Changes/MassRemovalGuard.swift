import AlimCore

/// Refuses suspicious mass removals: a director who exported one class instead of the school must
/// not make the night deactivate everyone else.
///
/// A school trips the guard when more than `massRemovalRatio` of its active accounts and at least
/// `massRemovalMinimum` of them would leave tonight, unless the operator allowed it (`allow`).
enum MassRemovalGuard {
    static func holds(activeRows: [AccountRow], leaving: Set<AccountID>, present: Set<UAI>,
                      config: AccountsConfig, allow: Set<UAI>) -> [MassRemovalHold] {
        var before: [UAI: Int] = [:]
        var gone: [UAI: Int] = [:]
        for row in activeRows {
            for uai in Set(row.uais) where present.contains(uai) {
                before[uai, default: 0] += 1
                if leaving.contains(row.id) { gone[uai, default: 0] += 1 }
            }
        }
        return gone.keys.sorted().compactMap { uai in
            let n = gone[uai] ?? 0, total = before[uai] ?? 0
            guard !allow.contains(uai), n >= config.massRemovalMinimum,
                  Double(n) > config.massRemovalRatio * Double(total) else { return nil }
            return MassRemovalHold(uai: uai, accountsBefore: total, wouldLeave: n)
        }
    }
}

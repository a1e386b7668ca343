import AlimCore

/// The externalId each One account carries in the ENT: the tenant prefix, then Alim's account id
/// (`ALIM-O0000042`). The import bundle writes it; the ENT's users export gives it back in `Id`.
public enum ENTExternalID {
    /// The tenant prefix of this département's externalIds.
    public static func prefix(_ config: AlimConfig) -> String { config.accounts.entTenantPrefix }

    /// The externalId of one account.
    static func make(_ accountId: AccountID, prefix: String) -> String { prefix + accountId }

    /// Alim's account id inside an externalId, or nil when the externalId was not given by this
    /// tenant (an account made by hand in the ENT, or by another feed).
    static func accountId(_ externalId: String, prefix: String) -> AccountID? {
        guard !prefix.isEmpty, externalId.hasPrefix(prefix), externalId.count > prefix.count else { return nil }
        return String(externalId.dropFirst(prefix.count))
    }
}

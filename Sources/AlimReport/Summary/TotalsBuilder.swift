import AlimCore

/// Computes the run totals of summary.json from whatever artifacts exist.
///
/// Kept apart from the HTML so the operator's cron (reading summary.json) and the page always agree.
enum TotalsBuilder {
    /// Totals of a run; a stage that did not run contributes zero (and no account keys).
    static func totals(_ input: ReportInput) -> RunTotals {
        RunTotals(persons: input.identity?.persons.count ?? 0,
                  accounts: accountCounts(input.accounts),
                  sheets: (input.sheets?.bundles ?? []).reduce(0) { $0 + $1.printed + $1.emailed },
                  reviewPairs: input.identity?.review.count ?? 0,
                  rejects: input.ingest?.rejects.count ?? 0,
                  // warnings.csv holds both: ingest's, and the ENT lines the accounts stage could not match.
                  warnings: (input.ingest?.warnings.count ?? 0) + (input.accounts?.warnings.count ?? 0))
    }

    /// Live accounts (every change but `left`) per `"platform/profile"`; every combination is present
    /// once the accounts stage ran, so two nights' summaries always have the same keys.
    static func accountCounts(_ artifact: AccountsArtifact?) -> [String: Int] {
        guard let artifact else { return [:] }
        var counts: [String: Int] = [:]
        for platform in Platform.allCases {
            for profile in Profile.allCases { counts[key(platform, profile)] = 0 }
        }
        for account in artifact.accounts where account.change != .left {
            counts[key(account.platform, account.profile), default: 0] += 1
        }
        return counts
    }

    /// The summary.json key of one platform and profile, e.g. `one/guardian`.
    static func key(_ platform: Platform, _ profile: Profile) -> String { "\(platform.rawValue)/\(profile.rawValue)" }
}

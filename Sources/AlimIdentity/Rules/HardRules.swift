/// What the hard rules allow for one pair, whatever its score.
enum RuleVerdict: Sendable, Equatable {
    /// The score decides.
    case allow
    /// Never merged automatically; the director may still be asked. `transitive` rules also forbid
    /// a cluster from containing the pair through other merges.
    case noMerge(reason: String, transitive: Bool)
    /// Never merged and never asked: the records describe different people.
    case distinct(reason: String)

    var forbidsCluster: Bool {
        switch self {
        case .allow: return false
        case .distinct: return true
        case let .noMerge(_, transitive): return transitive
        }
    }
}

/// The rules that forbid an automatic merge, whatever the score: each one is a real privacy
/// incident (a stranger given access to a child) that a probabilistic score alone could cause.
enum HardRules {
    /// Pupils born more than this many years apart are never one person (father and son).
    static let maxYearGap = 12

    static func check(_ a: NormalizedRecord, _ b: NormalizedRecord, _ p: PairAssessment) -> RuleVerdict {
        if a.isGuardianType != b.isGuardianType {
            return .distinct(reason: "un élève et un responsable ne sont jamais la même personne")
        }
        if p.ineEqual == false { return .distinct(reason: "INE différents") }
        let firstNamesDiffer = p.firstName == .different || p.firstName == .close
        if !a.isGuardianType, p.date == .exact, firstNamesDiffer, p.surname >= .close || p.sharedGuardian {
            let reason = "jumeaux probables : même date de naissance, prénoms différents"
            return p.ineEqual == true ? .noMerge(reason: reason, transitive: true) : .distinct(reason: reason)
        }
        if let gap = FieldComparison.yearGap(a.birthDate, b.birthDate), gap > maxYearGap {
            return .distinct(reason: "plus de \(maxYearGap) ans d'écart entre les dates de naissance")
        }
        if p.firstName == .different {
            let reason = "prénoms différents"
            return p.ineEqual == true ? .noMerge(reason: reason, transitive: true) : .distinct(reason: reason)
        }
        if a.isGuardianType, p.phonesDiffer, p.emailsDiffer, p.address == .different {
            return .noMerge(reason: "homonymes : téléphones, courriels et adresses tous différents", transitive: true)
        }
        if p.sameFile, !(p.sharedPhone || p.sharedEmail || p.ineEqual == true) {
            return .noMerge(reason: "deux lignes distinctes du même fichier sans téléphone ni courriel commun", transitive: true)
        }
        if a.isGuardianType, !p.hasStrongCorroboration {
            return .noMerge(reason: "aucun téléphone, courriel, enfant ou date de naissance en commun", transitive: false)
        }
        return .allow
    }
}

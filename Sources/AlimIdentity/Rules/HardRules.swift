/// What the hard rules allow for one pair, whatever its score.
enum RuleVerdict: Sendable, Equatable {
    /// The score decides.
    case allow
    /// Never merged automatically; the director may still be asked. `transitive` rules also forbid
    /// a cluster from containing the pair through other merges.
    case noMerge(reason: String, transitive: Bool)
    /// Never merged and never asked: the records describe different people.
    case distinct(reason: String)
    /// Not merged and not asked, for lack of evidence rather than against it: the pair does not stop
    /// the two records from meeting in one person through better-evidenced merges.
    case insufficient(reason: String)

    var forbidsCluster: Bool {
        switch self {
        case .allow, .insufficient: return false
        case .distinct: return true
        case let .noMerge(_, transitive): return transitive
        }
    }
}

/// The rules that forbid an automatic merge, whatever the score: each one is a real privacy
/// incident (a stranger given access to a child) that a probabilistic score alone could cause.
enum HardRules {
    /// Records born more than this many years apart are never one person (father and son).
    static let maxYearGap = 12
    /// A guardian pair sharing only a name is worth a director's time only when the name is rare:
    /// below this weight (frequent surname and first name) it stays distinct.
    static let nameOnlyReviewFloor = 16.0

    /// Two rows of one file that are one guardian entered twice: same names, same address (or none on one
    /// row), a child in
    /// common, one row giving the phone and the other the e-mail (so nothing can disagree), or both rows
    /// giving exactly the same phones and e-mail (the row typed twice); no sex (civility) or relationship
    /// against it. A row giving no contact at all is asked, not merged: a grandfather with the father's
    /// name whose landline was not exported looks exactly like it (seen on the held-out bench seed). The family graph alone never suffices: a father and his son, a mother and
    /// the grandmother share a child and a home, but then a row repeats the household landline, gives
    /// its own number, or has another first name. A row giving only the household landline that the other
    /// row gives beside a mobile or an e-mail is such a relative as likely: asked, not merged.
    static func twoRowsOfOneGuardian(_ p: PairAssessment) -> Bool {
        p.guardians.0 && p.guardians.1 && p.sharedChild && p.address != .different && p.surname == .exact
            && p.firstName == .exact && !p.swapped && !p.sexDiffers && !p.relationshipConflict && !p.phonesDiffer && !p.emailsDiffer
            && (p.complementaryContacts && !p.sharedLandline || p.sameContacts)
    }

    /// The verdict for two normalised records (fills the record-level facts the assessment lacks).
    static func check(_ a: NormalizedRecord, _ b: NormalizedRecord, _ p: PairAssessment) -> RuleVerdict {
        var p = p
        p.guardians = (a.isGuardianType, b.isGuardianType)
        p.yearGap = FieldComparison.yearGap(a.birthDate, b.birthDate)
        return check(p)
    }

    /// The verdict from an assessment alone (the scorer records both kinds and the year gap).
    static func check(_ p: PairAssessment) -> RuleVerdict {
        let guardianPair = p.guardians.0
        if p.guardians.0 != p.guardians.1 {
            return .distinct(reason: "un élève et un responsable ne sont jamais la même personne")
        }
        if p.ineEqual == false {
            // Two INEs are two pupils, unless they are one character apart while everything else agrees:
            // then one of them is a typing slip (a pupil re-entered in another school), weak evidence only.
            guard p.ineTypo, !guardianPair, p.firstName == .exact, p.date == .exact, p.surname >= .close, !p.sexDiffers else {
                return .distinct(reason: "INE différents")
            }
            if !p.sharedGuardian {
                return .noMerge(reason: "INE à un caractère près : faute de frappe possible, mais la famille ne le confirme pas", transitive: false)
            }
        }
        let ineSame = p.ineEqual == true
        // Twins: same birth date, close or different first names. Only an equal INE says otherwise.
        if !guardianPair, p.date == .exact, p.firstName == .close || p.firstName == .different,
           p.surname >= .close || p.sharedGuardian, !ineSame {
            return .distinct(reason: "jumeaux probables : même date de naissance, prénoms différents")
        }
        if let gap = p.yearGap, gap > maxYearGap {
            return .distinct(reason: "plus de \(maxYearGap) ans d'écart entre les dates de naissance")
        }
        if p.relationshipConflict {
            return .distinct(reason: "liens de parenté différents avec le même enfant")
        }
        // Mother and grandmother, father and uncle: one surname and address, another first name.
        if p.firstName == .different {
            return ineSame ? .noMerge(reason: "prénoms différents", transitive: true) : .distinct(reason: "prénoms différents")
        }
        if p.surname == .different, !ineSame {
            if guardianPair, p.sharedPhone || p.sharedEmail {
                // A mother's birth name in one file, her usage name in the other: her own contacts tell.
            } else if !guardianPair, !p.sharedGuardian {
                return .distinct(reason: "noms différents")
            } else if guardianPair, p.phonesDiffer || p.emailsDiffer || p.address == .different {
                // Another surname and contacts that disagree: a namesake by first name, not a usage name.
                return .distinct(reason: "noms différents et coordonnées différentes")
            } else {
                return .noMerge(reason: "noms différents", transitive: false)
            }
        }
        // Julien and Julie, Stéphane and Stéphanie at one address: civilities that disagree on close first
        // names are a couple or a parent and a child, never one typo.
        if guardianPair, p.sexDiffers, p.firstName != .exact, !p.hasPersonalCorroboration {
            return .distinct(reason: "prénoms proches et sexes différents")
        }
        if guardianPair {
            let differing = [(p.phonesDiffer, "téléphones"), (p.emailsDiffer, "courriels"), (p.address == .different, "adresses")]
                .filter(\.0).map(\.1)
            // Homonyms: the same name is all they share, and what else they give disagrees.
            if !p.hasStrongCorroboration, !differing.isEmpty {
                return .distinct(reason: "homonymes probables : aucune coordonnée commune (" + differing.joined(separator: ", ") + " différents)")
            }
            if differing.count == 3 {
                return .noMerge(reason: "homonymes : téléphones, courriels et adresses tous différents", transitive: true)
            }
        }
        // A pupil's birth date is given by every source: one that disagrees outright is another child,
        // even on the next line of the same file (siblings of homonymous families).
        if !guardianPair, !ineSame, p.date == .different {
            return .distinct(reason: "dates de naissance différentes")
        }
        if p.sameFile, !(p.sharedPhone || p.sharedEmail || ineSame), !Self.twoRowsOfOneGuardian(p) {
            return .noMerge(reason: "deux lignes distinctes du même fichier sans téléphone portable ni courriel commun", transitive: true)
        }
        // Mother and grandmother, father and son: one surname, one home, one child. First names that are
        // only close, with nothing personal in common, are two members of the family as likely as one typo.
        // Where both sources give the relationship and it agrees (SIECLE and AAF: mother and mother), the
        // grandmother is ruled out and the typo stands.
        if guardianPair, p.firstName == .close || p.firstName == .partial, !p.hasPersonalCorroboration, p.sharedChild,
           !p.relationshipAgrees {
            return .noMerge(reason: "prénoms proches, seuls l'enfant et le domicile sont communs : peut-être deux membres de la famille",
                            transitive: false)
        }
        // A legal guardian and a mere contact (SIECLE lists grandparents as contacts) with a name and a home
        // in common and nothing personal: the father and the grandfather with his name as likely as one man.
        if guardianPair, p.legalAndContact, !p.hasPersonalCorroboration, !p.sharedChild {
            return .noMerge(reason: "un responsable légal et un simple contact : seuls le nom et le domicile sont communs", transitive: false)
        }
        // One letter off in the first name, same surname, and the same home (address or landline): a typo
        // of one guardian is likelier than two relatives one letter apart, but only the director can tell.
        if guardianPair, !p.hasStrongCorroboration, p.surname == .exact, p.firstName == .close, !p.sexDiffers,
           p.address == .exact || p.sharedLandline {
            return .noMerge(reason: "prénoms à une lettre près, même nom et même domicile : faute de frappe probable", transitive: false)
        }
        if guardianPair, !p.hasStrongCorroboration, p.score < nameOnlyReviewFloor {
            return .insufficient(reason: "seul le nom est commun, et il est trop fréquent pour suffire")
        }
        if guardianPair, !p.hasStrongCorroboration {
            return .noMerge(reason: "aucun téléphone portable, courriel, enfant, adresse ou date de naissance en commun", transitive: false)
        }
        if !guardianPair, !ineSame, p.date == .different || (p.date == .oneDigit && !p.sharedGuardian) {
            return .distinct(reason: "dates de naissance différentes")
        }
        if !guardianPair, !ineSame, p.date != .exact, p.date != .swappedDayMonth {
            return .noMerge(reason: "dates de naissance non concordantes", transitive: false)
        }
        // In a département, two children of two schools share a name and a birth day by chance (two « Alice
        // PETIT » born on 16/03/2021): without an INE in common, their guardians must confirm the move.
        if !guardianPair, !ineSame, !p.sharedGuardian, !p.sameFile {
            return .noMerge(reason: "ni INE ni responsable commun pour confirmer qu'il s'agit du même élève", transitive: false)
        }
        return .allow
    }
}

import AlimCore

/// Scores candidate pairs: the sum of log2(m/u) weights over names, birth date, INE, contacts,
/// address and the family graph, with a French reason for every field that spoke.
///
/// Works by record index over `FeatureTable` (interned integers): no record is copied and no `String`
/// compared per pair; display values are read from the records only when reasons are written.
struct PairScorer: Sendable {
    let context: MatchContext
    /// Whether to write the French reasons: only review pairs need them, and building them for every
    /// candidate pair would cost more than scoring it.
    var explain = false

    func assess(_ i: Int, _ j: Int) -> PairAssessment {
        let f = context.features
        var p = PairAssessment()
        p.sameFile = f.file[i] == f.file[j]
        p.guardians = (f.guardian[i], f.guardian[j])
        p.legalAndContact = f.guardian[i] && f.guardian[j] && f.contact[i] != f.contact[j]
        p.yearGap = FieldComparison.yearGap(f.birth[i], f.birth[j])

        let x = f.ine[i], y = f.ine[j]
        if x >= 0, y >= 0 {
            p.ineEqual = x == y
            if x == y {
                add(&p, Weights.ineEqual, "même INE")
            } else if Self.ineOneCharacterApart(x, y, f) {
                p.ineTypo = true
                add(&p, Weights.ineOneCharacter, "INE à un caractère près : \(context.keys[i].ine ?? "?") / \(context.keys[j].ine ?? "?")")
            } else {
                note(&p, "INE différents")
            }
        }
        scoreNames(&p, i, j, f)
        scoreDate(&p, i, j, f)
        if f.sex[i] != 0, f.sex[j] != 0, f.sex[i] != f.sex[j] { p.sexDiffers = true; add(&p, Weights.sexDifferent, "sexes différents") }
        scoreContacts(&p, i, j, f)
        scoreFamily(&p, i, j, f)
        return p
    }

    private func add(_ p: inout PairAssessment, _ weight: Double, _ reason: @autoclosure () -> String) {
        p.score += weight
        if explain { p.reasons.append(reason()) }
    }

    private func note(_ p: inout PairAssessment, _ reason: @autoclosure () -> String) {
        if explain { p.reasons.append(reason()) }
    }

    // MARK: names

    private func scoreNames(_ p: inout PairAssessment, _ i: Int, _ j: Int, _ f: FeatureTable) {
        let la = f.lastName[i], lb = f.lastName[j], ua = f.usageName[i], ub = f.usageName[j]
        let fa = f.firstName[i], fb = f.firstName[j]
        var (surname, matchedKey) = bestSurname(la, ua, lb, ub, f)
        var first = FieldComparison.names(fa, fb, f)
        var exactFirstKey = fa.compact
        if first == .close || first == .different, let full = Self.accentLost(i, j, f) {
            // `Benot` / `Benoît`: the letter vanished in an export that could not encode it, the
            // name itself agrees (unless the records give different sexes: Anas / Anaïs).
            p.accentLost = true
            first = .exact
            exactFirstKey = full
        }
        // `O?uz` / `Oguz` / `Ouz` / `Oğuz`: a letter an 8-bit export could not write is no disagreement.
        if first != .exact, first != .missing, !(f.sex[i] != 0 && f.sex[j] != 0 && f.sex[i] != f.sex[j]),
           Self.lossAgrees([(f.lossFirst[i], fa)], [(f.lossFirst[j], fb)], f) {
            p.encodingLoss = true
            first = .exact
        }
        if surname != .exact, surname != .missing,
           Self.lossAgrees([(f.lossLast[i], la), (f.lossUsage[i], ua)], [(f.lossLast[j], lb), (f.lossUsage[j], ub)], f) {
            p.encodingLoss = true
            surname = .exact
            matchedKey = la.compact
        }
        if surname < .close || first < .close {
            let s1 = max(FieldComparison.names(la, fb, f), ua.isEmpty ? .missing : FieldComparison.names(ua, fb, f))
            let s2 = max(FieldComparison.names(fa, lb, f), ub.isEmpty ? .missing : FieldComparison.names(fa, ub, f))
            if s1 >= .close, s2 >= .close {
                p.swapped = true
                surname = s2
                first = s1
                matchedKey = -1
                add(&p, Weights.swappedPenalty, "nom et prénom inversés")
            }
        }
        p.surname = surname
        p.firstName = first
        let hasUsage = !ua.isEmpty || !ub.isEmpty
        switch surname {
        case .exact:
            let count = matchedKey >= 0 ? max(Int(f.surnameCount[Int(matchedKey)]), 1) : 1
            let w = Weights.exactName(count: count, population: context.population, range: Weights.surnameExactRange)
            add(&p, w, hasUsage ? "même nom (naissance ou usage)" : "même nom")
        case .close: add(&p, Weights.surnameClose, "noms proches : \(lastDisplay(i)) / \(lastDisplay(j))")
        case .partial: add(&p, Weights.surnamePartial, "noms composés en partie communs : \(lastDisplay(i)) / \(lastDisplay(j))")
        case .different: add(&p, Weights.surnameDifferent, "noms différents : \(lastDisplay(i)) / \(lastDisplay(j))")
        case .missing: break
        }
        switch first {
        case .exact:
            let key = p.swapped ? fb.compact : exactFirstKey
            let count = key >= 0 && Int(key) < f.firstNameCount.count ? max(Int(f.firstNameCount[Int(key)]), 1) : 1
            let w = Weights.exactName(count: count, population: context.population, range: Weights.firstNameExactRange)
            let accentLost = p.accentLost, lost = p.encodingLoss
            add(&p, w, accentLost ? "même prénom, lettre accentuée perdue : \(firstDisplay(i)) / \(firstDisplay(j))"
                : lost ? "même prénom, lettre perdue par l'encodage d'un export : \(firstDisplay(i)) / \(firstDisplay(j))" : "même prénom")
        case .close: add(&p, Weights.firstNameClose, "prénoms proches : \(firstDisplay(i)) / \(firstDisplay(j))")
        case .partial: add(&p, Weights.firstNamePartial, "prénoms composés en partie communs : \(firstDisplay(i)) / \(firstDisplay(j))")
        case .different: add(&p, Weights.firstNameDifferent, "prénoms différents : \(firstDisplay(i)) / \(firstDisplay(j))")
        case .missing: break
        }
    }

    /// The compact first name of the record that kept its accented letters when the other record's
    /// first name is exactly it with them dropped, and both records do not give different sexes.
    static func accentLost(_ i: Int, _ j: Int, _ f: FeatureTable) -> Int32? {
        if f.sex[i] != 0, f.sex[j] != 0, f.sex[i] != f.sex[j] { return nil }
        let (ai, aj) = (f.firstAccentless[i], f.firstAccentless[j])
        if ai >= 0, ai == f.firstName[j].compact { return f.firstName[i].compact }
        if aj >= 0, aj == f.firstName[i].compact { return f.firstName[j].compact }
        return nil
    }

    /// Whether two INEs differ by one character only (one substituted, or two adjacent swapped): what a
    /// typing slip leaves. An INE has a fixed length, so a missing or extra character is not counted.
    static func ineOneCharacterApart(_ x: Int32, _ y: Int32, _ f: FeatureTable) -> Bool {
        f.strings.withBytes(x, y) { a, b in a.count == b.count && a.count >= 8 && StringSimilarity.withinOneEdit(a, b) }
    }

    /// Whether some name of one side agrees with some name of the other once letters lost to an 8-bit
    /// export are allowed for; each side lists (loss pattern or -1, name). Only pairs where one side has
    /// a loss pattern are compared, so ordinary names never take this path.
    static func lossAgrees(_ xs: [(Int32, NameFeature)], _ ys: [(Int32, NameFeature)], _ f: FeatureTable) -> Bool {
        guard xs.contains(where: { $0.0 >= 0 }) || ys.contains(where: { $0.0 >= 0 }) else { return false }
        for (px, nx) in xs where !nx.isEmpty {
            for (py, ny) in ys where !ny.isEmpty && (px >= 0 || py >= 0) {
                let a = f.strings.bytes(px >= 0 ? px : nx.compact), b = f.strings.bytes(py >= 0 ? py : ny.compact)
                if EncodingLoss.matches(a, b) { return true }
            }
        }
        return false
    }

    private func lastDisplay(_ i: Int) -> String { context.records[i].displayLastName }
    private func firstDisplay(_ i: Int) -> String { context.records[i].firstName }

    /// Best level over birth and usage names of both sides, and the interned key that agreed exactly (-1 if none).
    private func bestSurname(_ la: NameFeature, _ ua: NameFeature, _ lb: NameFeature, _ ub: NameFeature, _ f: FeatureTable) -> (Level, Int32) {
        var best = Level.missing
        var key: Int32 = -1
        // Birth name always, usage name when written: at most four comparisons, no array built.
        for xi in 0..<2 where xi == 0 || !ua.isEmpty {
            let x = xi == 0 ? la : ua
            for yi in 0..<2 where yi == 0 || !ub.isEmpty {
                let y = yi == 0 ? lb : ub
                let l = FieldComparison.names(x, y, f)
                if l > best || (l == .exact && key < 0) {
                    best = max(best, l)
                    if l == .exact { key = x.compact == y.compact ? x.compact : x.core }
                }
            }
        }
        return (best, key)
    }

    // MARK: birth date

    private func scoreDate(_ p: inout PairAssessment, _ i: Int, _ j: Int, _ f: FeatureTable) {
        p.date = FieldComparison.dates(f.birth[i], f.birth[j])
        switch p.date {
        case .exact: add(&p, Weights.dateExact, "même date de naissance")
        case .swappedDayMonth: add(&p, Weights.dateSwapped, "jour et mois de naissance inversés")
        case .oneDigit: add(&p, Weights.dateOneDigit, "dates de naissance à un chiffre près")
        case .different:
            add(&p, Weights.dateDifferent, "dates de naissance différentes : \(french(context.keys[i].birthDate)) / \(french(context.keys[j].birthDate))")
        case .missing: break
        }
    }

    private func french(_ iso: String?) -> String {
        guard let iso, iso.count == 10 else { return "?" }
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2])/\(parts[1])/\(parts[0])" : "?"
    }

    // MARK: contacts

    private func scoreContacts(_ p: inout PairAssessment, _ i: Int, _ j: Int, _ f: FeatureTable) {
        let (a0, a1) = (Int(f.phoneStart[i]), Int(f.phoneStart[i + 1])), (b0, b1) = (Int(f.phoneStart[j]), Int(f.phoneStart[j + 1]))
        if a0 < a1, b0 < b1 {
            var personal = false, shared = false
            var x = a0, y = b0
            while x < a1, y < b1 {
                let u = f.phoneIDs[x], v = f.phoneIDs[y]
                if u == v { shared = true; if f.personalPhone[Int(u)] { personal = true }; x += 1; y += 1 } else if u < v { x += 1 } else { y += 1 }
            }
            if personal {
                p.sharedPhone = true
                add(&p, Weights.phoneShared, "même téléphone portable")
            } else if shared {
                p.sharedLandline = true
                add(&p, Weights.landlineShared, "même téléphone fixe")
            } else {
                p.phonesDiffer = true
                add(&p, Weights.phonesDifferent, "téléphones différents")
            }
        }
        let ea = f.email[i], eb = f.email[j]
        if ea >= 0, eb >= 0 {
            if ea == eb { p.sharedEmail = true; add(&p, Weights.emailEqual, "même courriel") } else { p.emailsDiffer = true; add(&p, Weights.emailsDifferent, "courriels différents") }
        }
        let phonesA = a0 < a1, phonesB = b0 < b1, emailA = ea >= 0, emailB = eb >= 0
        // The row that gives the phone must give a mobile: a landline alone is the household's, what a
        // grandparent's row shows as well.
        func hasMobile(_ r: Range<Int>) -> Bool { r.contains { f.personalPhone[Int(f.phoneIDs[$0])] } }
        p.complementaryContacts = (phonesA || emailA) && (phonesB || emailB) && !(phonesA && phonesB) && !(emailA && emailB)
            && (!phonesA || hasMobile(a0..<a1)) && (!phonesB || hasMobile(b0..<b1))
        p.sameContacts = phonesA && phonesB && emailA == emailB && (!emailA || ea == eb)
            && f.phoneIDs[a0..<a1].elementsEqual(f.phoneIDs[b0..<b1]) && (emailA || hasMobile(a0..<a1))
        p.address = Self.compareAddresses(i, j, f)
        switch p.address {
        case .exact: add(&p, Weights.addressEqual, "même adresse")
        case .close, .partial: add(&p, Weights.addressEqual / 2, "adresses proches")
        case .different: add(&p, Weights.addressDifferent, "adresses différentes")
        case .missing: break
        }
    }

    /// Same locality, number and street (type-insensitive) is exact; one typo in the street is close.
    static func compareAddresses(_ i: Int, _ j: Int, _ f: FeatureTable) -> Level {
        let sa = f.street[i], sb = f.street[j]
        guard sa >= 0, sb >= 0 else { return .missing }
        if f.locality[i] >= 0, f.locality[j] >= 0, f.locality[i] != f.locality[j], f.city[i] != f.city[j] { return .different }
        if f.number[i] != f.number[j] { return .different }
        if sa == sb { return .exact }
        let x = f.streetCompact[i], y = f.streetCompact[j]
        if x == y || f.strings.withBytes(x, y, { StringSimilarity.jaroWinkler($0, $1) }) >= 0.93 { return .close }
        return .different
    }

    /// The string form, kept for callers holding two normalised addresses.
    static func compareAddresses(_ a: NormalizedAddress?, _ b: NormalizedAddress?) -> Level {
        guard let a, let b, !a.street.isEmpty, !b.street.isEmpty else { return .missing }
        if let la = a.locality, let lb = b.locality, la != lb, a.city != b.city { return .different }
        if a.number != b.number { return .different }
        if a.street == b.street { return .exact }
        let x = a.street.filter { $0 != " " }, y = b.street.filter { $0 != " " }
        if x == y || StringSimilarity.jaroWinkler(x, y) >= 0.93 { return .close }
        return .different
    }

    // MARK: family graph

    private func scoreFamily(_ p: inout PairAssessment, _ i: Int, _ j: Int, _ f: FeatureTable) {
        if f.guardian[i] {
            var x = Int(f.childStart[i]), y = Int(f.childStart[j])
            let xe = Int(f.childStart[i + 1]), ye = Int(f.childStart[j + 1])
            var shared = false, conflict = false
            while x < xe, y < ye {
                let u = f.childIDs[x], v = f.childIDs[y]
                if u == v {
                    shared = true
                    // Relationship codes are compared whatever the source: a wrong "distinct" costs a review,
                    // a wrong merge gives a stranger a child.
                    let ra = f.childRelation[x], rb = f.childRelation[y]
                    if ra >= 0, rb >= 0 { if ra != rb { conflict = true } else { p.relationshipAgrees = true } }
                    x += 1; y += 1
                } else if u < v { x += 1 } else { y += 1 }
            }
            if shared {
                p.sharedChild = true
                add(&p, Weights.sharedChild, "enfant en commun")
                if conflict {
                    p.relationshipConflict = true
                    note(&p, "liens de parenté différents avec le même enfant")
                }
            }
        } else {
            var x = Int(f.signatureStart[i]), y = Int(f.signatureStart[j])
            let xe = Int(f.signatureStart[i + 1]), ye = Int(f.signatureStart[j + 1])
            while x < xe, y < ye {
                let u = f.signatures[x], v = f.signatures[y]
                if u == v { p.sharedGuardian = true; add(&p, Weights.sharedGuardian, "responsables en commun"); return }
                if u < v { x += 1 } else { y += 1 }
            }
        }
    }
}

import AlimCore

/// Scores candidate pairs: the sum of log2(m/u) weights over names, birth date, INE, contacts,
/// address and the family graph, with a French reason for every field that spoke.
struct PairScorer: Sendable {
    let context: MatchContext
    /// Whether to write the French reasons: only review pairs need them, and building them for every
    /// candidate pair would cost more than scoring it.
    var explain = false

    func assess(_ i: Int, _ j: Int) -> PairAssessment {
        let a = context.keys[i], b = context.keys[j]
        let ra = RecordView(context: context, index: i), rb = RecordView(context: context, index: j)
        var p = PairAssessment()
        p.sameFile = a.ref.file == b.ref.file

        if let x = a.ine, let y = b.ine {
            p.ineEqual = x == y
            if x == y { add(&p, Weights.ineEqual, "même INE") } else { note(&p, "INE différents") }
        }
        scoreNames(&p, a, b, ra, rb)
        scoreDate(&p, a, b, ra, rb)
        if let x = a.sex, let y = b.sex, x != y { p.sexDiffers = true; add(&p, Weights.sexDifferent, "sexes différents") }
        scoreContacts(&p, a, b)
        scoreFamily(&p, i, j)
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

    private func scoreNames(_ p: inout PairAssessment, _ a: NormalizedRecord, _ b: NormalizedRecord, _ ra: RecordView, _ rb: RecordView) {
        let surnamesA = [a.lastName] + (a.usageName.map { [$0] } ?? [])
        let surnamesB = [b.lastName] + (b.usageName.map { [$0] } ?? [])
        var (surname, matchedKey) = bestSurname(surnamesA, surnamesB)
        var first = FieldComparison.names(a.firstName, b.firstName)
        if surname < .close || first < .close {
            let s1 = surnamesA.map { FieldComparison.names($0, b.firstName) }.max() ?? .missing
            let s2 = surnamesB.map { FieldComparison.names(a.firstName, $0) }.max() ?? .missing
            if s1 >= .close, s2 >= .close, s1 != .missing, s2 != .missing {
                p.swapped = true
                surname = s2
                first = s1
                matchedKey = nil
                add(&p, Weights.swappedPenalty, "nom et prénom inversés")
            }
        }
        p.surname = surname
        p.firstName = first
        let la = ra.displayLastName, lb = rb.displayLastName
        switch surname {
        case .exact:
            let count = matchedKey.map { context.surnameCount[$0] ?? 1 } ?? 1
            let w = Weights.exactName(count: count, population: context.population, range: Weights.surnameExactRange)
            add(&p, w, a.usageName != nil || b.usageName != nil ? "même nom (naissance ou usage)" : "même nom")
        case .close: add(&p, Weights.surnameClose, "noms proches : \(la) / \(lb)")
        case .partial: add(&p, Weights.surnamePartial, "noms composés en partie communs : \(la) / \(lb)")
        case .different: add(&p, Weights.surnameDifferent, "noms différents : \(la) / \(lb)")
        case .missing: break
        }
        switch first {
        case .exact:
            let count = context.firstNameCount[p.swapped ? b.firstName.compact : a.firstName.compact] ?? 1
            let w = Weights.exactName(count: count, population: context.population, range: Weights.firstNameExactRange)
            add(&p, w, "même prénom")
        case .close: add(&p, Weights.firstNameClose, "prénoms proches : \(ra.firstName) / \(rb.firstName)")
        case .partial: add(&p, Weights.firstNamePartial, "prénoms composés en partie communs : \(ra.firstName) / \(rb.firstName)")
        case .different: add(&p, Weights.firstNameDifferent, "prénoms différents : \(ra.firstName) / \(rb.firstName)")
        case .missing: break
        }
    }

    /// Best level over birth and usage names of both sides, and the key that agreed exactly.
    private func bestSurname(_ xs: [NameKeys], _ ys: [NameKeys]) -> (Level, String?) {
        var best = Level.missing
        var key: String?
        for x in xs {
            for y in ys {
                let l = FieldComparison.names(x, y)
                if l > best || (l == .exact && key == nil) {
                    best = max(best, l)
                    if l == .exact { key = x.compact == y.compact ? x.compact : x.core }
                }
            }
        }
        return (best, key)
    }

    // MARK: birth date

    private func scoreDate(_ p: inout PairAssessment, _ a: NormalizedRecord, _ b: NormalizedRecord, _ ra: RecordView, _ rb: RecordView) {
        p.date = FieldComparison.dates(a.birthDate, b.birthDate)
        switch p.date {
        case .exact: add(&p, Weights.dateExact, "même date de naissance")
        case .swappedDayMonth: add(&p, Weights.dateSwapped, "jour et mois de naissance inversés")
        case .oneDigit: add(&p, Weights.dateOneDigit, "dates de naissance à un chiffre près")
        case .different:
            add(&p, Weights.dateDifferent, "dates de naissance différentes : \(french(a.birthDate)) / \(french(b.birthDate))")
        case .missing: break
        }
    }

    private func french(_ iso: String?) -> String {
        guard let iso, iso.count == 10 else { return "?" }
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2])/\(parts[1])/\(parts[0])" : "?"
    }

    // MARK: contacts

    private func scoreContacts(_ p: inout PairAssessment, _ a: NormalizedRecord, _ b: NormalizedRecord) {
        if !a.phones.isEmpty, !b.phones.isEmpty {
            let shared = Set(a.phones).intersection(b.phones)
            if shared.contains(where: PhoneNormalizer.isPersonal) {
                p.sharedPhone = true
                add(&p, Weights.phoneShared, "même téléphone portable")
            } else if !shared.isEmpty {
                p.sharedLandline = true
                add(&p, Weights.landlineShared, "même téléphone fixe")
            } else {
                p.phonesDiffer = true
                add(&p, Weights.phonesDifferent, "téléphones différents")
            }
        }
        if let x = a.email, let y = b.email {
            if x == y { p.sharedEmail = true; add(&p, Weights.emailEqual, "même courriel") } else { p.emailsDiffer = true; add(&p, Weights.emailsDifferent, "courriels différents") }
        }
        p.address = Self.compareAddresses(a.address, b.address)
        switch p.address {
        case .exact: add(&p, Weights.addressEqual, "même adresse")
        case .close, .partial: add(&p, Weights.addressEqual / 2, "adresses proches")
        case .different: add(&p, Weights.addressDifferent, "adresses différentes")
        case .missing: break
        }
    }

    /// Same locality, number and street (type-insensitive) is exact; one typo in the street is close.
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

    private func scoreFamily(_ p: inout PairAssessment, _ i: Int, _ j: Int) {
        let a = context.keys[i]
        if a.isGuardianType {
            let ca = context.childPersons[i], cb = context.childPersons[j]
            if !ca.isEmpty, !cb.isEmpty, !ca.isDisjoint(with: cb) {
                p.sharedChild = true
                add(&p, Weights.sharedChild, "enfant en commun")
                let ra = context.childRelations[i], rb = context.childRelations[j]
                // Relationship codes are compared whatever the source: a wrong "distinct" costs a review,
                // a wrong merge gives a stranger a child.
                if ca.intersection(cb).contains(where: { c in ra[c].map { x in rb[c].map { $0 != x } ?? false } ?? false }) {
                    p.relationshipConflict = true
                    note(&p, "liens de parenté différents avec le même enfant")
                }
            }
        } else {
            let ga = context.guardianSignatures[i], gb = context.guardianSignatures[j]
            if !ga.isEmpty, !gb.isEmpty, !ga.isDisjoint(with: gb) { p.sharedGuardian = true; add(&p, Weights.sharedGuardian, "responsables en commun") }
        }
    }
}

/// Lazy access to a record's display values: reasons need them, scoring most pairs does not,
/// and copying a whole `PersonRecord` per pair would dominate the run time.
struct RecordView {
    let context: MatchContext
    let index: Int
    var displayLastName: String { context.records[index].displayLastName }
    var firstName: String { context.records[index].firstName }
}

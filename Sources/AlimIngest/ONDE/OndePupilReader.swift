import AlimCore

/// Turns ONDE pupil rows into pupil records of one school.
///
/// Policy: a row without last or first name is rejected (nothing identifies the child); a bad birth
/// date or sex is dropped with a warning and the pupil still imported (an unknown level is kept as
/// `other`), because a missing value is better than a wrong one and the child must still get an account.
struct OndePupilReader: Sendable {
    let map: HeaderMap
    let file: String
    let uai: UAI

    private var c: (last: Int?, usage: Int?, first: Int?, birth: Int?, sex: Int?, ine: Int?, address: Int?,
                    postal: Int?, city: Int?, country: Int?, level: Int?, className: Int?)
    private let others: [Int]

    init(map: HeaderMap, file: String, uai: UAI) {
        self.map = map
        self.file = file
        self.uai = uai
        c = (map.column(.pupilLastName), map.column(.pupilUsageName), map.column(.pupilFirstName),
             map.column(.birthDate), map.column(.sex), map.column(.ine), map.column(.address),
             map.column(.postalCode), map.column(.city), map.column(.country), map.column(.level), map.column(.className))
        others = map.all(.pupilOtherFirstName)
    }

    func read(_ row: CSVRow, into out: inout OndeFileResult) {
        out.personRows += 1
        let ref = RecordRef(file: file, ref: String(row.number))
        let last = row.value(c.last), first = row.value(c.first), usage = row.value(c.usage)
        let subject = [last ?? usage, first].compactMap { $0 }.joined(separator: " ")
        guard let last, let first else {
            let missing = [last == nil ? map.name(.pupilLastName) : nil, first == nil ? map.name(.pupilFirstName) : nil].compactMap { $0 }
            out.rejects.append(Finding(ref, field: missing.joined(separator: ", "),
                reason: "Élève non importé : " + missing.map { "« \($0) »" }.joined(separator: " et ")
                    + (missing.count > 1 ? " sont vides" : " est vide") + ". Complétez la fiche dans ONDE puis refaites l'export.",
                kind: .pupil, uai: uai, subject: subject.isEmpty ? nil : subject))
            return
        }
        var birthDate: String?
        switch OndeDate.parse(row.value(c.birth)) {
        case .valid(let d): birthDate = d
        case .empty:
            out.warnings.append(Finding(ref, field: map.name(.birthDate),
                reason: "Date de naissance absente : l'élève est importé sans date de naissance.",
                kind: .pupil, uai: uai, subject: subject))
        case .invalid:
            out.warnings.append(Finding(ref, field: map.name(.birthDate),
                reason: "Date de naissance « \(row.value(c.birth) ?? "") » impossible ou illisible (attendu jj/mm/aaaa ou aaaa-mm-jj) : "
                    + "l'élève est importé sans date de naissance.",
                kind: .pupil, uai: uai, subject: subject))
        }
        var sex: String?
        if let raw = row.value(c.sex) {
            sex = OndeSex.parse(raw)
            if sex == nil {
                out.warnings.append(Finding(ref, field: map.name(.sex),
                    reason: "Sexe « \(raw) » non reconnu (attendu M ou F) : valeur ignorée.", kind: .pupil, uai: uai, subject: subject))
            }
        }
        var level: SchoolLevel?
        if let raw = row.value(c.level) {
            // Special classes (CLIS, ULIS…) are kept as `other` without a warning: they are legitimate,
            // and a warning on every such pupil every night would bury the real ones.
            level = out.levels[raw] ?? SchoolLevel(parsing: raw)
            out.levels[raw] = level
        }
        let address = PostalAddress(lines: [row.value(c.address)].compactMap { $0 }, postalCode: row.value(c.postal),
                                    city: row.value(c.city), country: row.value(c.country))
        out.records.append(PersonRecord(
            ref: ref, kind: .pupil, source: .ondePupils, stage: .primary, uai: uai,
            ine: row.value(c.ine), lastName: last, usageName: usage == last ? nil : usage, firstName: first,
            otherFirstNames: others.compactMap { row.value($0) }, birthDate: birthDate, sex: sex, level: level,
            className: row.value(c.className), address: address.isEmpty ? nil : address))
    }
}

/// The sex codes of ONDE and Base Élèves (`M`/`F`, sometimes spelled out).
enum OndeSex {
    static func parse(_ raw: String) -> String? {
        if raw == "M" || raw == "F" { return raw }
        if raw == "H" { return "M" }  // ONDE writes H (homme) for boys.
        switch HeaderKey.normalise(raw) {
        case "M", "H", "MASCULIN", "GARCON", "G", "HOMME": return "M"
        case "F", "FEMININ", "FILLE", "FEMME": return "F"
        default: return nil
        }
    }
}

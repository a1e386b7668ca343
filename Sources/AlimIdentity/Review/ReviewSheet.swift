import AlimCore

/// Builds review.csv: one row per pair the matcher could not decide, with what a director needs
/// to judge it (names, birth dates, children, school, contacts, source, score, reasons) and the
/// exact command that records the decision.
enum ReviewSheet {
    static let header = [
        "paire", "score",
        "nom_a", "prenom_a", "naissance_a", "enfants_a", "ecole_a", "contacts_a", "source_a",
        "nom_b", "prenom_b", "naissance_b", "enfants_b", "ecole_b", "contacts_b", "source_b",
        "raisons", "commande",
    ]

    static func csv(_ identity: IdentityArtifact) -> CSVOutput {
        var out = CSVOutput(header: header)
        let byRef = Dictionary(identity.records.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        for pair in identity.review {
            guard let a = byRef[pair.a], let b = byRef[pair.b] else { continue }
            var row = [pair.id, String(format: "%.2f", pair.score)]
            row += describe(a, byRef: byRef, names: identity.context.schoolNames)
            row += describe(b, byRef: byRef, names: identity.context.schoolNames)
            row.append(pair.reasons.joined(separator: " | "))
            row.append("alim review decide \(pair.id) merge|distinct")
            out.append(row)
        }
        return out
    }

    /// The seven cells describing one side of a pair.
    static func describe(_ r: PersonRecord, byRef: [RecordRef: PersonRecord], names: [String: String]) -> [String] {
        var name = r.displayLastName
        if let usage = r.usageName, !usage.isEmpty, usage != r.lastName { name += " (naissance : \(r.lastName))" }
        let birth = r.birthDate.flatMap { RunDate($0)?.french } ?? ""
        let children = r.links.compactMap { link -> String? in
            guard let c = byRef[link.pupil] else { return nil }
            let cls = c.className ?? c.level?.rawValue ?? ""
            return "\(c.firstName) \(c.displayLastName)" + (cls.isEmpty ? "" : " (\(cls))")
        }.joined(separator: ", ")
        var school = r.uai.map { uai in names[uai.value].map { "\($0) (\(uai.value))" } ?? uai.value } ?? ""
        if r.kind == .pupil, let cls = r.className ?? r.level?.rawValue { school += school.isEmpty ? cls : ", classe \(cls)" }
        var contacts = r.phones.map(\.raw).filter { !$0.isEmpty }
        if let e = r.email, !e.isEmpty { contacts.append(e) }
        if let addr = r.address, !addr.isEmpty {
            contacts.append((addr.lines.filter { !$0.isEmpty } + [[addr.postalCode, addr.city].compactMap { $0 }.joined(separator: " ")])
                .joined(separator: ", "))
        }
        return [name, r.firstName, birth, children, school, contacts.joined(separator: " / "),
                "\(r.ref.file)#\(r.ref.ref) (\(r.source.rawValue))"]
    }
}

import Foundation

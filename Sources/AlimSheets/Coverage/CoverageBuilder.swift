import AlimCore
import Foundation

/// coverage.csv: every legal guardian of every pupil of a school, with a sheet or the reason for none.
///
/// Sheets must reach all legal guardians (both parents, separated parents, tutors); the director can
/// only chase the missing ones if the list names every one of them, including those Alim made no
/// account for (rejected record, collège account only).
enum CoverageBuilder {
    static let header = ["uai", "nom", "prenom", "enfants", "statut", "raison"]

    static func entries(uai: UAI, sheets: [Sheet], planner: SheetPlanner, rejects: [Finding]) -> [CoverageEntry] {
        let index = planner.index
        var made: [AccountID: Sheet] = [:]
        for s in sheets where s.kind == .guardian { made[s.accountId] = s }
        var out: [CoverageEntry] = []
        var coveredAccounts = Set<AccountID>()

        // 1. One guardian accounts of this school.
        for a in index.guardiansBySchool[uai] ?? [] {
            coveredAccounts.insert(a.id)
            let children = Sheet.childrenText(index.children(of: a, in: uai))
            if let s = made[a.id] {
                out.append(CoverageEntry(uai: uai, accountId: a.id, lastName: a.lastName, firstName: a.firstName,
                                         children: children, status: s.emailed ? .emailed : .printed, reason: nil))
            } else {
                let reason = planner.exclusion(a, in: uai) ?? "aucune fiche ce soir"
                out.append(CoverageEntry(uai: uai, accountId: a.id, lastName: a.lastName, firstName: a.firstName,
                                         children: children, status: .noSheet, reason: reason))
            }
        }

        // 2. Legal guardians read from the inbox who have no One guardian account here.
        var seenPersons = Set<String>()
        for r in index.legalGuardianRecordsBySchool[uai] ?? [] {
            let pupils = r.links.filter { $0.role == .legal }.compactMap { index.records[$0.pupil] }
                .filter { $0.uai == uai && $0.stage == .primary }
            guard !pupils.isEmpty else { continue }
            let entry = index.lineage[r.ref]
            let personAccounts = entry.map { index.byPerson[$0.personId] ?? [] } ?? []
            if personAccounts.contains(where: { coveredAccounts.contains($0.id) }) { continue }
            if let id = entry?.accountId, coveredAccounts.contains(id) { continue }
            let key = entry?.personId ?? r.ref.description
            guard seenPersons.insert(key).inserted else { continue }
            let reason = personAccounts.contains(where: { $0.platform == .college })
                ? "compte collège uniquement : pas de compte One"
                : "aucun compte One n'a été créé pour ce responsable légal"
            let children = SheetOrder.sorted(pupils.map {
                Sheet.Child(firstName: $0.firstName, lastName: $0.displayLastName, className: $0.className ?? "")
            })
            out.append(CoverageEntry(uai: uai, accountId: entry?.accountId, lastName: r.displayLastName, firstName: r.firstName,
                                     children: Sheet.childrenText(children), status: .noSheet, reason: reason))
        }

        // 3. Guardian records rejected at ingest: no account could be made.
        for f in rejects.filter({ $0.kind == .guardian && $0.uai == uai }).sorted() {
            let (last, first) = splitSubject(f.subject ?? "")
            out.append(CoverageEntry(uai: uai, accountId: nil, lastName: last.isEmpty ? "(nom illisible)" : last, firstName: first,
                                     children: "", status: .noSheet,
                                     reason: "enregistrement rejeté : \(f.reason) (\(f.file), \(f.ref))"))
        }
        return SheetOrder.sorted(out, by: { [$0.lastName, $0.firstName, $0.children, $0.accountId ?? "", $0.reason ?? ""] })
    }

    /// `NOM Prénom` → (NOM, Prénom): leading all-capital words are the last name.
    static func splitSubject(_ subject: String) -> (String, String) {
        let words = subject.split(separator: " ")
        var i = 0
        while i < words.count, words[i].contains(where: \.isLetter), words[i] == words[i].uppercased() { i += 1 }
        if i == 0 || i == words.count { return (subject, "") }
        return (words[..<i].joined(separator: " "), words[i...].joined(separator: " "))
    }

    /// The CSV directors open.
    static func csv(_ entries: [CoverageEntry]) -> CSVOutput {
        var csv = CSVOutput(header: header)
        for e in entries {
            csv.append([e.uai.value, e.lastName, e.firstName, e.children, e.status.rawValue, e.reason ?? ""])
        }
        return csv
    }
}

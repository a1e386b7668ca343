import AlimCore
import Foundation

/// Links SIECLE guardians to the pupils of the same school read from the students files of the set.
///
/// A guardians file only names pupils by `ELEVE_ID`; the pupil records live in another file
/// (ElevesSansAdresses/ElevesAvecAdresses), possibly zipped. A link to a pupil absent from the set
/// is a warning; a guardian left with no pupil at all is rejected, never silently dropped.
enum SIECLEResolver {
    /// Strength of a role when one person has several links to the same pupil.
    private static func rank(_ role: LinkRole) -> Int {
        switch role { case .legal: return 0; case .inCharge: return 1; case .contact: return 2 }
    }

    static func resolve(_ files: [SIECLEFile]) -> (records: [PersonRecord], rejects: [Finding], warnings: [Finding]) {
        var records: [PersonRecord] = []
        var rejects: [Finding] = []
        var warnings: [Finding] = []
        var pupils: [String: RecordRef] = [:]
        let ordered = files.sorted { $0.file < $1.file }
        for file in ordered where file.kind == .students {
            for pupil in file.records {
                let key = "\(file.uai?.value ?? "")|\(pupil.externalId ?? "")"
                if pupils[key] == nil { pupils[key] = pupil.ref }
            }
            records += file.records
            rejects += file.rejects
            warnings += file.warnings
        }
        for file in ordered where file.kind == .guardians {
            rejects += file.rejects
            warnings += file.warnings
            let uai = file.uai?.value ?? ""
            var linksByPerson: [String: [SIECLEFile.Link]] = [:]
            for link in file.links { linksByPerson[link.personId, default: []].append(link) }
            let known = Set(file.records.compactMap(\.externalId))
            for link in file.links where !known.contains(link.personId) {
                warnings.append(Finding(file: file.file, ref: "ligne \(link.line)", field: "PERSONNE_ID",
                                        reason: "Lien vers la personne \(link.personId), absente du fichier (ou refusée) : lien ignoré.",
                                        kind: .guardian, uai: file.uai))
            }
            for var person in file.records {
                var subject: String? { XMLValues.subject(lastName: person.lastName, firstName: person.firstName) }
                var best: [RecordRef: GuardianLink] = [:]
                for link in linksByPerson[person.externalId ?? ""] ?? [] {
                    guard let pupil = pupils["\(uai)|\(link.pupilId)"] else {
                        warnings.append(Finding(person.ref, field: "ELEVE_ID",
                                                reason: "L'élève \(link.pupilId) lié à ce responsable est absent des fichiers élèves de l'établissement \(uai) : lien ignoré.",
                                                kind: .guardian, uai: file.uai, subject: subject))
                        continue
                    }
                    if link.role == nil {
                        warnings.append(Finding(person.ref, field: "NIVEAU_RESPONSABILITE",
                                                reason: "Niveau de responsabilité absent ou inconnu pour l'élève \(link.pupilId) : lien traité comme un simple contact.",
                                                kind: .guardian, uai: file.uai, subject: subject))
                    }
                    let candidate = GuardianLink(pupil: pupil, role: link.role ?? .contact, relationship: link.relationship)
                    if let current = best[pupil], rank(current.role) <= rank(candidate.role) { continue }
                    best[pupil] = candidate
                }
                guard !best.isEmpty else {
                    rejects.append(Finding(person.ref, field: "RESPONSABLE_ELEVE",
                                           reason: "Aucun élève de ce responsable n'est présent dans les fichiers élèves SIECLE de l'établissement \(uai) : déposez ElevesSansAdresses.xml (ou ElevesAvecAdresses.xml) du même établissement.",
                                           kind: .guardian, uai: file.uai, subject: subject))
                    continue
                }
                person.links = best.values.sorted { $0.pupil < $1.pupil }
                person.kind = person.links.contains { $0.role == .legal } ? .guardian : .contact
                records.append(person)
            }
        }
        return (records, rejects, warnings)
    }
}

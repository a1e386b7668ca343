import AlimCore
import Foundation

/// Applies the requests of every AAF file of the set and links guardians to pupils across chunks.
///
/// Adds come first (Complet and Delta), then modifications and deletions in file order, so a Delta
/// applies to the Complet of the same night whatever the file names sort to. Links come from the
/// pupil side (`ENTElevePersRelEleve`, `ENTEleveAutoriteParentale`) and, if present, the guardian side
/// (`ENTAuxPersRelEleveEleve`). A guardian whose pupils are all missing (a lost chunk) is rejected.
enum AAFResolver {
    struct Output {
        var records: [PersonRecord] = []
        var rejects: [Finding] = []
        var warnings: [Finding] = []
        var schoolNames: [String: String] = [:]
        var schoolsPresent: Set<UAI> = []
    }

    /// An add request's identity: ids are unique per category.
    private struct Key: Hashable {
        var category: String
        var id: String
    }

    private struct Entry {
        var ref: RecordRef
        var request: AAFFile.Request
        var degree: Int?
        var deletedBy: String?
        var fromDelta: Bool
    }

    /// Takes the files over (`files` is emptied): each request's fields are released as soon as its
    /// record is built, so the set never holds both every request and every record at full size.
    static func resolve(_ files: inout [AAFFile]) -> Output {
        var out = Output()
        var ordered = files.sorted { $0.file < $1.file }
        files = []

        var uaiByJoin: [String: UAI] = [:]
        for file in ordered {
            for s in file.structures {
                guard let uai = s.uai else { continue }
                if let join = s.join { uaiByJoin[join] = uai }
                uaiByJoin[uai.value] = uai
                if let name = s.name, out.schoolNames[uai.value] == nil { out.schoolNames[uai.value] = name }
            }
        }

        var entries: [Entry] = []
        var index: [Key: Int] = [:]
        func key(_ category: String, _ id: String) -> Key { Key(category: category, id: id) }
        for file in ordered {
            let delta = file.file.lowercased().contains("delta")
            for (n, request) in file.requests.enumerated() where request.operation == .add {
                var subject: String? { XMLValues.subject(lastName: request.fields.first(.lastName), firstName: request.fields.first(.firstName)) }
                let kind: RecordKind = request.category == AAFAttributes.pupilCategory ? .pupil : .guardian
                guard let id = request.id else {
                    out.rejects.append(Finding(file: file.file, ref: "requête \(n + 1) (ligne \(request.line))", field: "identifier",
                                               reason: "Personne AAF sans identifiant (identifier/id ni ENTPersonJointure) : impossible de la suivre.",
                                               kind: kind, subject: subject))
                    continue
                }
                let ref = RecordRef(file: file.file, ref: id)
                if let first = index[key(request.category, id)] {
                    out.rejects.append(Finding(file: file.file, ref: "\(id) (ligne \(request.line))", field: "identifier",
                                               reason: "Identifiant AAF \(id) déjà présent dans \(entries[first].ref.file) : doublon non importé.",
                                               kind: kind, subject: subject))
                    continue
                }
                index[key(request.category, id)] = entries.count
                entries.append(Entry(ref: ref, request: request, degree: file.degree, fromDelta: delta))
            }
        }
        for file in ordered {
            for request in file.requests where request.operation != .add {
                let id = request.id ?? ""
                let found = index[key(request.category, id)]
                    ?? index[key(AAFAttributes.pupilCategory, id)] ?? index[key(AAFAttributes.guardianCategory, id)]
                guard let i = found else {
                    out.warnings.append(Finding(file: file.file, ref: id.isEmpty ? "ligne \(request.line)" : id, field: "identifier",
                                                reason: request.operation == .delete
                                                    ? "Suppression d'une personne absente de l'export complet : rien à supprimer."
                                                    : "Modification d'une personne absente de l'export complet : ignorée (déposez le fichier Complet avec le Delta)."))
                    continue
                }
                if request.operation == .delete {
                    entries[i].deletedBy = file.file
                } else {
                    for (field, values) in request.fields.all { entries[i].request.fields.set(field, values) }
                }
            }
        }

        ordered = []

        // Pupils first: their RecordRefs are what guardian links point to.
        var pupilRefById: [String: RecordRef] = [:]
        var pupilStageByRef: [RecordRef: SchoolStage] = [:]
        var linksByGuardian: [String: [GuardianLink]] = [:]
        var guardianIds = Set<String>()
        for entry in entries where entry.request.category == AAFAttributes.guardianCategory && entry.deletedBy == nil {
            if let id = entry.request.id { guardianIds.insert(id) }
        }
        for i in entries.indices where entries[i].request.category == AAFAttributes.pupilCategory {
            let entry = entries[i]
            entries[i].request.fields = AAFFields()
            let f = entry.request.fields
            var subject: String? { XMLValues.subject(lastName: f.first(.lastName), firstName: f.first(.firstName)) }
            if let deletedBy = entry.deletedBy {
                out.rejects.append(Finding(entry.ref, reason: "Élève supprimé par le fichier delta \(deletedBy) : non importé.", kind: .pupil, subject: subject))
                continue
            }
            let structure = f.first(.structure)
            guard let uai = structure.flatMap({ uaiByJoin[$0] ?? UAI($0) }) else {
                out.rejects.append(Finding(entry.ref, field: "ENTPersonStructRattach",
                                           reason: "Établissement de rattachement « \(structure ?? "") » introuvable (aucun fichier EtabEducNat ne le décrit) : déposez le fichier EtabEducNat de l'export.",
                                           kind: .pupil, subject: subject))
                continue
            }
            guard var record = person(entry, kind: .pupil, source: .aafStudents, out: &out) else { continue }
            record.uai = uai
            record.ine = f.first(.ine)
            record.level = SIECLEVocabulary.level(mefCode: f.first(.mefCode), label: f.first(.level) ?? f.first(.mefLabel))
            record.stage = record.level?.stage ?? (entry.degree == 1 || entry.request.usesFirstDegreeNames ? .primary : .college)
            record.className = f.first(.classes).map(className)
            if !entry.fromDelta { out.schoolsPresent.insert(uai) }
            out.records.append(record)
            pupilRefById[entry.request.id ?? ""] = record.ref
            pupilStageByRef[record.ref] = record.stage

            // A pupil names two or three guardians: a small array, last spelling of an id wins.
            var roles: [(key: String, value: AAFRelation)] = []
            func role(_ id: String) -> AAFRelation? { roles.first { $0.key == id }?.value }
            func setRole(_ id: String, _ rel: AAFRelation) {
                if let k = roles.firstIndex(where: { $0.key == id }) { roles[k].value = rel } else { roles.append((id, rel)) }
            }
            for packed in f.values(.relations) {
                guard let rel = AAFRelation(packed: packed) else { continue }
                setRole(rel.guardianId, rel)
            }
            for id in f.values(.parentalAuthority) where role(id)?.role != .legal {
                let relationship = role(id)?.relationship
                if let rel = id.utf8.contains(UInt8(ascii: "$")) ? AAFRelation(packed: "\(id)$\(relationship ?? "")$0$1$0$0")
                    : AAFRelation(legalGuardian: id, relationship: relationship) {
                    setRole(id, rel)
                }
            }
            roles.sort { $0.key < $1.key }
            for (guardianId, rel) in roles {
                linksByGuardian[guardianId, default: []].append(GuardianLink(pupil: record.ref, role: rel.role, relationship: rel.relationship))
                if !guardianIds.isEmpty && !guardianIds.contains(guardianId) {
                    out.warnings.append(Finding(record.ref, field: "ENTElevePersRelEleve",
                                                reason: "Le responsable \(guardianId) cité par cet élève est absent des fichiers PersRelEleve de l'export : lien ignoré.",
                                                kind: .pupil, uai: uai, subject: subject))
                }
            }
        }

        for i in entries.indices where entries[i].request.category == AAFAttributes.guardianCategory {
            let entry = entries[i]
            entries[i].request.fields = AAFFields()
            let f = entry.request.fields
            var subject: String? { XMLValues.subject(lastName: f.first(.lastName), firstName: f.first(.firstName)) }
            if let deletedBy = entry.deletedBy {
                out.rejects.append(Finding(entry.ref, reason: "Responsable supprimé par le fichier delta \(deletedBy) : non importé.", kind: .guardian, subject: subject))
                continue
            }
            var links = linksByGuardian[entry.request.id ?? ""] ?? []
            for child in f.values(.children) {
                guard let pupil = pupilRefById[child] else {
                    out.warnings.append(Finding(entry.ref, field: "ENTAuxPersRelEleveEleve",
                                                reason: "L'élève \(child) cité par ce responsable est absent de l'export : lien ignoré.",
                                                kind: .guardian, subject: subject))
                    continue
                }
                if !links.contains(where: { $0.pupil == pupil }) { links.append(GuardianLink(pupil: pupil, role: .legal)) }
            }
            guard !links.isEmpty else {
                out.rejects.append(Finding(entry.ref, field: "ENTElevePersRelEleve",
                                           reason: "Aucun élève de l'export ne cite ce responsable (fichier Eleve manquant ou incomplet ?) : déposez tous les fichiers Eleve de l'export.",
                                           kind: .guardian, subject: subject))
                continue
            }
            guard var record = person(entry, kind: .guardian, source: .aafGuardians, out: &out) else { continue }
            record.links = links.sorted { $0.pupil < $1.pupil }
            record.kind = links.contains { $0.role == .legal } ? .guardian : .contact
            record.stage = record.links.first.flatMap { pupilStageByRef[$0.pupil] } ?? (entry.degree == 1 ? .primary : .college)
            out.records.append(record)
        }
        return out
    }

    /// The fields every AAF person shares; nil (and a reject) when the name is missing.
    private static func person(_ entry: Entry, kind: RecordKind, source: SourceFormat, out: inout Output) -> PersonRecord? {
        let f = entry.request.fields
        let usage = f.first(.lastName)
        guard let last = f.first(.birthName) ?? usage, let first = f.first(.firstName) else {
            out.rejects.append(Finding(entry.ref, field: "sn", reason: "Nom ou prénom absent : la personne ne peut pas recevoir de compte.",
                                       kind: kind, subject: XMLValues.subject(lastName: usage, firstName: f.first(.firstName))))
            return nil
        }
        var record = PersonRecord(ref: entry.ref, kind: kind, source: source, stage: .college, uai: nil,
                                  externalId: f.first(.joinKey) ?? entry.request.id, civility: f.first(.civility),
                                  lastName: last, usageName: usage == last ? nil : usage, firstName: first,
                                  otherFirstNames: f.values(.otherFirstNames),
                                  birthDate: XMLValues.isoDate(fromFrench: f.first(.birthDate)), sex: XMLValues.sex(f.first(.sex)))
        record.email = f.first(.email)
        record.phones = XMLValues.phones([("home", f.first(.phoneHome)), ("mobile", f.first(.phoneMobile)), ("work", f.first(.phoneWork))])
        let lines = f.values(.address).flatMap { $0.split(separator: "$").map { $0.xmlTrimmed } }.filter { !$0.isEmpty }
        let address = PostalAddress(lines: lines, postalCode: f.first(.postalCode), city: f.first(.city), country: f.first(.country))
        if !address.isEmpty { record.address = address }
        return record
    }

    /// `struct$class` → `class`; a value without `$` is the class itself.
    private static func className(_ packed: String) -> String {
        let utf8 = packed.utf8
        guard let first = utf8.firstIndex(of: UInt8(ascii: "$")) else { return packed }
        let start = utf8.index(after: first)
        let end = utf8[start...].firstIndex(of: UInt8(ascii: "$")) ?? utf8.endIndex
        return String(packed[start..<end])
    }
}

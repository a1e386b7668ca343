import AlimCore
import Foundation

/// Streams one `BEE_ELEVES` or `BEE_RESPONSABLES` file into a `SIECLEFile`.
///
/// Records are captured at depth 3 (`DONNEES/ELEVES/ELEVE`, `DONNEES/PERSONNES/PERSONNE`…) and
/// `PARAMETRES` at depth 1. Classes and addresses come after the people in the file, so they are
/// joined in `finish()`, once the end of the file proves it well-formed.
final class SIECLEHandler: XMLRecordHandler {
    /// The root element names this handler reads.
    static let roots: [String: SIECLEFile.Kind] = ["BEE_ELEVES": .students, "BEE_RESPONSABLES": .guardians]

    private var result: SIECLEFile
    private var addressIdByRecord: [Int: String] = [:]
    private var addresses: [String: PostalAddress] = [:]
    private var divisionByPupil: [String: String] = [:]
    private var seenIds: Set<String> = []
    private var rawUAI: String?

    init(file: String, kind: SIECLEFile.Kind) {
        result = SIECLEFile(file: file, kind: kind)
    }

    var names: [String] { SIECLETag.names }

    func captures(depth: Int, name: Int16) -> Bool {
        depth == 3 || (depth == 1 && name == SIECLETag.PARAMETRES.rawValue)
    }

    func comment(_ text: String) {}

    func consume(_ node: XMLRecord) {
        switch SIECLETag(rawValue: node.name) {
        case .PARAMETRES?:
            rawUAI = node.value(SIECLETag.UAJ)
            result.uai = rawUAI.flatMap { UAI($0) }
        case .ELEVE? where result.kind == .students: readPupil(node)
        case .PERSONNE? where result.kind == .guardians: readPerson(node)
        case .RESPONSABLE_ELEVE?: readLink(node)
        case .ADRESSE?: readAddress(node)
        case .STRUCTURES_ELEVE?: readStructures(node)
        default: break
        }
    }

    /// Joins classes and addresses; refuses the file when it names no valid school.
    func finish() throws -> SIECLEFile {
        guard let uai = result.uai else {
            throw XMLParseError(kind: .malformed, line: 0, column: 0,
                                reason: "Export SIECLE sans établissement valide (PARAMETRES/UAJ « \(rawUAI ?? "") » absent ou incorrect)", detail: nil)
        }
        for i in result.records.indices {
            result.records[i].uai = uai
            if let id = addressIdByRecord[i], let address = addresses[id], !address.isEmpty {
                result.records[i].address = address
            }
            if result.kind == .students, let id = result.records[i].externalId, let division = divisionByPupil[id] {
                result.records[i].className = division
            }
        }
        for i in result.rejects.indices { result.rejects[i].uai = uai }
        for i in result.warnings.indices { result.warnings[i].uai = uai }
        return result
    }

    private func reject(_ node: XMLRecord, id: String?, field: String, reason: String, subject: String?) {
        result.rejects.append(Finding(file: result.file, ref: id ?? "ligne \(node.line)", field: field, reason: reason,
                                      kind: result.recordKind, subject: subject))
    }

    /// Shared checks of `ELEVE` and `PERSONNE`: an id, unique in the file, and a name.
    private func identify(_ node: XMLRecord, idTag: SIECLETag) -> (id: String, last: String, first: String)? {
        let idAttribute = SIECLETag.names[Int(idTag.rawValue)]
        let last = node.value(anyOf: SIECLETag.lastNames)
        let first = node.value(SIECLETag.PRENOM)
        let subject = XMLValues.subject(lastName: last, firstName: first)
        guard let id = node.attribute(idTag) ?? node.value(idTag) else {
            reject(node, id: nil, field: idAttribute, reason: "Identifiant \(idAttribute) absent : la personne ne peut pas être suivie d'un import à l'autre.", subject: subject)
            return nil
        }
        guard seenIds.insert(id).inserted else {
            reject(node, id: "\(id) (ligne \(node.line))", field: idAttribute, reason: "Identifiant \(idAttribute) \(id) en double dans le fichier : seule la première occurrence est importée.", subject: subject)
            return nil
        }
        guard let last, let first else {
            reject(node, id: id, field: last == nil ? "NOM_DE_FAMILLE" : "PRENOM", reason: "Nom ou prénom absent : la personne ne peut pas recevoir de compte.", subject: subject)
            return nil
        }
        return (id, last, first)
    }

    private func readPupil(_ node: XMLRecord) {
        guard let (id, last, first) = identify(node, idTag: .ELEVE_ID) else { return }
        let ref = RecordRef(file: result.file, ref: id)
        let usage = node.value(SIECLETag.NOM_USAGE).flatMap { $0 == last ? nil : $0 }
        var record = PersonRecord(
            ref: ref, kind: .pupil, source: .siecleStudents, stage: .college, uai: nil,
            externalId: id, ine: node.value(anyOf: SIECLETag.nationalIds),
            lastName: last, usageName: usage, firstName: first,
            otherFirstNames: [node.value(SIECLETag.PRENOM2), node.value(SIECLETag.PRENOM3)].compactMap { $0 },
            birthDate: XMLValues.isoDate(fromFrench: node.value(SIECLETag.DATE_NAISS)),
            sex: XMLValues.sex(node.value(SIECLETag.CODE_SEXE)),
            level: SIECLEVocabulary.level(mefCode: node.value(SIECLETag.CODE_MEF), label: node.value(anyOf: SIECLETag.mefLabels)))
        record.email = node.value(SIECLETag.MEL)
        record.phones = XMLValues.phones([("home", node.value(SIECLETag.TEL_PERSONNEL)), ("mobile", node.value(SIECLETag.TEL_PORTABLE)),
                                          ("work", node.value(SIECLETag.TEL_PROFESSIONNEL))])
        if let left = node.value(SIECLETag.DATE_SORTIE) {
            result.warnings.append(Finding(ref, field: "DATE_SORTIE",
                                           reason: "Élève sorti de l'établissement le \(left) selon SIECLE : importé quand même, vérifiez s'il doit garder un compte.",
                                           kind: .pupil, subject: XMLValues.subject(lastName: last, firstName: first)))
        }
        if let address = node.value(SIECLETag.ADRESSE_ID) { addressIdByRecord[result.records.count] = address }
        result.records.append(record)
    }

    private func readPerson(_ node: XMLRecord) {
        guard let (id, last, first) = identify(node, idTag: .PERSONNE_ID) else { return }
        let usage = node.value(SIECLETag.NOM_USAGE).flatMap { $0 == last ? nil : $0 }
        var record = PersonRecord(
            ref: RecordRef(file: result.file, ref: id), kind: .guardian, source: .siecleGuardians, stage: .college, uai: nil,
            externalId: id, civility: node.value(SIECLETag.LC_CIVILITE), lastName: last, usageName: usage, firstName: first)
        record.email = node.value(SIECLETag.MEL)
        record.phones = XMLValues.phones([("home", node.value(SIECLETag.TEL_PERSONNEL)), ("mobile", node.value(SIECLETag.TEL_PORTABLE)),
                                          ("work", node.value(SIECLETag.TEL_PROFESSIONNEL))])
        if let address = node.value(SIECLETag.ADRESSE_ID) { addressIdByRecord[result.records.count] = address }
        result.records.append(record)
    }

    private func readLink(_ node: XMLRecord) {
        guard let pupil = node.value(SIECLETag.ELEVE_ID), let person = node.value(SIECLETag.PERSONNE_ID) else {
            result.warnings.append(Finding(file: result.file, ref: "ligne \(node.line)", field: "RESPONSABLE_ELEVE",
                                           reason: "Lien responsable–élève sans ELEVE_ID ou PERSONNE_ID : lien ignoré.", kind: .guardian))
            return
        }
        let role = SIECLEVocabulary.role(level: node.value(SIECLETag.NIVEAU_RESPONSABILITE), legacy: node.value(SIECLETag.RESP_LEGAL))
        result.links.append(.init(pupilId: pupil, personId: person, role: role, relationship: node.value(SIECLETag.CODE_PARENTE), line: node.line))
    }

    private func readAddress(_ node: XMLRecord) {
        guard let id = node.attribute(SIECLETag.ADRESSE_ID) ?? node.value(SIECLETag.ADRESSE_ID) else { return }
        let lines = SIECLETag.addressLines.compactMap { node.value($0) }
        addresses[id] = PostalAddress(lines: lines, postalCode: node.value(SIECLETag.CODE_POSTAL),
                                      city: node.value(anyOf: SIECLETag.cities),
                                      country: node.value(SIECLETag.LL_PAYS))
    }

    /// The division (`TYPE_STRUCTURE` D) is the class; groups (G) are ignored.
    private func readStructures(_ node: XMLRecord) {
        guard let id = node.attribute(SIECLETag.ELEVE_ID) else { return }
        node.forEachChild(SIECLETag.STRUCTURE, of: 0) { structure in
            guard node.value(SIECLETag.TYPE_STRUCTURE, of: structure) == "D" else { return }
            if let code = node.value(SIECLETag.CODE_STRUCTURE, of: structure), divisionByPupil[id] == nil { divisionByPupil[id] = code }
        }
    }
}

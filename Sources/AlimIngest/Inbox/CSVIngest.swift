import AlimCore
import Foundation

/// Reads every CSV file of the inbox (ONDE pupils, ONDE guardians, the ENT's exports) and joins
/// each school's guardians to its pupils once all of that school's files are read.
///
/// A file is refused whole on any structural problem: its partial rows never reach the artifact,
/// so a school is either imported from a sound file or not at all.
enum CSVIngest {
    /// Reads the files (already sorted) and returns their merged, not yet sorted, results.
    static func read(files: [InboxFile], config: AlimConfig, progress: StageProgress, done: inout Int) -> PartialIngest {
        var out = PartialIngest()
        var pupilsBySchool: [UAI: [PersonRecord]] = [:]
        var guardiansBySchool: [UAI: [PendingGuardian]] = [:]
        for file in files {
            let (outcome, result) = readOne(file, config: config, progress: progress, done: &done)
            switch result {
            case .onde(let r, let kind, let uai):
                out.records += r.records
                out.rejects += r.rejects
                out.warnings += r.warnings
                if kind == .ondePupils {
                    pupilsBySchool[uai, default: []] += r.records
                    out.schoolsPresent.insert(uai)
                } else {
                    guardiansBySchool[uai, default: []] += r.guardians
                }
            case .activated(let a):
                out.activated += a.logins
                out.warnings += a.warnings
            case .ent(let e):
                out.entCredentials += e.rows
                out.warnings += e.warnings
            case .refused(let finding):
                out.rejects.append(finding)
            case .skipped:
                break
            }
            out.files.append(outcome)
        }
        for uai in guardiansBySchool.keys.sorted() {
            let joined = OndeJoin.resolve(guardians: guardiansBySchool[uai] ?? [], pupils: pupilsBySchool[uai] ?? [], uai: uai)
            out.records += joined.records
            out.rejects += joined.rejects
            out.warnings += joined.warnings
            out.familyLinks.append(joined.audit)
            out.linkReview += joined.review
        }
        progress.update(done: done, total: nil)
        return out
    }

    private enum FileResult {
        case onde(OndeFileResult, CSVKind, UAI)
        case activated(ActivatedReader.Result)
        case ent(ENTCredentialReader.Result)
        case refused(Finding)
        /// A known export that holds no people Alim uses (teachers).
        case skipped
    }

    /// Thrown by the row callback to stop reading a known export Alim does not use.
    private struct SkippedExport: Error {}

    /// Thrown by the row callback to stop reading a file whose header is no known export.
    private struct UnknownFormat: Error {}

    private static func readOne(_ file: InboxFile, config: AlimConfig, progress: StageProgress,
                                done: inout Int) -> (FileOutcome, FileResult) {
        let school = SchoolFolder.of(relativePath: file.relativePath)
        var kind: CSVKind?
        var onde = OndeFileResult()
        var activated = ActivatedReader.Result()
        var pupilReader: OndePupilReader?
        var guardianReader: OndeGuardianReader?
        var activatedReader: ActivatedReader?
        var ent = ENTCredentialReader.Result()
        var entReader: ENTCredentialReader?
        var inTrailer = false
        var counted = done
        var extraColumns: Finding?
        var separatorFound = true
        func refuse(_ refusal: CSVRefusal, status: FileOutcome.Status = .refused) -> (FileOutcome, FileResult) {
            (FileOutcome(file: file.relativePath, format: kind?.format, status: status, uai: school?.uai,
                         message: refusal.message),
             .refused(Finding(file: file.relativePath, ref: refusal.findingRef, reason: refusal.message,
                              uai: school?.uai)))
        }
        do {
            let document = try CSVDocument.load(url: file.url, limits: config.limits)
            separatorFound = document.detectedSeparator != nil
            try CSVParser(document: document, limits: config.limits).forEachRow { row in
                if row.number == 1 {
                    let header = (0..<row.count).map { row[$0] }
                    guard let map = try HeaderMap.recognise(header) else { throw UnknownFormat() }
                    kind = map.kind
                    if !map.extras.isEmpty, map.kind != .ondeTeachers {
                        let plural = map.extras.count > 1
                        extraColumns = Finding(file: file.relativePath, ref: "ligne 1", field: map.extras.joined(separator: ", "),
                            reason: (plural ? "Colonnes ignorées : " : "Colonne ignorée : ")
                                + map.extras.map { "« \($0) »" }.joined(separator: ", ")
                                + (plural ? " ne correspondent" : " ne correspond") + " à aucune colonne connue de l'export \(map.kind.label). "
                                + "Le reste du fichier est importé ; si " + (plural ? "ces colonnes devaient être lues" : "cette colonne devait être lue")
                                + ", signalez-le à l'équipe ENT.",
                            uai: school?.uai)
                    }
                    switch map.kind {
                    case .ondePupils, .ondeGuardians:
                        guard let school else {
                            throw CSVRefusal("Fichier refusé : cet export \(map.kind.label) n'est pas rangé dans un dossier d'école. "
                                + "Placez-le dans un dossier nommé par l'UAI de l'école (7 chiffres et une lettre, par exemple "
                                + "« 0611234A » ou « 0611234A-ecole-jules-ferry »).")
                        }
                        if map.kind == .ondePupils { pupilReader = OndePupilReader(map: map, file: file.relativePath, uai: school.uai) }
                        else { guardianReader = OndeGuardianReader(map: map, file: file.relativePath, uai: school.uai) }
                    case .activated:
                        activatedReader = ActivatedReader(map: map, file: file.relativePath)
                    case .entUsers, .entActivation:
                        entReader = ENTCredentialReader(map: map, file: file.relativePath)
                    case .ondeTeachers:
                        throw SkippedExport()
                    }
                    return
                }
                if let activatedReader { activatedReader.read(row, into: &activated); return }
                if let entReader { entReader.read(row, into: &ent); return }
                if inTrailer || OndeTrailer.starts(row) { inTrailer = true; onde.skippedRows += 1; return }
                if let pupilReader { pupilReader.read(row, into: &onde) }
                else if let guardianReader { guardianReader.read(row, into: &onde) }
                counted += 1
                if counted % 10_000 == 0 { progress.update(done: counted, total: nil) }
            }
        } catch let refusal as CSVRefusal {
            return refuse(refusal)
        } catch is SkippedExport {
            return (FileOutcome(file: file.relativePath, format: .ondeTeachers, status: .skipped, uai: school?.uai,
                                message: "Export des enseignants : non utilisé par Alim, qui n'importe que les élèves et leurs responsables."),
                    .skipped)
        } catch is UnknownFormat where !separatorFound {
            return refuse(CSVRefusal(line: 1, "Format non reconnu : la première ligne ne contient aucun séparateur de colonnes. "
                + "Alim lit les fichiers dont les colonnes sont séparées par des points-virgules « ; » (comme les exports ONDE), "
                + "des virgules « , » ou des tabulations. Le fichier n'a pas été importé."), status: .unknown)
        } catch is UnknownFormat {
            return refuse(CSVRefusal("Format non reconnu : l'en-tête ne correspond à aucun export connu "
                + "(ONDE élèves, ONDE responsables, comptes activés de l'ENT, export des utilisateurs ou des comptes à activer de l'ENT). "
                + "Le fichier n'a pas été importé."), status: .unknown)
        } catch {
            return refuse(CSVRefusal("Fichier refusé : \(error.localizedDescription)"))
        }
        guard let kind else {
            return refuse(CSVRefusal("Fichier refusé : le fichier ne contient aucune ligne."))
        }
        if kind == .activated {
            if let extraColumns { activated.warnings.insert(extraColumns, at: 0) }
            return (FileOutcome(file: file.relativePath, format: kind.format, status: .imported,
                                skippedRows: activated.skippedRows), .activated(activated))
        }
        if kind.isENTAccounts {
            // Anywhere in the inbox: the lines name their accounts, not a school folder.
            if let extraColumns { ent.warnings.insert(extraColumns, at: 0) }
            return (FileOutcome(file: file.relativePath, format: kind.format, status: .imported, uai: school?.uai,
                                skippedRows: ent.skippedRows), .ent(ent))
        }
        guard let school else { return refuse(CSVRefusal("Fichier refusé : dossier d'école introuvable.")) }
        if onde.personRows == 0 {
            return refuse(CSVRefusal("Fichier refusé : l'export \(kind.label) ne contient que l'en-tête, aucune ligne de données. "
                + "Refaites l'export depuis ONDE."))
        }
        done = counted
        if let extraColumns { onde.warnings.insert(extraColumns, at: 0) }
        return (FileOutcome(file: file.relativePath, format: kind.format, status: .imported, uai: school.uai,
                            records: onde.personRows, skippedRows: onde.skippedRows), .onde(onde, kind, school.uai))
    }
}

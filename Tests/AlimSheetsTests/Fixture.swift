import AlimCore
import Foundation
import XCTest
@testable import AlimSheets

/// A small school written by hand: two pupils' families with every coverage case.
///
/// - Sophie MARTIN: e-mail, also a collège child (EduConnect notice), code issued tonight.
/// - Jean-Pierre MARTIN: no e-mail, code issued tonight → printed.
/// - Chloé DURAND: already activated → no sheet.
/// - Paul DURAND: code from an earlier night → no sheet tonight, printed on `--all`.
/// - Anne LEROY: guardian record rejected at ingest.
/// - Marc PETIT: legal guardian with a collège account only.
enum Fixture {
    static let uai = UAI("0611234A")!
    static let date = RunDate("2025-09-01")!
    static let schoolName = "École élémentaire Jean-Jaurès"

    static func ref(_ n: String) -> RecordRef { RecordRef(file: "0611234A/CSVExtraction.csv", ref: n) }

    static func pupilRecord(_ n: String, _ last: String, _ first: String, _ cls: String, _ level: SchoolLevel) -> PersonRecord {
        PersonRecord(ref: ref(n), kind: .pupil, source: .ondePupils, stage: .primary, uai: uai, lastName: last,
                     firstName: first, level: level, className: cls)
    }

    static func guardianRecord(_ n: String, _ last: String, _ first: String, children: [String]) -> PersonRecord {
        PersonRecord(ref: RecordRef(file: "0611234A/CSVExtraction-responsables.csv", ref: n), kind: .guardian,
                     source: .ondeGuardians, stage: .primary, uai: uai, lastName: last, firstName: first,
                     links: children.map { GuardianLink(pupil: ref($0), role: .legal) })
    }

    static var identity: IdentityArtifact {
        let records = [
            pupilRecord("2", "MARTIN", "Léa", "CM1 A", .cm1),
            pupilRecord("3", "MARTIN", "Noé", "CP", .cp),
            pupilRecord("4", "DURAND", "Zoé", "CE2", .ce2),
            guardianRecord("2", "MARTIN", "Sophie", children: ["2", "3"]),
            guardianRecord("3", "MARTIN", "Jean-Pierre", children: ["2", "3"]),
            guardianRecord("4", "DURAND", "Chloé", children: ["4"]),
            guardianRecord("5", "DURAND", "Paul", children: ["4"]),
            guardianRecord("6", "PETIT", "Marc", children: ["4"]),
        ]
        return IdentityArtifact(records: records, persons: [], review: [], candidatePairs: 0, mergedPairs: 0,
                                context: InboxContext(schoolsPresent: [uai], schoolNames: [:]))
    }

    static func account(_ id: String, _ profile: Profile, _ last: String, _ first: String, login: String,
                        classes: [String] = [], level: SchoolLevel? = nil, children: [String] = [],
                        college: Bool = false, email: String? = nil, record: RecordRef, sheet: Bool = true,
                        reason: String? = nil, code: String? = nil, tonight: Bool = true,
                        platform: Platform = .one) -> Account {
        Account(id: id, personId: "P-" + id, platform: platform, profile: profile, auth: platform == .one ? .local : .educonnect,
                login: login, lastName: last, firstName: first, birthDate: nil, uais: [uai], classes: classes,
                level: level, children: children, hasCollegeChild: college, email: email, records: [record],
                sheet: sheet, sheetReason: reason, change: .new,
                credential: code.map { Credential(code: $0, expires: "2025-11-30", issuedTonight: tonight) })
    }

    static var accounts: AccountsArtifact {
        let g = { (n: String) in RecordRef(file: "0611234A/CSVExtraction-responsables.csv", ref: n) }
        let list = [
            account("A-lea", .pupil, "MARTIN", "Léa", login: "lea.martin", classes: ["CM1 A"], level: .cm1,
                    record: ref("2"), code: "KX7P-2M9Q"),
            account("A-noe", .pupil, "MARTIN", "Noé", login: "noe.martin", classes: ["CP"], level: .cp,
                    record: ref("3"), sheet: false, reason: "pas de fiche élève pour le niveau CP"),
            account("A-zoe", .pupil, "DURAND", "Zoé", login: "zoe.durand", classes: ["CE2"], level: .ce2,
                    record: ref("4"), sheet: false, reason: "pas de fiche élève pour le niveau CE2"),
            account("A-sophie", .guardian, "MARTIN", "Sophie", login: "sophie.martin", children: ["A-lea", "A-noe"],
                    college: true, email: "sophie.martin@example.org", record: g("2"), code: "R4T8-WZ3H"),
            account("A-jp", .guardian, "MARTIN", "Jean-Pierre", login: "jean-pierre.martin", children: ["A-lea", "A-noe"],
                    record: g("3"), code: "B7NC-5YLE"),
            account("A-chloe", .guardian, "DURAND", "Chloé", login: "chloe.durand", children: ["A-zoe"],
                    record: g("4"), sheet: false, reason: "compte déjà activé"),
            account("A-paul", .guardian, "DURAND", "Paul", login: "paul.durand", children: ["A-zoe"],
                    record: g("5"), code: "H2JD-9FVA", tonight: false),
            account("C-marc", .guardian, "PETIT", "Marc", login: "marc.petit", record: g("6"), sheet: false,
                    reason: "compte fédéré ÉduConnect", platform: .college),
        ]
        let lineage = list.flatMap { a in a.records.map { LineageEntry(record: $0, kind: a.profile == .pupil ? .pupil : .guardian,
                                                                       personId: a.personId, accountId: a.id) } }
        return AccountsArtifact(accounts: list, lineage: lineage, directory: [], holds: [], schoolsMissing: [])
    }

    static let rejects = [
        Finding(file: "0611234A/CSVExtraction-responsables.csv", ref: "7", field: "Nom responsable",
                reason: "nom du responsable vide : compléter la fiche dans ONDE", kind: .guardian, uai: uai,
                subject: "LEROY Anne"),
    ]

    static var config: AlimConfig { AlimConfig(schools: [uai.value: schoolName]) }

    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alim-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func run(_ selection: SheetSelection = .tonight, config: AlimConfig = Fixture.config,
                    into dir: URL) throws -> SheetsArtifact {
        try Sheets.run(accounts: accounts, identity: identity, rejects: rejects, config: config, date: date,
                       outputDirectory: dir, selection: selection)
    }

    /// Regular files under `folder`, relative, `/`-separated, sorted.
    static func listFiles(_ folder: URL) throws -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        func walk(_ dir: URL, _ prefix: String) throws {
            for name in try fm.contentsOfDirectory(atPath: dir.path) {
                let url = dir.appendingPathComponent(name)
                var isDir: ObjCBool = false
                _ = fm.fileExists(atPath: url.path, isDirectory: &isDir)
                if isDir.boolValue { try walk(url, prefix + name + "/") } else { out.append(prefix + name) }
            }
        }
        try walk(folder, "")
        return out.sorted()
    }

    /// Text of a PDF as poppler reads it; skips when pdftotext is missing.
    static func pdfText(_ url: URL) throws -> String {
        try tool("/usr/bin/pdftotext", [url.path, "-"])
    }

    static func pdfText(data: Data) throws -> String {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("alim-\(UUID().uuidString).pdf")
        try data.write(to: tmp)
        defer { try? FileManager.default.removeItem(at: tmp) }
        return try pdfText(tmp)
    }

    static func tool(_ path: String, _ args: [String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw XCTSkip("\(path) absent") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

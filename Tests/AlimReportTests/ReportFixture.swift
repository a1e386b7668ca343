import AlimCore
@testable import AlimReport

/// A small hand-made run: two schools with data, one whose export is missing, names that try to
/// inject markup, an activation code that must never be printed, a review pair and rejects.
enum ReportFixture {
    static let schoolA = UAI("0611234A")!
    static let schoolB = UAI("0615678B")!
    static let schoolMissing = UAI("0619999C")!
    static let secretCode = "K7Q-SECRET-42ZX"
    static let xssName = "<script>alert(1)</script>"
    static let formulaName = "=HYPERLINK(\"http://evil.example\";\"clic\")"

    static func ref(_ file: String, _ n: String) -> RecordRef { RecordRef(file: file, ref: n) }
    static let pupilsA = "0611234A/CSVExtraction.csv"
    static let guardiansAAF = "aaf/ENT2D.PersRelEleve_0000.xml"
    static let pupilsB = "0615678B/eleves.csv"
    static let guardiansB = "0615678B/responsables.csv"

    static var records: [PersonRecord] {
        let p1 = PersonRecord(ref: ref(pupilsA, "2"), kind: .pupil, source: .ondePupils, stage: .primary, uai: schoolA,
                              lastName: "MARTIN", firstName: "Léa", birthDate: "2015-04-03", level: .cm1, className: "CM1 A")
        let p2 = PersonRecord(ref: ref(pupilsA, "3"), kind: .pupil, source: .ondePupils, stage: .primary, uai: schoolA,
                              lastName: "MARTIN", firstName: "Léo", birthDate: "2014-01-20", level: .cm2, className: "CM2")
        let p3 = PersonRecord(ref: ref(pupilsB, "2"), kind: .pupil, source: .ondePupils, stage: .primary, uai: schoolB,
                              lastName: "NGUYEN", firstName: "Anh", level: .ce1, className: "CE1")
        let g1a = PersonRecord(ref: ref(guardiansAAF, "g1"), kind: .guardian, source: .aafGuardians, stage: .primary, uai: nil,
                               lastName: "MARTIN", firstName: "Claire",
                               links: [GuardianLink(pupil: ref(pupilsA, "2"), role: .legal)])
        let g1b = PersonRecord(ref: ref(guardiansAAF, "g1bis"), kind: .guardian, source: .aafGuardians, stage: .primary, uai: nil,
                               lastName: "MARTIN", firstName: "Claire",
                               links: [GuardianLink(pupil: ref(pupilsA, "3"), role: .legal)])
        let g2 = PersonRecord(ref: ref(guardiansB, "2"), kind: .guardian, source: .ondeGuardians, stage: .primary, uai: schoolB,
                              lastName: xssName, firstName: "Paul", birthDate: "1980-02-29",
                              links: [GuardianLink(pupil: ref(pupilsB, "2"), role: .legal)])
        let g3 = PersonRecord(ref: ref(guardiansB, "3"), kind: .guardian, source: .ondeGuardians, stage: .primary, uai: schoolB,
                              lastName: formulaName, firstName: "Paul",
                              links: [GuardianLink(pupil: ref(pupilsB, "2"), role: .legal)])
        let c1 = PersonRecord(ref: ref(guardiansB, "4"), kind: .contact, source: .ondeGuardians, stage: .primary, uai: schoolB,
                              lastName: "VOISIN", firstName: "Marc")
        return [p1, p2, p3, g1a, g1b, g2, g3, c1].sorted { $0.ref < $1.ref }
    }

    static var context: InboxContext {
        InboxContext(schoolsPresent: [schoolA, schoolB], schoolNames: [schoolA.value: "École des Pins"])
    }

    static var ingest: IngestArtifact {
        IngestArtifact(
            records: records,
            rejects: [
                Finding(file: pupilsA, ref: "7", field: "Date naissance",
                        reason: "Date de naissance illisible « 31/02/2015 » : corrigez-la dans ONDE.",
                        kind: .pupil, uai: schoolA, subject: "<b>DUPONT</b> Zoé"),
                Finding(file: pupilsA, ref: "9", field: "Nom", reason: "Nom vide : la personne ne peut pas être identifiée.",
                        kind: .pupil, uai: nil),
                Finding(file: "inconnu.xml", ref: "ligne 3, colonne 14", reason: "Fichier XML mal formé : balise non fermée."),
            ],
            warnings: [
                Finding(file: guardiansB, ref: "5", field: "Enfant", reason: "Enfant introuvable dans l'export des élèves.", uai: schoolB),
            ],
            files: [
                FileOutcome(file: pupilsA, format: .ondePupils, status: .imported, uai: schoolA, records: 4),
                FileOutcome(file: "inconnu.xml", format: nil, status: .refused, message: "Fichier XML mal formé (ligne 3, colonne 14)."),
                FileOutcome(file: guardiansB, format: .ondeGuardians, status: .imported, uai: schoolB, records: 4, skippedRows: 2),
            ],
            context: context,
            familyLinks: [FamilyLinkAudit(uai: schoolB, guardianRows: 4, references: 5, linked: 3, ambiguous: 1, notFound: 1)],
            linkReview: [LinkReviewItem(id: "\(guardiansB)#5/1", uai: schoolB, guardian: ref(guardiansB, "5"), guardianName: "SIMON Eva",
                                        reference: "Anh NGUYEN (CE1)", field: "Nom de famille enfant (enfant 1)",
                                        candidates: [ref(pupilsB, "2"), ref(pupilsB, "9")])])
    }

    static var identity: IdentityArtifact {
        let r = records
        func cluster(_ id: String, _ kind: RecordKind, _ refs: [RecordRef]) -> PersonCluster {
            PersonCluster(id: id, kind: kind, records: refs.sorted())
        }
        let persons = [
            cluster("P-p1", .pupil, [ref(pupilsA, "2")]), cluster("P-p2", .pupil, [ref(pupilsA, "3")]),
            cluster("P-p3", .pupil, [ref(pupilsB, "2")]),
            cluster("P-g1", .guardian, [ref(guardiansAAF, "g1"), ref(guardiansAAF, "g1bis")]),
            cluster("P-g2", .guardian, [ref(guardiansB, "2")]), cluster("P-g3", .guardian, [ref(guardiansB, "3")]),
            cluster("P-c1", .contact, [ref(guardiansB, "4")]),
        ]
        let pair = ReviewPair(id: "rv-3f2a", a: ref(guardiansB, "2"), b: ref(guardiansB, "3"), score: 8.44,
                              reasons: ["Même prénom « Paul » et même enfant.", "Noms très différents : \(xssName) / \(formulaName)."])
        return IdentityArtifact(records: r, persons: persons, review: [pair], candidatePairs: 12, mergedPairs: 1, context: context)
    }

    static func account(_ id: String, _ person: String, _ platform: Platform, _ profile: Profile, uais: [UAI],
                        level: SchoolLevel? = nil, change: AccountChange, code: String? = nil) -> Account {
        Account(id: id, personId: person, platform: platform, profile: profile,
                auth: platform == .one ? .local : .educonnect, login: "login.\(id)", lastName: "NOM", firstName: "Prénom",
                birthDate: nil, uais: uais, classes: [], level: level, children: [], records: [],
                sheet: platform == .one, sheetReason: nil, change: change,
                credential: code.map { Credential(code: $0, expires: "2025-12-01", issuedTonight: true) })
    }

    static var accounts: AccountsArtifact {
        AccountsArtifact(accounts: [
            account("A1", "P-p1", .one, .pupil, uais: [schoolA], level: .cm1, change: .new, code: secretCode),
            account("A2", "P-p2", .one, .pupil, uais: [schoolA], level: .cm2, change: .unchanged),
            account("A3", "P-p3", .one, .pupil, uais: [schoolB], level: .ce1, change: .changed),
            account("A4", "P-g1", .one, .guardian, uais: [schoolA, schoolB], change: .new, code: "OTHER-CODE-77"),
            account("A5", "P-g2", .one, .guardian, uais: [schoolB], change: .left),
            account("A6", "P-g3", .one, .guardian, uais: [schoolB], change: .returned),
            account("A7", "P-g1", .college, .guardian, uais: [schoolA], change: .new),
            account("A8", "P-old", .one, .pupil, uais: [schoolMissing], level: .cp, change: .held),
        ], lineage: [], directory: [],
        holds: [MassRemovalHold(uai: schoolB, accountsBefore: 20, wouldLeave: 8)],
        schoolsMissing: [schoolMissing])
    }

    static var sheets: SheetsArtifact {
        SheetsArtifact(bundles: [
            .init(uai: schoolA, folder: "sheets/0611234A", printed: 3, emailed: 1, guardiansWithoutSheet: 0),
            .init(uai: schoolB, folder: "sheets/0615678B", printed: 1, emailed: 0, guardiansWithoutSheet: 2),
        ], coverage: [])
    }

    static var stages: [StageSummary] {
        [StageSummary(name: "ingest", recordsIn: 11, recordsOut: 8, rejects: 3, durationMs: 1234),
         StageSummary(name: "identity", recordsIn: 8, recordsOut: 7, rejects: 0, durationMs: 420),
         StageSummary(name: "accounts", recordsIn: 7, recordsOut: 8, rejects: 0, durationMs: 95),
         StageSummary(name: "sheets", recordsIn: 8, recordsOut: 5, rejects: 0, durationMs: 2_050)]
    }

    static var config: AlimConfig {
        AlimConfig(schools: [schoolB.value: "École Jules-Ferry & annexe", schoolA.value: "nom de config ignoré"])
    }

    /// The full run.
    static var full: ReportInput {
        ReportInput(runId: "2025-03-14T0200-a1", date: RunDate("2025-03-14")!, stages: stages, exitStatus: .massRemoval,
                    ingest: ingest, identity: identity, accounts: accounts, sheets: sheets, config: config)
    }

    /// Accounts under `credentials = "ent"` in every state the operator's view counts (the comment
    /// of each gives its state); codes that must never reach the page.
    static let entCodes = ["entcodeun", "entcodedeux"]
    static var entAccounts: AccountsArtifact {
        func one(_ id: String, _ profile: Profile, uais: [UAI], level: SchoolLevel? = nil, change: AccountChange = .unchanged,
                 sheet: Bool, reason: String?, credential: Credential? = nil, entLogin: String? = nil,
                 platform: Platform = .one, auth: Auth = .local) -> Account {
            Account(id: id, personId: "P-\(id)", platform: platform, profile: profile, auth: auth, login: "alim.\(id)",
                    lastName: "NOM", firstName: "Prénom", birthDate: nil, uais: uais, classes: [], level: level,
                    children: [], records: [], sheet: sheet, sheetReason: reason, change: change,
                    credential: credential, entLogin: entLogin)
        }
        let pupilReason = "Fiche élève prévue seulement pour CM1 et CM2"
        return AccountsArtifact(accounts: [
            // printable: the ENT's code first seen tonight
            one("E01", .pupil, uais: [schoolA], level: .cm1, sheet: true, reason: nil,
                credential: Credential(code: entCodes[0], expires: "", issuedTonight: true, login: "lea.martin"), entLogin: "lea.martin"),
            // handed: the same code as an earlier night
            one("E02", .pupil, uais: [schoolA], level: .cm2, sheet: true, reason: nil,
                credential: Credential(code: entCodes[1], expires: "", issuedTonight: false, login: "leo.martin"), entLogin: "leo.martin"),
            // noSheet: in the ENT, a CE1 pupil
            one("E03", .pupil, uais: [schoolA], level: .ce1, sheet: false, reason: pupilReason, entLogin: "anh.nguyen"),
            // activated, in both schools
            one("E04", .guardian, uais: [schoolA, schoolB], sheet: false, reason: ENTSheetReason.activated, entLogin: "claire.martin"),
            // waiting: a guardian, and a CE1 pupil the ENT has not created either
            one("E05", .guardian, uais: [schoolB], change: .new, sheet: false, reason: ENTSheetReason.waiting),
            one("E06", .pupil, uais: [schoolB], level: .ce1, change: .new, sheet: false, reason: pupilReason),
            // contradictory, codeUnknown, handed (code no longer in the exports)
            one("E07", .guardian, uais: [schoolB], sheet: false, reason: ENTSheetReason.contradictory),
            one("E08", .guardian, uais: [schoolB], sheet: false, reason: ENTSheetReason.unknownCode, entLogin: "paul.simon"),
            one("E09", .guardian, uais: [schoolB], sheet: true, reason: ENTSheetReason.printed, entLogin: "eva.simon"),
            // notApplicable: left, collège, federated
            one("E10", .guardian, uais: [schoolB], change: .left, sheet: false, reason: "Compte absent de l'export de l'école (départ)",
                entLogin: "marc.voisin"),
            one("E11", .guardian, uais: [schoolA], sheet: false, reason: "Compte fédéré", platform: .college, auth: .educonnect),
            one("E12", .guardian, uais: [schoolA], sheet: false, reason: "Compte fédéré", auth: .educonnect),
            // waiting in the school whose export is missing (held)
            one("E13", .pupil, uais: [schoolMissing], level: .cm2, change: .held, sheet: false, reason: ENTSheetReason.waiting),
        ], lineage: [], directory: [], holds: [], schoolsMissing: [schoolMissing])
    }

    /// The full run with the accounts of `entAccounts`.
    static var entRun: ReportInput {
        var input = full
        input.accounts = entAccounts
        return input
    }

    /// A run where nothing but ingest ran (or nothing at all with `ingest: nil`).
    static func partial(ingest: IngestArtifact?) -> ReportInput {
        ReportInput(runId: "r-partial", date: RunDate("2025-03-14")!, stages: [], exitStatus: .internalError,
                    ingest: ingest, identity: nil, accounts: nil, sheets: nil, config: .default)
    }
}

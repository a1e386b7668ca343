import AlimCore
import XCTest
@testable import AlimIngest

/// ONDE pupils and guardians read end to end through `Ingest.run`, on hand-written cp1252 files.
final class ONDEIngestTests: XCTestCase {
    private let school = "0611234A-ecole-jules-ferry"

    /// Quoted, cp1252, CRLF, no final newline, dates yyyy-mm-dd, trailing empty field — like be1d-test.
    private var pupilsQuoted: [UInt8] {
        cp1252(crlf([
            OndeHeaders.pupilsQuoted,
            #""BELMAHDI";;"Mathilde";"2016-08-17";"F";"3 rue Haute";"61000";"Alençon";;;;;;"CYCLE II";"CE1";"CE1 A";"Oui";"Non";"Oui";"#,
            #""MARTINEZ";"DURAND";"Eléa";"2015-09-27";"F";;;;;;;;;"CYCLE III";"CM1";"CM1";"Non";"Oui";"Oui";"#,
            #""MARTINEZ";;"Alexandre";"2015-02-31";"M";;;;;;;;;"CYCLE III";"CE2";"CE2";"Non";"Oui";"Oui";"#,
            #";;"Sans Nom";"2015-01-01";"M";;;;;;;;;"CYCLE III";"CE2";"CE2";;;;"#,
        ]))
    }

    /// Quoted, with `Numéro de poste`, rows not padded (17, 21, 25 fields), a trailer.
    private var guardiansQuoted: [UInt8] {
        cp1252(crlf([
            OndeHeaders.guardiansQuoted,
            // 25 fields: three children, the third unknown.
            #""Mme";"DURAND";"MARTINEZ";"Corinne";"40 Avenue Beaucour";"61000";"Alençon";;"c@example.fr";"0233000000";"0233111111";"12";"0600000000";;"MARTINEZ";"Alexandre";"CE2";"DURAND";"MARTINEZ";"ELEA";"cm1";;"DRAHONNET";"Cassandra";"CP""#,
            // 17 fields: one child known by usage name? no: birth name with accents and case changed.
            #""M.";;"BELMAHDI";"Karim";"3 rue Haute";"61000";"Alençon";;;;;;;;"Belmahdi";"mathilde";"CE1 A""#,
            // 21 fields: two children, none found.
            #""M.";;"INCONNU";"Paul";;;;;;;;;;;"PERSONNE";"Jean";"CP";;"PERSONNE";"Luc";"GS""#,
            // No name: rejected.
            #""Mme";;;"Anne";;;;;;;;;;;"BELMAHDI";"Mathilde";"CE1 A""#,
            #""Intitulé";"Adresse Organisme";"CP";"Commune""#,
            #""Centre de loisirs";"1 place X";"61000";"Alençon""#,
        ]))
    }

    func testPupilsFromQuotedCp1252Export() throws {
        let inbox = try TestInbox()
        try inbox.write("\(school)/CSVExtraction-eleves.csv", pupilsQuoted)
        let artifact = try inbox.run()
        XCTAssertEqual(artifact.records.count, 3)
        let first = artifact.records[0]
        XCTAssertEqual(first.ref, RecordRef(file: "\(school)/CSVExtraction-eleves.csv", ref: "2"))
        XCTAssertEqual(first.kind, .pupil)
        XCTAssertEqual(first.source, .ondePupils)
        XCTAssertEqual(first.stage, .primary)
        XCTAssertEqual(first.uai, UAI("0611234A"))
        XCTAssertEqual(first.lastName, "BELMAHDI")
        XCTAssertNil(first.usageName)
        XCTAssertEqual(first.birthDate, "2016-08-17")
        XCTAssertEqual(first.sex, "F")
        XCTAssertEqual(first.level, .ce1)
        XCTAssertEqual(first.className, "CE1 A")
        XCTAssertEqual(first.address, PostalAddress(lines: ["3 rue Haute"], postalCode: "61000", city: "Alençon"))
        XCTAssertEqual(artifact.records[1].firstName, "Eléa")
        XCTAssertEqual(artifact.records[1].usageName, "DURAND")
        // 31/02 → imported without birth date, with a warning on the date column.
        XCTAssertEqual(artifact.records[2].firstName, "Alexandre")
        XCTAssertNil(artifact.records[2].birthDate)
        XCTAssertEqual(artifact.warnings.map(\.ref), ["4"])
        XCTAssertEqual(artifact.warnings.first?.field, "Date naissance")
        // Empty last name → reject naming the column.
        XCTAssertEqual(artifact.rejects.map(\.ref), ["5"])
        XCTAssertEqual(artifact.rejects.first?.field, "Nom Elève")
        XCTAssertEqual(artifact.rejects.first?.kind, .pupil)
        XCTAssertEqual(artifact.files, [FileOutcome(file: "\(school)/CSVExtraction-eleves.csv", format: .ondePupils,
                                                    status: .imported, uai: UAI("0611234A"), records: 4)])
        XCTAssertEqual(artifact.context.schoolsPresent, [UAI("0611234A")!])
        XCTAssertEqual(artifact.context.schoolNames, ["0611234A": "Ecole Jules Ferry"])
    }

    func testGuardiansJoinByPositionWithTrailerAndFindings() throws {
        let inbox = try TestInbox()
        try inbox.write("\(school)/CSVExtraction-eleves.csv", pupilsQuoted)
        try inbox.write("\(school)/CSVExtraction-responsables.csv", guardiansQuoted)
        let artifact = try inbox.run()
        let file = "\(school)/CSVExtraction-responsables.csv"
        let guardians = artifact.records.filter { $0.kind == .guardian }
        XCTAssertEqual(guardians.map(\.ref.ref), ["2", "3"])
        guard guardians.count == 2 else { return }
        let corinne = guardians[0]
        XCTAssertEqual(corinne.usageName, "DURAND")
        XCTAssertEqual(corinne.civility, "Mme")
        XCTAssertEqual(corinne.email, "c@example.fr")
        XCTAssertEqual(corinne.phones, [Phone(kind: "home", raw: "0233000000"), Phone(kind: "work", raw: "0233111111"),
                                        Phone(kind: "mobile", raw: "0600000000")])
        let pupilsFile = "\(school)/CSVExtraction-eleves.csv"
        XCTAssertEqual(corinne.links, [GuardianLink(pupil: RecordRef(file: pupilsFile, ref: "3"), role: .legal),
                                       GuardianLink(pupil: RecordRef(file: pupilsFile, ref: "4"), role: .legal)].sorted { $0.pupil < $1.pupil })
        XCTAssertEqual(guardians[1].links.map(\.pupil.ref), ["2"])
        // Third child of Corinne unknown → warning on her row, naming the third group.
        let warnings = artifact.warnings.filter { $0.file == file && $0.ref == "2" }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.field.contains("enfant 3") ?? false)
        XCTAssertTrue(warnings.first?.reason.contains("Cassandra DRAHONNET") ?? false)
        // No child found and no name → rejects; both reach coverage (kind, uai).
        let rejects = artifact.rejects.filter { $0.file == file }
        XCTAssertEqual(rejects.map(\.ref), ["4", "5"])
        XCTAssertEqual(rejects.map(\.kind), [.guardian, .guardian])
        XCTAssertEqual(rejects.first?.subject, "INCONNU Paul")
        XCTAssertEqual(rejects.first?.uai, UAI("0611234A"))
        // The rejected guardian's reference keeps its own reason, so the director sees which child failed.
        XCTAssertEqual(artifact.warnings.filter { $0.file == file && $0.ref == "4" }.count, 2, "one per child named")
        // Trailer: 2 rows skipped, not people.
        let outcome = try XCTUnwrap(artifact.files.first { $0.file == file })
        XCTAssertEqual(outcome.records, 4)
        XCTAssertEqual(outcome.skippedRows, 2)
        assertInvariant(artifact)
    }

    func testUnquotedPaddedVariantWithoutExtensionColumn() throws {
        let inbox = try TestInbox()
        try inbox.write("0611234A/eleves.csv", pupilsQuoted)
        let rows = [
            OndeHeaders.guardiansUnquoted,
            "Mme;;MARTINEZ;Corinne;40 Avenue Beaucour;61000;Alençon;;;;0233111111;0600000000;;MARTINEZ;Alexandre;CE2;;;;;;;;",
        ]
        try inbox.write("0611234A/resp.csv", cp1252(rows.joined(separator: "\n") + "\n"))
        let artifact = try inbox.run()
        let guardian = try XCTUnwrap(artifact.records.first { $0.kind == .guardian })
        XCTAssertEqual(guardian.phones, [Phone(kind: "work", raw: "0233111111"), Phone(kind: "mobile", raw: "0600000000")])
        XCTAssertEqual(guardian.links.map(\.pupil.ref), ["4"])
        XCTAssertEqual(artifact.context.schoolNames, [:])
        assertInvariant(artifact)
    }

    func testBaseElevesVariantUTF8WithSlashDatesAndEmptyINE() throws {
        let inbox = try TestInbox()
        let text = [
            OndeHeaders.pupilsBaseEleves,
            "DUPONT;Léa;Marie;03/04/2017;F;;CP-CE1;CP",
            "DUPONT;Léo;;03/04/2017;M;1234567890A;CP-CE1;CP",
            "MARTIN;Zoé;;13/13/2017;F;;CP-CE1;CP",
        ].joined(separator: "\n")
        try inbox.write("0611234A-x/eleves.csv", Array(text.utf8))
        let artifact = try inbox.run(AlimConfig(schools: ["0611234A": "École Jules Ferry"]))
        XCTAssertEqual(artifact.records.map(\.firstName), ["Léa", "Léo", "Zoé"])
        XCTAssertEqual(artifact.records.map(\.birthDate), ["2017-04-03", "2017-04-03", nil])
        XCTAssertEqual(artifact.records.map(\.ine), [nil, "1234567890A", nil])
        XCTAssertEqual(artifact.records[0].otherFirstNames, ["Marie"])
        XCTAssertEqual(artifact.warnings.map(\.ref), ["4"])
        XCTAssertEqual(artifact.context.schoolNames, ["0611234A": "École Jules Ferry"])
    }

    func testNotUnderSchoolFolderIsRefused() throws {
        let inbox = try TestInbox()
        try inbox.write("ecole-jules-ferry/eleves.csv", pupilsQuoted)
        try inbox.write("eleves.csv", pupilsQuoted)
        let artifact = try inbox.run()
        XCTAssertTrue(artifact.records.isEmpty)
        XCTAssertEqual(artifact.files.map(\.status), [.refused, .refused])
        XCTAssertEqual(artifact.rejects.count, 2)
        XCTAssertTrue(artifact.rejects.allSatisfy { $0.reason.contains("dossier nommé par l'UAI") })
        XCTAssertTrue(artifact.context.schoolsPresent.isEmpty)
    }

    func testRefusedFileCostsOtherSchoolsNothing() throws {
        let inbox = try TestInbox()
        try inbox.write("0611234A/eleves.csv", pupilsQuoted)
        var broken = pupilsQuoted
        broken.insert(UInt8(ascii: "\""), at: OndeHeaders.pupilsQuoted.unicodeScalars.count + 3)
        try inbox.write("0622222B/eleves.csv", broken)
        try inbox.write("0633333C/eleves.csv", cp1252(OndeHeaders.pupilsQuoted))
        try inbox.write("0644444D/notes.csv", Array("a;b\n1;2".utf8))
        let artifact = try inbox.run()
        XCTAssertEqual(Set(artifact.records.compactMap(\.uai)), [UAI("0611234A")!])
        XCTAssertEqual(artifact.context.schoolsPresent, [UAI("0611234A")!])
        let outcomes = Dictionary(uniqueKeysWithValues: artifact.files.map { ($0.file, $0) })
        XCTAssertEqual(outcomes["0622222B/eleves.csv"]?.status, .refused)
        XCTAssertEqual(outcomes["0633333C/eleves.csv"]?.status, .refused)
        XCTAssertTrue(outcomes["0633333C/eleves.csv"]?.message?.contains("que l'en-tête") ?? false)
        XCTAssertEqual(outcomes["0644444D/notes.csv"]?.status, .unknown)
        let reject = try XCTUnwrap(artifact.rejects.first { $0.file == "0622222B/eleves.csv" })
        XCTAssertEqual(reject.ref, "ligne 2, colonne 1")
        XCTAssertTrue(artifact.rejects.contains { $0.file == "0644444D/notes.csv" && $0.reason.contains("Format non reconnu") })
    }

    func testFileSizeLimitNamesTheKey() throws {
        let inbox = try TestInbox()
        try inbox.write("0611234A/eleves.csv", pupilsQuoted)
        var config = AlimConfig()
        config.limits.maxFileBytes = 100
        let artifact = try inbox.run(config)
        XCTAssertEqual(artifact.files.first?.status, .refused)
        XCTAssertTrue(artifact.rejects.first?.reason.contains("max_file_bytes") ?? false)
        XCTAssertTrue(artifact.records.isEmpty)
    }

    func testGuardiansWithoutPupilFileAreAllRejected() throws {
        let inbox = try TestInbox()
        try inbox.write("\(school)/resp.csv", guardiansQuoted)
        let artifact = try inbox.run()
        XCTAssertTrue(artifact.records.isEmpty)
        XCTAssertEqual(artifact.rejects.count, 4)
        XCTAssertTrue(artifact.rejects.contains { $0.reason.contains("aucun fichier d'élèves") })
        XCTAssertTrue(artifact.context.schoolsPresent.isEmpty)
    }

    func testRerunIsIdentical() throws {
        let inbox = try TestInbox()
        try inbox.write("\(school)/a.csv", pupilsQuoted)
        try inbox.write("\(school)/b.csv", guardiansQuoted)
        try inbox.write("0622222B/a.csv", pupilsQuoted)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        XCTAssertEqual(try encoder.encode(inbox.run()), try encoder.encode(inbox.run()))
    }

    /// Every data row of every imported ONDE file is in records or rejects, exactly once.
    private func assertInvariant(_ artifact: IngestArtifact, file: StaticString = #filePath, line: UInt = #line) {
        for outcome in artifact.files where outcome.status == .imported && outcome.format != .activated {
            let refs = artifact.records.filter { $0.ref.file == outcome.file }.map(\.ref.ref)
                + artifact.rejects.filter { $0.file == outcome.file }.map(\.ref)
            XCTAssertEqual(refs.count, outcome.records, outcome.file, file: file, line: line)
            XCTAssertEqual(Set(refs).count, refs.count, "a record appears twice in \(outcome.file)", file: file, line: line)
        }
    }
}

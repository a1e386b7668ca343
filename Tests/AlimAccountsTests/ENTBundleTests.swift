import AlimCore
import AlimTestSupport
import Foundation
import XCTest
import ZIPFoundation
@testable import AlimAccounts

/// The import bundle for One (`ent/`): what the ENT's batch importer reads, checked the way the ENT
/// reads it (entcore `CsvImportsLauncher`, `CsvFeeder`, `ProfileColumnsMapper`).
final class ENTBundleTests: XCTestCase {
    // MARK: (1) headers

    /// Every header the bundle writes maps, after the ENT's cleaning, to the field intended.
    func testEveryHeaderMapsToItsIntendedFieldAfterTheENTsCleaning() throws {
        let bundle = try Scenario.night(self).bundle
        let intendedPupil = ["externalId", "lastName", "firstName", "birthDate", "classes", "level", "gender", "ine",
                             "loginAlias"]
        let intendedGuardian = ["externalId", "lastName", "firstName", "email", "mobile", "loginAlias"]
        XCTAssertFalse(bundle.zips.isEmpty)
        for (zip, files) in bundle.zips {
            for (name, csv) in files {
                let profile = name.contains("_Eleves_") ? "Student" : "Relative"
                XCTAssertTrue(name.contains("_Eleves_") || name.contains("_Parents_"), "\(zip)/\(name): no profile substring")
                let mapped = csv.header.map { ENTMapping.field(ENTMapping.cleanKey($0), profile: profile) }
                if profile == "Student" {
                    XCTAssertEqual(mapped, intendedPupil, "\(zip)/\(name): \(csv.header)")
                } else {
                    let children = mapped.count - intendedGuardian.count
                    XCTAssertEqual(Array(mapped.prefix(intendedGuardian.count)), intendedGuardian, "\(zip)/\(name): \(csv.header)")
                    XCTAssertEqual(Array(mapped.dropFirst(intendedGuardian.count)),
                                   Array(repeating: "childExternalId", count: children))
                }
            }
        }
        // The exact names, as the README and the brief give them.
        let a = try bundle.files(of: Fx.school)
        XCTAssertEqual(a.pupils.header, ["externalId", "Nom", "Prénom", "Date de naissance", "Classe", "Niveau", "Sexe", "INE", "alias"])
        XCTAssertEqual(a.guardians.header, ["externalId", "Nom", "Prénom", "Courriel", "Téléphone portable", "alias",
                                            "childExternalId", "childExternalId"])
    }

    /// The test's `cleanKey` and table read the ENT's own published templates as the ENT does.
    func testTheCleaningAndTableReadTheENTsOwnTemplates() {
        // Header lines of directory-CSV_Eleves.csv and directory-CSV_Parents.csv (entcore 6.15.4).
        let eleves = ["externalid", "Prénom*", "Nom*", "Classe", "Date de naissance*", "telephone", "telephonetravail",
                      "email", "adresse", "cp", "ville", "pays"]
        XCTAssertEqual(eleves.map { ENTMapping.field(ENTMapping.cleanKey($0), profile: "Student") },
                       ["externalId", "firstName", "lastName", "classes", "birthDate", "homePhone", "workPhone", "email",
                        "address", "zipCode", "city", "country"])
        let parents = ["externalId", "Prénom*", "Nom*", "telephone", "Childexternalid*", "Childexternalid", "Nom de l'élève",
                       "Prénom de l'élève", "Classes de l'élève", "\u{FEFF}PRÉNOM"]
        XCTAssertEqual(parents.map { ENTMapping.field(ENTMapping.cleanKey($0), profile: "Relative") },
                       ["externalId", "firstName", "lastName", "homePhone", "childExternalId", "childExternalId",
                        "childLastName", "childFirstName", "childClasses", "firstName"])
    }

    // MARK: (2) family links

    /// Every childExternalId of a Parents file is a pupil of the same bundle, and there are exactly as
    /// many childExternalId columns as the largest family of that file.
    func testEveryChildExternalIdIsAPupilOfTheSameBundle() throws {
        let night = try Scenario.night(self)
        for uai in [Fx.school, Fx.school2] {
            let files = try night.bundle.files(of: uai)
            let pupils = Set(files.pupils.rows.map { $0[0] })
            let width = files.guardians.header.filter { $0 == "childExternalId" }.count
            var largest = 0
            for row in files.guardians.rows {
                let children = row.dropFirst(6).filter { !$0.isEmpty }
                largest = max(largest, children.count)
                for child in children { XCTAssertTrue(pupils.contains(child), "\(uai): \(child) is not a pupil of this bundle") }
            }
            XCTAssertEqual(width, largest, "\(uai): one childExternalId column per child of the largest family")
        }
        // Marie is one person with one One account: the same externalId in both schools, with each school's children.
        let marie = try XCTUnwrap(night.artifact.account(.one, .guardian, last: "Martin", first: "Marie"))
        let lea = try XCTUnwrap(night.artifact.account(.one, .pupil, last: "Martin", first: "Léa"))
        let leo = try XCTUnwrap(night.artifact.account(.one, .pupil, last: "Martin", first: "Léo"))
        let zoe = try XCTUnwrap(night.artifact.account(.one, .pupil, last: "Martin", first: "Zoé"))
        let rowA = try XCTUnwrap(try night.bundle.files(of: Fx.school).guardians.rows.first { $0[0] == "ALIM-" + marie.id })
        XCTAssertEqual(Set(rowA.dropFirst(6).filter { !$0.isEmpty }), ["ALIM-" + lea.id, "ALIM-" + leo.id])
        let rowB = try XCTUnwrap(try night.bundle.files(of: Fx.school2).guardians.rows.first { $0[0] == "ALIM-" + marie.id })
        XCTAssertEqual(Array(rowB.dropFirst(6)), ["ALIM-" + zoe.id])
    }

    /// Rows as the ENT's templates write them: dates `jj/mm/aaaa`, Alim's login as alias, a mobile the
    /// ENT's validator accepts, a formula neutralised; UTF-8 with BOM, `;`, CRLF.
    func testRowsCarryTheFieldsInTheENTsFormats() throws {
        let night = try Scenario.night(self)
        let a = try night.bundle.files(of: Fx.school)
        let lea = try XCTUnwrap(night.artifact.account(.one, .pupil, last: "Martin", first: "Léa"))
        XCTAssertEqual(a.pupils.rows.first { $0[0] == "ALIM-" + lea.id },
                       ["ALIM-" + lea.id, "Martin", "Léa", "04/03/2015", "CM1 A", "CM1", "F", "123456789AB", lea.login])
        let marie = try XCTUnwrap(night.artifact.account(.one, .guardian, last: "Martin", first: "Marie"))
        let row = try XCTUnwrap(a.guardians.rows.first { $0[0] == "ALIM-" + marie.id })
        XCTAssertEqual(Array(row.prefix(6)), ["ALIM-" + marie.id, "Martin", "Marie", "marie.martin@example.fr",
                                              "06 12 34 56 78", marie.login])
        XCTAssertTrue(a.guardians.rows.contains { $0[1] == "'=Dupont" }, "a formula-like name is neutralised")
        for raw in [a.pupilsBytes, a.guardiansBytes] {
            XCTAssertEqual(Array(raw.prefix(3)), [0xEF, 0xBB, 0xBF])
            let text = String(decoding: raw.dropFirst(3), as: UTF8.self)
            XCTAssertTrue(text.hasSuffix("\r\n"))
            XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        }
        XCTAssertEqual(ENTBundleRows.phone("+33 (0)6 12 34 56 78"), "06 12 34 56 78")
        XCTAssertEqual(ENTBundleRows.phone("+33612345678"), "0612345678")
        XCTAssertEqual(ENTBundleRows.phone("+32 470 12 34 56"), "0032 470 12 34 56")
        XCTAssertEqual(ENTBundleRows.phone("06.12.34.56.78"), "06.12.34.56.78")
        // Tom has no birth date: his row is written (the ENT reports the refusal) and the log says so.
        XCTAssertEqual(night.outcome.written.first { $0.uai == Fx.school }?.pupilsWithoutBirthDate, 1)
        XCTAssertTrue(night.outcome.warnings.contains {
            $0.contains("0611234A") && $0.contains("1 élève sans date de naissance")
        })
    }

    // MARK: (3) stability

    /// Two nights with the same exports give the same externalIds and the same CSV bytes; the same
    /// exports and date in another workdir give byte-identical zips.
    func testTwoNightsGiveTheSameExternalIdsAndByteIdenticalZips() throws {
        let stage = Fx.stage(self, config: Scenario.config)
        let identity = Scenario.identity()
        let n1 = try Scenario.bundle(self, try stage.run(identity, date: Fx.date, runId: "r1"), identity, date: Fx.date)
        let d2 = Fx.date.adding(days: 1)
        let n2 = try Scenario.bundle(self, try stage.run(identity, date: d2, runId: "r2"), identity, date: d2)
        XCTAssertEqual(n1.zips.count, n2.zips.count)
        for uai in [Fx.school, Fx.school2] {
            let a = try n1.files(of: uai), b = try n2.files(of: uai)
            XCTAssertEqual(a.pupils.rows.map { $0[0] }, b.pupils.rows.map { $0[0] })
            XCTAssertEqual(a.guardians.rows.map { $0[0] }, b.guardians.rows.map { $0[0] })
            XCTAssertEqual(a.pupilsBytes, b.pupilsBytes, "\(uai): the Student file changed from one night to the next")
            XCTAssertEqual(a.guardiansBytes, b.guardiansBytes, "\(uai): the Relative file changed from one night to the next")
        }
        // Same exports, same date, another workdir (another secret key, other codes): the same bytes.
        let other = Fx.stage(self, config: Scenario.config)
        let again = try Scenario.bundle(self, try other.run(identity, date: Fx.date, runId: "x1"), identity, date: Fx.date)
        XCTAssertEqual(n1.rawZips, again.rawZips)
        // A rerun of the same night too.
        let rerun = try Scenario.bundle(self, try stage.run(identity, date: d2, runId: "r2"), identity, date: d2)
        XCTAssertEqual(n2.rawZips, rerun.rawZips)
    }

    /// A pupil absent tonight (left, in the grace period) is out of the bundle, and out of every
    /// guardian's children: the ENT pre-deletes it and restores it if it comes back.
    func testLeftAccountsAreLeftOut() throws {
        let stage = Fx.stage(self, config: Scenario.config)
        let full = Scenario.identity()
        _ = try stage.run(full, date: Fx.date, runId: "r1")
        let without = Scenario.identity(dropping: "Léo")
        let night = try stage.run(without, date: Fx.date.adding(days: 1), runId: "r2")
        let leo = try XCTUnwrap(night.account(.one, .pupil, last: "Martin", first: "Léo"))
        XCTAssertEqual(leo.change, .left)
        let bundle = try Scenario.bundle(self, night, without, date: Fx.date.adding(days: 1))
        for (_, files) in bundle.zips {
            for (_, csv) in files {
                XCTAssertFalse(csv.rows.contains { $0.contains("ALIM-" + leo.id) }, "a left account must not be in the bundle")
            }
        }
    }

    // MARK: (4) collège

    func testCollegeAccountsNeverAppear() throws {
        let night = try Scenario.night(self)
        let college = night.artifact.accounts.filter { $0.platform == .college }
        XCTAssertFalse(college.isEmpty, "the scenario has collège accounts")
        let collegeIds = Set(college.map { "ALIM-" + $0.id })
        for (zip, files) in night.bundle.zips {
            XCTAssertFalse(zip.contains(Fx.college.value), "no bundle for a collège")
            for (name, csv) in files {
                for row in csv.rows {
                    XCTAssertTrue(collegeIds.isDisjoint(with: row), "\(zip)/\(name): a collège account appears")
                }
            }
        }
        XCTAssertEqual(Set(night.outcome.written.map(\.uai)), [Fx.school, Fx.school2])
    }

    // MARK: (5) mass-removal guard

    /// A held school gets no bundle (the ENT would pre-delete everyone missing from it); a French
    /// warning says so; the other school's bundle keeps the held guardian it shares.
    func testAHeldSchoolGetsNoBundle() throws {
        let stage = Fx.stage(self)
        let a = Fx.classOf(30)
        let b = Fx.classOf(4, uai: Fx.school2)
        let parent = Fx.ondeGuardian("2", "Parent", "Gaby", children: [a[0], b[0]])
        _ = try stage.run(Fx.identity(a + b + [parent]), date: Fx.date, runId: "r1")
        let truncated = Array(a.prefix(3)) + b + [parent]
        let identity = Fx.identity(truncated)
        let night = try stage.run(identity, date: Fx.date.adding(days: 1), runId: "r2")
        XCTAssertEqual(night.holds.map(\.uai), [Fx.school])
        let folder = Fx.workdir(self).appendingPathComponent("ent")
        let outcome = try ENTBundle.write(night, identity: identity, config: .default, date: Fx.date.adding(days: 1), to: folder)
        XCTAssertEqual(outcome.written.map(\.uai), [Fx.school2])
        XCTAssertEqual(outcome.withheld.map(\.uai), [Fx.school])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(names.contains { $0.contains(Fx.school.value) }, "no zip for the held school: \(names)")
        let hold = night.holds[0]
        XCTAssertEqual(outcome.warnings.first,
                       "École 0611234A retenue par le garde-fou des suppressions massives (\(hold.wouldLeave) comptes sur "
                           + "\(hold.accountsBefore) quitteraient l'école) : aucun paquet d'import pour l'ENT cette nuit, car "
                           + "l'ENT pré-supprimerait tous les comptes absents du paquet.")
        XCTAssertEqual(outcome.summary,
                       "Paquets d'import pour l'ENT : 1 écrit, 1 retenu par le garde-fou des suppressions massives.")
        // Gaby is held (one of her schools is) but stays in the other school's bundle, with its child only.
        let gaby = try XCTUnwrap(night.account(.one, .guardian, last: "Parent", first: "Gaby"))
        XCTAssertEqual(gaby.change, .held)
        let files = try ENTBundleFolder(folder: folder).files(of: Fx.school2)
        let row = try XCTUnwrap(files.guardians.rows.first { $0[0] == "ALIM-" + gaby.id })
        let b0 = try XCTUnwrap(night.lineage.first { $0.record == b[0].ref }?.accountId)
        XCTAssertEqual(Array(row.dropFirst(6)), ["ALIM-" + b0])
    }

    // MARK: (6) names

    func testZipNameMatchesTheImportersPatternsWithAnASCIILabel() throws {
        let night = try Scenario.night(self)
        let importer = try NSRegularExpression(pattern: "Alim_[0-9]{8}_[0-9]{7}[A-Z]_(.*?).zip")
        let uaiPattern = try NSRegularExpression(pattern: ".*([0-9]{7}[A-Z]).*")
        var labels: [String: String] = [:]
        for written in night.outcome.written {
            let name = written.file
            let range = NSRange(name.startIndex..., in: name)
            let match = try XCTUnwrap(importer.firstMatch(in: name, range: range), name)
            let label = String(name[Range(match.range(at: 1), in: name)!])
            XCTAssertTrue(label.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }, label)
            let uai = try XCTUnwrap(uaiPattern.firstMatch(in: name, range: range), name)
            XCTAssertEqual(String(name[Range(uai.range(at: 1), in: name)!]), written.uai.value, "the importer finds the right UAI")
            XCTAssertTrue(name.hasPrefix("Alim_20240902_\(written.uai.value)_"), name)
            labels[written.uai.value] = label
        }
        XCTAssertEqual(labels, [Fx.school.value: "Ecole-elementaire-Jules-Ferry-d-Antibes", Fx.school2.value: Fx.school2.value])
        let a = try night.bundle.files(of: Fx.school)
        XCTAssertEqual(a.names, ["0611234A_Eleves_20240902.csv", "0611234A_Parents_20240902.csv"])
    }

    func testLabelFolding() {
        let uai = Fx.school
        XCTAssertEqual(ENTBundleNaming.label(schoolName: "École Œuvre  --  Saint-Exupéry (annexe)", uai: uai),
                       "Ecole-OEuvre-Saint-Exupery-annexe")
        XCTAssertEqual(ENTBundleNaming.label(schoolName: nil, uai: uai), "0611234A")
        XCTAssertEqual(ENTBundleNaming.label(schoolName: "  ", uai: uai), "0611234A")
        XCTAssertEqual(ENTBundleNaming.label(schoolName: "Школа", uai: uai), "0611234A")
        // A UAI-shaped run in the label would be taken for the school by the importer.
        XCTAssertEqual(ENTBundleNaming.label(schoolName: "Annexe de 0615678C", uai: uai), "0611234A")
        let long = ENTBundleNaming.label(schoolName: String(repeating: "Long nom ", count: 20), uai: uai)
        XCTAssertTrue(long.count <= ENTBundleNaming.labelMax && long.hasPrefix("Long-nom-Long-nom") && !long.hasSuffix("-"), long)
    }

    // MARK: (7) modes

    func testBundleFilesArePrivate() throws {
        let night = try Scenario.night(self)
        XCTAssertEqual(try mode(night.bundle.folder), 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: night.bundle.folder.path) {
            XCTAssertEqual(try mode(night.bundle.folder.appendingPathComponent(name)), 0o600, name)
            let archive = try Archive(url: night.bundle.folder.appendingPathComponent(name), accessMode: .read, pathEncoding: nil)
            for entry in archive {
                let value = entry.fileAttributes[.posixPermissions]
                let perms = (value as? Int) ?? (value as? NSNumber)?.intValue
                XCTAssertEqual(perms.map { $0 & 0o777 }, 0o600, "\(name)/\(entry.path)")
            }
        }
    }

    private func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! NSNumber).intValue & 0o777
    }
}

/// Two primary schools and a collège: twins and a sibling in another school, their mother in both
/// ONDE exports and in SIECLE (one person), a pupil with no birth date, a formula-like name.
private enum Scenario {
    static var config: AlimConfig {
        var c = AlimConfig.default
        c.schools = [Fx.school.value: "École élémentaire Jules-Ferry d'Antibes"]
        return c
    }

    static func identity(dropping firstName: String? = nil) -> IdentityArtifact {
        var lea = Fx.ondePupil("2", "Martin", "Léa", ine: "123456789AB")
        lea.sex = "F"
        var leo = Fx.ondePupil("3", "Martin", "Léo")
        leo.sex = "M"
        var tom = Fx.ondePupil("4", "Dupont", "Tom", className: "CP")
        tom.birthDate = nil
        tom.level = .cp
        let zoe = Fx.ondePupil("2", "Martin", "Zoé", level: .ce1, className: "CE1", uai: Fx.school2)
        let hugo = Fx.siecleStudent("E1", "Martin", "Hugo")
        var pupils = [lea, leo, tom, zoe, hugo]
        if let firstName { pupils.removeAll { $0.firstName == firstName } }
        var marieA = Fx.ondeGuardian("2", "Martin", "Marie", children: pupils.filter { $0.uai == Fx.school && $0.lastName == "Martin" },
                                     email: "marie.martin@example.fr")
        marieA.phones = [Phone(kind: "home", raw: "04 93 00 00 00"), Phone(kind: "mobile", raw: "+33 6 12 34 56 78")]
        let marieB = Fx.ondeGuardian("2", "Martin", "Marie", children: [zoe], uai: Fx.school2)
        let marieC = Fx.siecleGuardian("R1", "Martin", "Marie", children: [hugo])
        let luc = Fx.ondeGuardian("3", "=Dupont", "Luc", children: [tom])
        return Fx.identity(pupils + [marieA, marieB, marieC, luc], merge: [[marieA, marieB, marieC]])
    }

    static func night(_ test: XCTestCase) throws -> (artifact: AccountsArtifact, outcome: ENTBundle.Outcome, bundle: ENTBundleFolder) {
        let identity = identity()
        let artifact = try Fx.stage(test, config: config).run(identity, date: Fx.date, runId: "r1")
        let folder = Fx.workdir(test).appendingPathComponent("ent")
        let outcome = try ENTBundle.write(artifact, identity: identity, config: config, date: Fx.date, to: folder)
        return (artifact, outcome, try ENTBundleFolder(folder: folder))
    }

    static func bundle(_ test: XCTestCase, _ artifact: AccountsArtifact, _ identity: IdentityArtifact, date: RunDate) throws -> ENTBundleFolder {
        let folder = Fx.workdir(test).appendingPathComponent("ent")
        _ = try ENTBundle.write(artifact, identity: identity, config: config, date: date, to: folder)
        return try ENTBundleFolder(folder: folder)
    }
}

/// A bundle folder read back: every zip, every CSV inside, parsed.
private struct ENTBundleFolder {
    struct Files {
        var names: [String]
        var pupils: CSV
        var guardians: CSV
        var pupilsBytes: Data
        var guardiansBytes: Data
    }

    let folder: URL
    /// zip name → CSV name → parsed file.
    var zips: [String: [String: CSV]] = [:]
    var rawZips: [String: Data] = [:]
    var rawFiles: [String: [String: Data]] = [:]

    init(folder: URL) throws {
        self.folder = folder
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".zip") {
            let url = folder.appendingPathComponent(name)
            rawZips[name] = try Data(contentsOf: url)
            let archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                rawFiles[name, default: [:]][entry.path] = data
                zips[name, default: [:]][entry.path] = CSV(data)
            }
        }
    }

    func files(of uai: UAI) throws -> Files {
        let zip = try XCTUnwrap(zips.keys.first { $0.contains("_\(uai.value)_") }, "no bundle for \(uai)")
        let files = zips[zip]!
        let pupils = try XCTUnwrap(files.keys.first { $0.contains("_Eleves_") })
        let guardians = try XCTUnwrap(files.keys.first { $0.contains("_Parents_") })
        return Files(names: files.keys.sorted(), pupils: files[pupils]!, guardians: files[guardians]!,
                     pupilsBytes: rawFiles[zip]![pupils]!, guardiansBytes: rawFiles[zip]![guardians]!)
    }
}

/// A `;` CSV with a BOM and RFC 4180 quotes, as the bundle writes it.
private struct CSV {
    var header: [String] = []
    var rows: [[String]] = []

    init(_ data: Data) { (header, rows) = ContractCSV.parse(data) }
}

/// The ENT's header matching, re-implemented from entcore's `ProfileColumnsMapper` as the README of
/// `shared/samples/ent-import` states it.
enum ENTMapping {
    /// `cleanKey`: trimmed, lower-cased, accents removed (canonical decomposition, combining marks
    /// dropped), every whitespace, `*` and `'` removed, and a BOM.
    static func cleanKey(_ name: String) -> String {
        var s = name.replacingOccurrences(of: "\u{FEFF}", with: "")
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(0x20))).lowercased()
        var out = String.UnicodeScalarView()
        for u in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(u.value) || u.properties.isWhitespace || u == "*" || u == "'" { continue }
            out.append(u)
        }
        return String(out)
    }

    /// The field a cleaned name fills, or the cleaned name itself when the table has none (ignored).
    static func field(_ key: String, profile: String) -> String {
        (profile == "Student" ? student : relative)[key] ?? common[key] ?? key
    }

    /// Every profile (README: `defaultInit`'s base mappings).
    static let common: [String: String] = [
        "id": "externalId", "externalid": "externalId",
        "nom": "lastName", "nomdefamille": "lastName",
        "nomusage": "surname", "nomdusage": "surname",
        "prenom": "firstName", "civilite": "title", "sexe": "gender",
        "classe": "classes", "libelleclasse": "classes", "classeouregroupement": "classes",
        "datedenaissance": "birthDate", "datenaissance": "birthDate", "date_naiss": "birthDate", "neele": "birthDate",
        "telephone": "homePhone", "telephonedomicile": "homePhone", "telephonetravail": "workPhone",
        "telephoneportable": "mobile", "email": "email", "courriel": "email",
        "adresse": "address", "adresse1": "address", "cp": "zipCode", "codepostal": "zipCode",
        "ville": "city", "commune": "city", "pays": "country", "alias": "loginAlias", "login": "loginAlias",
    ]

    /// Student additions.
    static let student: [String: String] = [
        "nomeleve": "lastName", "prenomeleve": "firstName", "nomdusageeleve": "surname",
        "niveau": "level", "cycle": "sector", "filiere": "sector", "ine": "ine",
        "regroupement": "groups", "groupes": "groups", "persreleleve": "relative", "relative": "relative",
    ]

    /// Relative additions.
    static let relative: [String: String] = [
        "nomresponsable": "lastName", "prenomresponsable": "firstName", "nomusageresponsable": "surname",
        "idenfant": "childExternalId", "childid": "childExternalId", "childexternalid": "childExternalId",
        "nomenfant": "childLastName", "nomdefamilleenfant": "childLastName", "nomdefamilleeleve": "childLastName",
        "nomdeleleve": "childLastName", "prenomenfant": "childFirstName", "prenomeleve": "childFirstName",
        "prenomdeleleve": "childFirstName", "nomdusageenfant": "childUsername", "nomdusageeleve": "childUsername",
        "classesenfants": "childClasses", "classeseleves": "childClasses", "classesdeleleve": "childClasses",
    ]
}

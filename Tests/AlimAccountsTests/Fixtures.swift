import AlimCore
import Foundation
import XCTest
@testable import AlimAccounts

/// Hand-built identity artifacts and a private workdir per test.
enum Fx {
    static let school = UAI("0611234A")!
    static let school2 = UAI("0615678C")!
    static let college = UAI("0061234B")!
    static let date = RunDate("2024-09-02")!

    static func ondePupil(_ ref: String, _ last: String, _ first: String, birth: String = "2015-03-04",
                          level: SchoolLevel = .cm1, className: String = "CM1 A", uai: UAI = school,
                          ine: String? = nil) -> PersonRecord {
        PersonRecord(ref: RecordRef(file: "\(uai.value)/CSVExtraction.csv", ref: ref), kind: .pupil, source: .ondePupils,
                     stage: .primary, uai: uai, ine: ine, lastName: last, firstName: first, birthDate: birth,
                     level: level, className: className)
    }

    static func siecleStudent(_ id: String, _ last: String, _ first: String, birth: String = "2012-05-06",
                              level: SchoolLevel = .cinquieme, uai: UAI = college) -> PersonRecord {
        PersonRecord(ref: RecordRef(file: "\(uai.value)/ElevesSansAdresses.xml", ref: id), kind: .pupil,
                     source: .siecleStudents, stage: .college, uai: uai, externalId: id, lastName: last,
                     firstName: first, birthDate: birth, level: level, className: "5E2")
    }

    static func ondeGuardian(_ ref: String, _ last: String, _ first: String, children: [PersonRecord],
                             uai: UAI = school, email: String? = nil) -> PersonRecord {
        PersonRecord(ref: RecordRef(file: "\(uai.value)/CSVExtraction-resp.csv", ref: ref), kind: .guardian,
                     source: .ondeGuardians, stage: .primary, uai: uai, lastName: last, firstName: first, email: email,
                     links: children.map { GuardianLink(pupil: $0.ref, role: .legal) })
    }

    static func siecleGuardian(_ id: String, _ last: String, _ first: String, children: [PersonRecord],
                               role: LinkRole = .legal, uai: UAI = college) -> PersonRecord {
        PersonRecord(ref: RecordRef(file: "\(uai.value)/ResponsablesAvecAdresses.xml", ref: id),
                     kind: role == .contact ? .contact : .guardian, source: .siecleGuardians, stage: .college,
                     uai: uai, externalId: id, lastName: last, firstName: first,
                     links: children.map { GuardianLink(pupil: $0.ref, role: role) })
    }

    /// One cluster per record unless grouped by `merge`; cluster ids are derived from the first record.
    static func identity(_ records: [PersonRecord], merge: [[PersonRecord]] = [], present: [UAI]? = nil,
                         activated: [String] = []) -> IdentityArtifact {
        var grouped = Set<RecordRef>()
        var clusters: [PersonCluster] = []
        func kindOf(_ rs: [PersonRecord]) -> RecordKind {
            if rs.contains(where: { $0.kind == .pupil }) { return .pupil }
            if rs.contains(where: { $0.links.contains { $0.role == .legal } }) { return .guardian }
            return .contact
        }
        for group in merge {
            grouped.formUnion(group.map(\.ref))
            let refs = group.map(\.ref).sorted()
            clusters.append(PersonCluster(id: "P-\(refs[0])", kind: kindOf(group), records: refs))
        }
        for r in records where !grouped.contains(r.ref) {
            clusters.append(PersonCluster(id: "P-\(r.ref)", kind: kindOf([r]), records: [r.ref]))
        }
        let schools = present ?? Array(Set(records.compactMap(\.uai))).sorted()
        return IdentityArtifact(records: records.sorted { $0.ref < $1.ref }, persons: clusters.sorted { $0.id < $1.id },
                                review: [], candidatePairs: 0, mergedPairs: 0,
                                context: InboxContext(schoolsPresent: schools,
                                                      activated: activated.map { ActivatedLogin(login: $0) }))
    }

    /// A fresh private workdir (removed by the test case's teardown block).
    static func workdir(_ test: XCTestCase) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alim-accounts-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.appendingPathComponent("work")
    }

    /// The defaults with Alim issuing the codes (`credentials = "alim"`): what the tests of Alim's own
    /// codes, renewals and sheet rules run with; the ENT's credentials have their own tests.
    static var alim: AlimConfig {
        var config = AlimConfig.default
        config.accounts.credentials = .alim
        return config
    }

    static func stage(_ test: XCTestCase, config: AlimConfig = Fx.alim) -> AccountsStage {
        AccountsStage(workdir: workdir(test), config: config)
    }

    /// `count` distinct CP pupils of one school (names differ by a letter suffix).
    static func classOf(_ count: Int, uai: UAI = school, level: SchoolLevel = .cp) -> [PersonRecord] {
        (0..<count).map { i in
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            let name = "Eleve" + String(letters[i % 26]) + String(letters[(i / 26) % 26])
            return ondePupil(String(i + 2), "Famille", name, birth: "2017-01-\(String(format: "%02d", i % 28 + 1))",
                             level: level, className: "CP", uai: uai)
        }
    }
}

extension AccountsArtifact {
    func account(_ platform: Platform, _ profile: Profile, last: String, first: String) -> Account? {
        accounts.first { $0.platform == platform && $0.profile == profile && $0.lastName == last && $0.firstName == first }
    }
    func accounts(of person: PersonID) -> [Account] { accounts.filter { $0.personId == person } }
}

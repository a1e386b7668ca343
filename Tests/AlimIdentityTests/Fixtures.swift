import AlimCore
@testable import AlimIdentity
import XCTest

/// Small hand-written records for the identity tests.
enum Fx {
    static let schoolA = UAI("0611234A")!
    static let schoolB = UAI("0615678B")!
    static let college = UAI("0619999C")!

    static func pupil(_ file: String, _ ref: String, last: String, first: String, birth: String?, ine: String? = nil,
                      uai: UAI = schoolA, source: SourceFormat = .ondePupils, sex: String? = nil) -> PersonRecord {
        PersonRecord(ref: RecordRef(file: file, ref: ref), kind: .pupil, source: source,
                     stage: source == .ondePupils ? .primary : .college, uai: uai, ine: ine, lastName: last,
                     firstName: first, birthDate: birth, sex: sex, level: .cm1, className: "CM1 A")
    }

    static func guardian(_ file: String, _ ref: String, last: String, first: String, usage: String? = nil,
                         phones: [String] = [], email: String? = nil, address: PostalAddress? = nil,
                         children: [RecordRef] = [], relationship: String? = nil, birth: String? = nil,
                         kind: RecordKind = .guardian, uai: UAI = schoolA,
                         source: SourceFormat = .ondeGuardians) -> PersonRecord {
        PersonRecord(ref: RecordRef(file: file, ref: ref), kind: kind, source: source,
                     stage: source == .ondeGuardians ? .primary : .college, uai: uai, lastName: last, usageName: usage,
                     firstName: first, birthDate: birth, email: email,
                     phones: phones.map { Phone(kind: "mobile", raw: $0) }, address: address,
                     links: children.map { GuardianLink(pupil: $0, role: kind == .guardian ? .legal : .contact, relationship: relationship) })
    }

    static func address(_ line: String, _ cp: String = "06100", _ city: String = "NICE") -> PostalAddress {
        PostalAddress(lines: [line], postalCode: cp, city: city)
    }

    static func ingest(_ records: [PersonRecord]) -> IngestArtifact {
        IngestArtifact(records: records.sorted { $0.ref < $1.ref })
    }

    static func run(_ records: [PersonRecord], decisions: [PairDecision] = [], config: IdentityConfig = .init()) -> IdentityArtifact {
        Identity.match(Identity.normalize(ingest(records)), decisions: decisions, config: config)
    }

    static func ref(_ r: PersonRecord) -> RecordRef { r.ref }
}

extension IdentityArtifact {
    /// Whether the two records ended in one person.
    func together(_ a: PersonRecord, _ b: PersonRecord) -> Bool {
        persons.contains { $0.records.contains(a.ref) && $0.records.contains(b.ref) }
    }

    /// Whether the pair is in the review list.
    func inReview(_ a: PersonRecord, _ b: PersonRecord) -> Bool {
        review.contains { Set([$0.a, $0.b]) == Set([a.ref, b.ref]) }
    }

    /// Fails unless every record is in exactly one cluster.
    func assertPartition(file: StaticString = #filePath, line: UInt = #line) {
        let all = persons.flatMap(\.records)
        XCTAssertEqual(all.count, Set(all).count, "a record is in two clusters", file: file, line: line)
        XCTAssertEqual(Set(all), Set(records.map(\.ref)), "a record is in no cluster", file: file, line: line)
    }
}

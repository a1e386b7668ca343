import AlimCore

/// Looks up, for any record of the run, the record itself, its school and the person it belongs to.
///
/// ONDE and AAF guardians often carry no school of their own: their school is the one of the pupils
/// they are linked to, so a director sees a guardian under every school where they have a child.
struct RecordIndex {
    let records: [RecordRef: PersonRecord]
    /// Schools of each record (own UAI, else its linked pupils' UAIs).
    let schools: [RecordRef: Set<UAI>]
    /// Persons: identity clusters when the stage ran, else one person per record.
    let persons: [PersonCluster]

    init(ingest: IngestArtifact?, identity: IdentityArtifact?) {
        let list = identity?.records ?? ingest?.records ?? []
        var byRef: [RecordRef: PersonRecord] = [:]
        for record in list { byRef[record.ref] = record }
        var schools: [RecordRef: Set<UAI>] = [:]
        for record in list {
            if let uai = record.uai {
                schools[record.ref] = [uai]
            } else {
                schools[record.ref] = Set(record.links.compactMap { byRef[$0.pupil]?.uai })
            }
        }
        self.records = byRef
        self.schools = schools
        self.persons = identity?.persons ?? list.map { PersonCluster(id: $0.ref.description, kind: $0.kind, records: [$0.ref]) }
    }

    /// The schools a record belongs to; a record unknown to the artifacts belongs to none.
    func schools(of ref: RecordRef) -> Set<UAI> { schools[ref] ?? [] }

    /// The schools of a person: the union of their records' schools.
    func schools(of person: PersonCluster) -> Set<UAI> {
        person.records.reduce(into: Set<UAI>()) { $0.formUnion(schools(of: $1)) }
    }

    /// The school of a finding: its own, else the inbox folder its file sits in (`<UAI>/…`).
    static func school(of finding: Finding) -> UAI? {
        if let uai = finding.uai { return uai }
        let parts = finding.file.split(separator: "/")
        guard parts.count > 1 else { return nil }
        return UAI(folderName: String(parts[0]))
    }
}

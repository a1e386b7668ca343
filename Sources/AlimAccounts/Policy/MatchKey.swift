import AlimCore

/// The stable keys that find a stored person again, tried in this order (a stronger key claims first):
///
/// - pupils: 1 `ine:` national pupil id, 2 `ext:` source id (SIECLE ELEVE_ID / AAF jointure, per
///   source family), 3 `nb:` folded last name + first name + birth date (every record's spelling),
///   4 `cluster:` the identity stage's person id;
/// - guardians: 1 `ext:` source id (SIECLE PERSONNE_ID / AAF jointure), 2 `nc:` folded name + one
///   already-matched legal child (a stored person id), 3 `cluster:` person id.
///
/// The person id comes last because nothing guarantees the identity stage numbers persons the same
/// way every night; name-based keys use every record's spelling (birth and usage names), so a name
/// correction in one export keeps the person as long as one other key still matches.
enum MatchKey {
    static let pupilTiers = ["ine:", "ext:", "nb:", "cluster:"]
    static let guardianTiers = ["ext:", "nc:", "cluster:"]

    static func pupilKeys(_ cluster: PersonID, _ records: [PersonRecord]) -> [String] {
        var keys = Set<String>(["cluster:\(cluster)"])
        for r in records {
            if let ine = nonEmpty(r.ine) { keys.insert("ine:\(ine.uppercased())") }
            if let ext = external(r) { keys.insert(ext) }
            if let birth = r.birthDate {
                for last in lastNames(r) { keys.insert("nb:\(last)|\(LoginFolding.key(r.firstName))|\(birth)") }
            }
        }
        return keys.sorted()
    }

    static func guardianKeys(_ cluster: PersonID, _ records: [PersonRecord]) -> [String] {
        var keys = Set<String>(["cluster:\(cluster)"])
        for r in records { if let ext = external(r) { keys.insert(ext) } }
        return keys.sorted()
    }

    /// Folded `last|first` spellings of a guardian, combined with child person ids into `nc:` keys.
    static func names(_ records: [PersonRecord]) -> [String] {
        Array(Set(records.flatMap { r in lastNames(r).map { "\($0)|\(LoginFolding.key(r.firstName))" } })).sorted()
    }

    static func childKey(name: String, childPerson: String) -> String { "nc:\(name)|\(childPerson)" }

    private static func lastNames(_ r: PersonRecord) -> [String] {
        Array(Set([r.lastName, r.usageName ?? ""].map(LoginFolding.key).filter { !$0.isEmpty })).sorted()
    }

    private static func external(_ r: PersonRecord) -> String? {
        guard let id = nonEmpty(r.externalId) else { return nil }
        let family: String
        switch r.source {
        case .siecleStudents, .siecleGuardians: family = "siecle"
        case .aafStudents, .aafGuardians: family = "aaf"
        default: family = r.source.rawValue
        }
        return "ext:\(family):\(id)"
    }
}

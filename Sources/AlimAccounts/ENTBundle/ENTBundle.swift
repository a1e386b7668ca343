import AlimCore
import Foundation

/// The import bundle for One: per primary school, one zip the ENT's batch importer reads
/// (`Alim_<YYYYMMDD>_<UAI>_<label>.zip` holding `<UAI>_Eleves_<YYYYMMDD>.csv` and
/// `<UAI>_Parents_<YYYYMMDD>.csv`), so that Alim's decisions — who is who, which child belongs to
/// whom — reach the ENT under ids that never change.
///
/// The ENT generates every login and activation code itself: the bundle gives it names, birth
/// dates, classes, the family links (`childExternalId`) and Alim's login as `alias`, never a code.
/// A school held back by the mass-removal guard gets no bundle: the ENT would pre-delete every
/// account missing from it, which is exactly what the guard refused.
public enum ENTBundle {
    /// One zip written.
    public struct Written: Sendable, Equatable {
        public var uai: UAI
        /// The zip's file name, in the bundle folder.
        public var file: String
        public var pupils: Int
        public var guardians: Int
        /// Pupils whose birth date is unknown: the ENT refuses their row (required for a Student).
        public var pupilsWithoutBirthDate: Int
    }

    /// A school that got no zip tonight, and why (French).
    public struct Withheld: Sendable, Equatable {
        public var uai: UAI
        public var reason: String
    }

    /// What `write` did, with the French lines the operator's log gets (no personal data: UAIs and counts).
    public struct Outcome: Sendable, Equatable {
        public var written: [Written]
        public var withheld: [Withheld]

        /// One French warning per withheld school and per school with pupils the ENT will refuse.
        public var warnings: [String] {
            withheld.map(\.reason) + written.filter { $0.pupilsWithoutBirthDate > 0 }.map { w in
                let n = w.pupilsWithoutBirthDate
                return n == 1
                    ? "École \(w.uai.value) : 1 élève sans date de naissance ; l'ENT refusera sa ligne (date obligatoire pour un élève)."
                    : "École \(w.uai.value) : \(n) élèves sans date de naissance ; l'ENT refusera leurs lignes (date obligatoire pour un élève)."
            }
        }

        /// One French line counting the bundles.
        public var summary: String {
            let w = written.count, h = withheld.count
            return "Paquets d'import pour l'ENT : \(w) écrit\(w > 1 ? "s" : ""), \(h) retenu\(h > 1 ? "s" : "") par le garde-fou des suppressions massives."
        }
    }

    /// Writes one zip per school with live One accounts into `folder` (created 0700, zips 0600),
    /// except for the schools in `artifact.holds`. The same artifact, records, configuration and
    /// date give the same bytes.
    public static func write(_ artifact: AccountsArtifact, identity: IdentityArtifact, config: AlimConfig,
                             date: RunDate, to folder: URL) throws -> Outcome {
        try SecureFile.makeDirectory(folder)
        let members = ENTBundleMembers(artifact)
        let rows = ENTBundleRows(records: Dictionary(identity.records.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a }),
                                 prefix: ENTExternalID.prefix(config))
        let held = Set(artifact.holds.map(\.uai))
        var written: [Written] = []
        for uai in members.schools where !held.contains(uai) {
            let school = members.school(uai)
            let pupils = rows.pupils(school.pupils, in: uai)
            let guardians = rows.guardians(school.guardians)
            let zip = try ENTBundleZip.archive([
                (ENTBundleNaming.pupilsFile(uai: uai, date: date), pupils.encoded()),
                (ENTBundleNaming.guardiansFile(uai: uai, date: date), guardians.encoded()),
            ], date: date)
            let name = ENTBundleNaming.zipFile(uai: uai, schoolName: schoolName(uai, config: config, identity: identity),
                                               date: date)
            try SecureFile.write(zip, to: folder.appendingPathComponent(name), sync: false)
            written.append(Written(uai: uai, file: name, pupils: pupils.rowCount, guardians: guardians.rowCount,
                                   pupilsWithoutBirthDate: school.pupils.filter { ENTBundleRows.frenchDate($0.birthDate).isEmpty }.count))
        }
        try SecureFile.syncFileSystem(of: folder)
        let withheld = artifact.holds.sorted { $0.uai < $1.uai }.map { h in
            Withheld(uai: h.uai, reason: "École \(h.uai.value) retenue par le garde-fou des suppressions massives "
                + "(\(h.wouldLeave) comptes sur \(h.accountsBefore) quitteraient l'école) : aucun paquet d'import pour l'ENT "
                + "cette nuit, car l'ENT pré-supprimerait tous les comptes absents du paquet.")
        }
        return Outcome(written: written, withheld: withheld)
    }

    /// The name the sheets print: `[schools]` of alim.toml first, then the exports' own names.
    static func schoolName(_ uai: UAI, config: AlimConfig, identity: IdentityArtifact) -> String? {
        config.schools[uai.value] ?? identity.context.schoolNames[uai.value]
    }
}

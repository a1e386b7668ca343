import AlimCore

/// One vocabulary for the relationship of a guardian to a child, whatever export gave it.
///
/// SIECLE writes `CODE_PARENTE` (10 mother, 20 father, 50 tutor…) and AAF the `lien` of
/// `ENTElevePersRelEleve` (1 father, 2 mother, 3 tutor…): the same mother is `10` in one and `2` in the
/// other. Compared raw, every guardian listed by both exports "disagreed" on the child's relationship and
/// was kept apart (found by scoring `alim run`'s lineage, issue 13). Codes no table knows compare as absent:
/// an unknown code never makes two records disagree.
enum Relationship {
    /// The canonical relationships.
    static let mother = "MERE", father = "PERE", tutor = "TUTEUR", family = "FAMILLE", other = "AUTRE"

    /// SIECLE `CODE_PARENTE` (BEE nomenclature).
    static let siecle: [String: String] = [
        "10": mother, "20": father, "30": family, "37": family, "38": family, "39": family,
        "41": other, "42": other, "50": tutor, "51": other, "70": other, "80": other, "90": other,
    ]
    /// AAF `lien` (ENTElevePersRelEleve, second field).
    static let aaf: [String: String] = ["1": father, "2": mother, "3": tutor, "4": family, "5": other, "6": other, "7": other]
    /// Words some files write in full.
    static let words: [String: String] = [
        "MERE": mother, "PERE": father, "TUTEUR": tutor, "TUTRICE": tutor, "GRAND MERE": family, "GRAND PERE": family,
        "GRANDMERE": family, "GRANDPERE": family, "AUTRE MEMBRE DE LA FAMILLE": family, "AUTRE": other, "AUTRE LIEN": other,
    ]

    /// The canonical relationship of a raw code from `source`, or nil when unknown or empty.
    static func canonical(_ raw: String?, source: SourceFormat) -> String? {
        guard let raw else { return nil }
        let key = TextFold.trim(TextFold.fold(raw))
        guard !key.isEmpty else { return nil }
        switch source {
        case .siecleGuardians, .siecleStudents: return siecle[key] ?? words[key]
        // A two-digit code in an AAF file is SIECLE's (files converted by hand): AAF's own are one digit.
        case .aafGuardians, .aafStudents: return aaf[key] ?? siecle[key] ?? words[key]
        default: return words[key] ?? siecle[key]
        }
    }
}

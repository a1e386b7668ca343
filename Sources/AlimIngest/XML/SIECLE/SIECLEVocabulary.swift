import AlimCore
import Foundation

/// SIECLE code lists, kept as tables so a new code is one line, not a new branch.
enum SIECLEVocabulary {
    /// Collège levels by the first three digits of the MEF code (dispositif de formation):
    /// 100–103 general 6e–3e, 164–167 SEGPA 6e–3e. Other MEFs fall back to the MEF label, then `other`.
    static let levelByMEFPrefix: [String: SchoolLevel] = [
        "100": .sixieme, "101": .cinquieme, "102": .quatrieme, "103": .troisieme,
        "164": .sixieme, "165": .cinquieme, "166": .quatrieme, "167": .troisieme,
    ]

    /// The level of a pupil from its MEF code, or from a label (`6EME`, `5G`…) when the code is unknown.
    static func level(mefCode: String?, label: String?) -> SchoolLevel? {
        if let code = mefCode, code.count >= 3, let level = levelByMEFPrefix[String(code.prefix(3))] { return level }
        if let label {
            let parsed = SchoolLevel(parsing: label)
            if parsed != .other { return parsed }
        }
        return (mefCode ?? label) == nil ? nil : .other
    }

    /// `NIVEAU_RESPONSABILITE`: 1 legal guardian, 2 person in charge, 3 contact.
    static let roleByResponsibilityLevel: [String: LinkRole] = ["1": .legal, "2": .inCharge, "3": .contact]

    /// The role of one `RESPONSABLE_ELEVE`: the newer `NIVEAU_RESPONSABILITE`, else the older
    /// `RESP_LEGAL` (1 or 2 = legal guardian, 0 = not legal → contact; `true`/`false` read too).
    static func role(level: String?, legacy: String?) -> LinkRole? {
        if let level { return roleByResponsibilityLevel[level] }
        guard let legacy else { return nil }
        switch legacy.lowercased() {
        case "1", "2": return .legal
        default:
            switch XMLValues.bool(legacy) {
            case true?: return .legal
            case false?: return .contact
            case nil: return nil
            }
        }
    }
}

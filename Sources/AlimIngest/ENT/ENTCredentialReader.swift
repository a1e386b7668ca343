import AlimCore

/// Reads the ENT's account exports (the users export and `activation_de_comptes.csv`) into typed
/// lines; the accounts stage matches them to Alim's accounts.
///
/// The lines name people but are not person records (the ENT's accounts, not the schools' pupils),
/// so they never enter the lineage/rejects invariant: a line that cannot be used is a warning naming
/// the file and line, never silently dropped. Staff lines (teachers, personnel, guests) are not
/// Alim's business and are counted as skipped. No message ever quotes an activation code.
struct ENTCredentialReader: Sendable {
    let map: HeaderMap
    let file: String

    /// Lines read, warnings, and staff lines skipped on purpose.
    struct Result: Sendable {
        var rows: [ENTCredentialRow] = []
        var warnings: [Finding] = []
        var skippedRows = 0
    }

    private var export: ENTCredentialRow.Export { map.kind == .entUsers ? .users : .activation }

    func read(_ row: CSVRow, into out: inout Result) {
        if row.isBlank { out.skippedRows += 1; return }
        let ref = String(row.number)
        func warn(_ field: CSVField, _ reason: String) {
            out.warnings.append(Finding(file: file, ref: ref, field: map.name(field), reason: reason))
        }
        let rawType = row.value(map.column(.accountType)) ?? ""
        let profile: Profile
        switch ENTAccountType.read(rawType) {
        case .profile(let p): profile = p
        case .staff: out.skippedRows += 1; return
        case .unknown:
            warn(.accountType, "Type de compte « \(rawType) » inconnu (« Élève » ou « Parent » attendu) : ligne de l'export "
                 + "de l'ENT ignorée.")
            return
        }
        guard let login = row.value(map.column(.login)) else {
            warn(.login, "Identifiant de l'ENT vide : ligne ignorée, aucune fiche ne peut être faite sans identifiant.")
            return
        }
        guard ENTText.isToken(login) else {
            warn(.login, "Identifiant de l'ENT « \(ENTText.printable(login)) » illisible (espace ou caractère de contrôle) : ligne ignorée.")
            return
        }
        let code = row.value(map.column(.activationCode))
        if let code, !ENTText.isToken(code) {
            // Never quote the code: it is a secret even when malformed.
            warn(.activationCode, "Code d'activation illisible (espace ou caractère de contrôle) pour l'identifiant « \(login) » : "
                 + "ligne ignorée. Refaites l'export depuis l'ENT.")
            return
        }
        if code == nil && export == .activation {
            warn(.activationCode, "Code d'activation vide pour l'identifiant « \(login) » dans l'export des comptes à activer : "
                 + "ligne ignorée. Refaites l'export depuis l'ENT.")
            return
        }
        out.rows.append(ENTCredentialRow(
            file: file, ref: ref, export: export, externalId: row.value(map.column(.externalId)), profile: profile,
            lastName: row.value(map.column(.entLastName)) ?? "", firstName: row.value(map.column(.entFirstName)) ?? "",
            login: login, alias: row.value(map.column(.loginAlias)), code: code))
    }
}

/// The ENT's `Type` column: `Élève` and `Parent` are Alim's accounts; staff types are skipped.
enum ENTAccountType {
    case profile(Profile)
    case staff
    case unknown

    static func read(_ raw: String) -> ENTAccountType {
        switch TextFold.key(raw) {
        case "ELEVE", "ELEVES", "STUDENT": return .profile(.pupil)
        case "PARENT", "PARENTS", "RESPONSABLE", "RELATIVE": return .profile(.guardian)
        case "ENSEIGNANT", "ENSEIGNANTS", "TEACHER", "PERSONNEL", "PERSONNELS", "INVITE", "INVITES", "GUEST":
            return .staff
        default: return .unknown
        }
    }
}

/// Checks on the ENT's logins and codes: one printable token each, as typed at the login page.
enum ENTText {
    /// No space, no control character, at most 128 characters.
    static func isToken(_ s: String) -> Bool {
        s.unicodeScalars.count <= 128 && s.unicodeScalars.allSatisfy { $0.value > 32 && $0.value != 127 && !(0x80...0x9F).contains($0.value) }
    }

    /// A value quoted in a message: control characters shown as `?`.
    static func printable(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.prefix(128).map { $0.value < 32 || $0.value == 127 ? "?" : $0 }))
    }
}

import AlimCore

/// What the ENT's exports say tonight about one Alim account.
struct ENTFact: Sendable, Equatable {
    /// What the exports say about the account's activation code.
    enum Code: Sendable, Equatable {
        /// Still to activate, with this code (a secret: never logged).
        case pending(String)
        /// The users export's code cell is empty: the user already chose a password.
        case activated
        /// The lines disagree (two codes, or a code and « activated »): nothing is printed tonight.
        case contradictory
    }
    var login: String
    var code: Code
}

/// Matches the ENT's export lines to Alim's One accounts: by the externalId Alim gave (tenant prefix
/// stripped), else by the alias (Alim's login), else by the ENT login an earlier night recorded.
///
/// Never a guess: no match on names. A line that names no account, names two, or contradicts another
/// line of the night is a French warning (file, line, column) and changes nothing; warnings never
/// quote a code.
struct ENTCredentialMatcher {
    let accounts: [AccountRow]
    let prefix: String

    struct Outcome: Sendable {
        var facts: [AccountID: ENTFact] = [:]
        var warnings: [Finding] = []
    }

    func match(_ rows: [ENTCredentialRow]) -> Outcome {
        var out = Outcome()
        var byId: [AccountID: Int] = [:], byAlias: [String: Int] = [:], byENTLogin: [String: Int] = [:]
        for (i, a) in accounts.enumerated() where a.platform == .one {
            byId[a.id] = i
            byAlias[a.login.lowercased()] = i
            if let l = a.entLogin { byENTLogin[l.lowercased()] = i }
        }
        func warn(_ row: ENTCredentialRow, _ column: Column?, _ reason: String, _ account: Int? = nil) {
            out.warnings.append(Finding(file: row.file, ref: row.ref, field: column.map { $0.name(in: row.export) } ?? "",
                                        reason: reason, uai: account.flatMap { accounts[$0].uais.first }))
        }

        // 1. Each line to one account, or a warning.
        var linesOf: [Int: [ENTCredentialRow]] = [:]
        for row in rows.sorted() {
            let alias = row.alias.map { $0.lowercased() }
            var found: Int?
            if let ext = row.externalId, let id = ENTExternalID.accountId(ext, prefix: prefix) {
                guard let i = byId[id] else {
                    warn(row, .externalId, "Identifiant externe « \(ext) » inconnu d'Alim : aucun compte One ne porte le numéro \(id). "
                         + "Ligne ignorée (compte supprimé d'Alim, ou export d'un autre département ?).")
                    continue
                }
                if let alias, let j = byAlias[alias], j != i {
                    warn(row, .externalId, "Ligne contradictoire : l'identifiant externe « \(ext) » désigne le compte \(accounts[i].id), "
                         + "l'alias « \(row.alias!) » le compte \(accounts[j].id). Ligne ignorée : vérifiez ce compte dans l'ENT.", i)
                    continue
                }
                found = i
            } else if let alias, let i = byAlias[alias] {
                found = i
            } else if let i = byENTLogin[row.login.lowercased()] {
                found = i
            }
            guard let i = found else {
                if let alias = row.alias {
                    warn(row, .alias, "Alias « \(alias) » inconnu d'Alim et identifiant de l'ENT « \(row.login) » jamais vu : "
                         + "ligne ignorée, aucun compte n'est attribué d'après le nom.")
                } else {
                    warn(row, .alias, "Ni identifiant externe Alim ni alias pour l'identifiant de l'ENT « \(row.login) » "
                         + "(\(row.firstName) \(row.lastName)) : impossible de savoir à quel compte cette ligne correspond, "
                         + "aucun compte n'est attribué d'après le nom. Ligne ignorée.")
                }
                continue
            }
            if accounts[i].profile != row.profile {
                warn(row, .type, "Ligne contradictoire : ligne de type « \(Self.type(row.profile)) », mais le compte \(accounts[i].id) "
                     + "est un compte \(Self.kind(accounts[i].profile)). Ligne ignorée : vérifiez ce compte dans l'ENT.", i)
                continue
            }
            linesOf[i, default: []].append(row)
        }

        // 2. Per account, the lines must agree.
        var facts: [Int: ENTFact] = [:]
        for (i, lines) in linesOf.sorted(by: { $0.key < $1.key }) {
            let id = accounts[i].id
            var seenIn: [String: ENTCredentialRow] = [:]
            for row in lines {
                if let first = seenIn[row.file] {
                    warn(row, nil, "Ligne en double : le compte \(id) figure déjà ligne \(first.ref) de ce fichier.", i)
                } else {
                    seenIn[row.file] = row
                }
            }
            let logins = Array(Set(lines.map(\.login))).sorted()
            if logins.count > 1 {
                for row in lines {
                    warn(row, .login, "Lignes contradictoires : le compte \(id) reçoit ce soir plusieurs identifiants de l'ENT ("
                         + logins.map { "« \($0) »" }.joined(separator: ", ") + ") : aucun n'est retenu, vérifiez ce compte dans l'ENT.", i)
                }
                continue
            }
            let codes = Set(lines.compactMap(\.code))
            let activated = lines.contains { $0.export == .users && $0.code == nil }
            let code: ENTFact.Code
            if codes.count > 1 || (activated && !codes.isEmpty) {
                for row in lines {
                    warn(row, .code, "Lignes contradictoires : les exports de l'ENT donnent au compte \(id) "
                         + (codes.count > 1 ? "plusieurs codes d'activation différents" : "un code d'activation et le disent aussi activé")
                         + " : aucune fiche ce soir. Refaites les exports depuis l'ENT.", i)
                }
                code = .contradictory
            } else if let c = codes.first {
                code = .pending(c)
            } else {
                code = .activated
            }
            facts[i] = ENTFact(login: logins[0], code: code)
        }

        // 3. An ENT login belongs to one account: tonight's, and those recorded earlier.
        var holders: [String: Set<Int>] = [:]
        for (i, a) in accounts.enumerated() where a.platform == .one {
            if let login = facts[i]?.login ?? a.entLogin { holders[login.lowercased(), default: []].insert(i) }
        }
        for (_, set) in holders where set.count > 1 {
            let ids = set.map { accounts[$0].id }.sorted()
            for i in set.sorted() where facts[i] != nil {
                let login = facts[i]!.login
                for row in linesOf[i] ?? [] {
                    warn(row, .login, "L'identifiant de l'ENT « \(login) » est attribué à plusieurs comptes ("
                         + ids.joined(separator: ", ") + ") : il n'est pas retenu pour le compte \(accounts[i].id), "
                         + "vérifiez dans l'ENT.", i)
                }
                facts[i] = nil
            }
        }
        for (i, fact) in facts { out.facts[accounts[i].id] = fact }
        out.warnings.sort()
        return out
    }

    /// The columns a warning names, as each export spells them.
    enum Column {
        case externalId, type, login, alias, code

        func name(in export: ENTCredentialRow.Export) -> String {
            switch (self, export) {
            case (.externalId, _): return "Id"
            case (.type, _): return "Type"
            case (.login, .users): return "Identifiant"
            case (.login, .activation): return "Login"
            case (.alias, .users): return "Login personnalisé (Alias)"
            case (.alias, .activation): return "Alias de login"
            case (.code, _): return "Code d'activation"
            }
        }
    }

    private static func type(_ p: Profile) -> String { p == .guardian ? "Parent" : "Élève" }
    private static func kind(_ p: Profile) -> String { p == .guardian ? "de responsable" : "d'élève" }
}

import AlimCore

/// Links ONDE guardians to the pupils of their school.
///
/// ONDE gives no shared id, so a child is found by name + first name + class, compared without
/// accents, case or spaces, trying the birth name and the usage name on both sides. A child not
/// found is a warning; a guardian none of whose children is found is rejected (an account linked to
/// no child would give a family nothing, and a guess could give them someone else's child).
enum OndeJoin {
    struct Result: Sendable {
        var records: [PersonRecord] = []
        var rejects: [Finding] = []
        var warnings: [Finding] = []
    }

    /// Joins the guardians of one school to the pupils read from that school's pupil files.
    static func resolve(guardians: [PendingGuardian], pupils: [PersonRecord], uai: UAI) -> Result {
        var byKey: [String: [RecordRef]] = [:]
        var byName: [String: [RecordRef]] = [:]
        for pupil in pupils {
            let names = Set([pupil.lastName, pupil.usageName].compactMap { $0 }.map(NameKey.of))
            for name in names {
                byKey[name + "|" + NameKey.of(pupil.firstName) + "|" + NameKey.of(pupil.className), default: []].append(pupil.ref)
                byName[name + "|" + NameKey.of(pupil.firstName), default: []].append(pupil.ref)
            }
        }
        var result = Result()
        for pending in guardians {
            var record = pending.record
            let subject = "\(record.lastName) \(record.firstName)"
            var found: [RecordRef] = []
            var childWarnings: [Finding] = []
            for child in pending.children {
                let names = Set([child.lastName, child.usageName].compactMap { $0 }.map(NameKey.of))
                var matches: Set<RecordRef> = []
                for name in names {
                    if child.className != nil {
                        matches.formUnion(byKey[name + "|" + NameKey.of(child.firstName) + "|" + NameKey.of(child.className)] ?? [])
                    } else if let refs = byName[name + "|" + NameKey.of(child.firstName)], Set(refs).count == 1 {
                        matches.formUnion(refs)
                    }
                }
                if matches.isEmpty || child.firstName == nil {
                    childWarnings.append(Finding(record.ref, field: child.field,
                        reason: "Enfant « \(child.display) » introuvable parmi les élèves de l'école : le lien avec ce responsable "
                            + "n'est pas créé. Vérifiez le nom, le prénom et la classe dans ONDE.",
                        kind: .guardian, uai: uai, subject: subject))
                    continue
                }
                found.append(contentsOf: matches.sorted())
            }
            record.links = Set(found).sorted().map { GuardianLink(pupil: $0, role: .legal) }
            if record.links.isEmpty {
                let reason = pending.children.isEmpty
                    ? "Responsable non importé : aucun enfant n'est indiqué sur la ligne."
                    : pupils.isEmpty
                        ? "Responsable non importé : aucun fichier d'élèves ONDE de cette école n'a été lu cette nuit, ses enfants ne peuvent pas être retrouvés."
                        : "Responsable non importé : aucun de ses enfants n'a été retrouvé parmi les élèves de l'école. Vérifiez les noms, prénoms et classes dans ONDE."
                result.rejects.append(Finding(record.ref, field: "", reason: reason, kind: .guardian, uai: uai, subject: subject))
            } else {
                result.records.append(record)
                result.warnings += childWarnings
            }
        }
        return result
    }
}

import AlimCore

/// Links ONDE guardians to the pupils of their school.
///
/// ONDE gives no shared id, so a child reference (one child group of a guardian row) is found by
/// name + first name + class, all compared through `TextFold.key`. The rules, because a wrong link
/// shows a stranger's child to a guardian:
/// - a reference links to a pupil only when a *non-empty* name (birth or usage, on either side), the
///   first name and the class agree; an empty value never matches anything;
/// - a reference that matches several pupils gets no link: a warning and a review item naming every
///   candidate (never a guess, never both); one that matches nobody is a warning;
/// - a birth date on the guardian row, when the file has one, must agree with the pupil's;
/// - every link made is checked again by `FamilyLinkCheck` against the row's text before it is kept.
///
/// A guardian none of whose children is found is rejected: an account linked to no child would give
/// a family nothing.
enum OndeJoin {
    struct Result: Sendable {
        var records: [PersonRecord] = []
        var rejects: [Finding] = []
        var warnings: [Finding] = []
        var audit: FamilyLinkAudit
        var review: [LinkReviewItem] = []
    }

    /// Joins the guardians of one school to the pupils read from that school's pupil files.
    static func resolve(guardians: [PendingGuardian], pupils: [PersonRecord], uai: UAI) -> Result {
        let index = PupilIndex(pupils)
        var result = Result(audit: FamilyLinkAudit(uai: uai))
        for pending in guardians {
            var record = pending.record
            let subject = "\(record.lastName) \(record.firstName)"
            var found: [RecordRef] = []
            var childWarnings: [Finding] = []
            var ambiguousChildren: [String] = []
            result.audit.guardianRows += 1
            for child in pending.children {
                result.audit.references += 1
                func warn(_ reason: String) {
                    childWarnings.append(Finding(record.ref, field: child.field, reason: reason, kind: .guardian, uai: uai, subject: subject))
                }
                switch index.resolve(child) {
                case .linked(let pupil):
                    guard FamilyLinkCheck.justifies(child, pupil) else {
                        result.audit.unjustified += 1
                        warn(OndeJoinReason.unjustified(child))
                        continue
                    }
                    result.audit.linked += 1
                    found.append(pupil.ref)
                case .ambiguous(let candidates):
                    result.audit.ambiguous += 1
                    ambiguousChildren.append(child.display)
                    warn(OndeJoinReason.ambiguous(child, candidates))
                    result.review.append(LinkReviewItem(
                        id: "\(record.ref.file)#\(record.ref.ref)/\(child.group)", uai: uai, guardian: record.ref,
                        guardianName: subject, reference: child.display, field: child.field, candidates: candidates.map(\.ref)))
                case .notFound(let why):
                    result.audit.notFound += 1
                    warn(OndeJoinReason.notFound(child, why))
                }
            }
            record.links = Set(found).sorted().map { GuardianLink(pupil: $0, role: .legal) }
            if record.links.isEmpty {
                let reason: String
                if pending.children.isEmpty {
                    reason = "Responsable non importé : aucun enfant n'est indiqué sur la ligne."
                } else if pupils.isEmpty {
                    reason = "Responsable non importé : aucun fichier d'élèves ONDE de cette école n'a été lu cette nuit, ses enfants ne peuvent pas être retrouvés."
                } else if !ambiguousChildren.isEmpty {
                    reason = "Responsable non importé : " + (ambiguousChildren.count > 1 ? "ses enfants " : "son enfant ")
                        + ambiguousChildren.map { "« \($0) »" }.joined(separator: ", ")
                        + (ambiguousChildren.count > 1 ? " correspondent" : " correspond")
                        + " chacun à plusieurs élèves de l'école ; aucun lien n'est créé sans la décision du directeur (voir link-review.csv)."
                } else {
                    reason = "Responsable non importé : aucun de ses enfants n'a été retrouvé parmi les élèves de l'école. Vérifiez les noms, prénoms et classes dans ONDE."
                }
                result.rejects.append(Finding(record.ref, field: "", reason: reason, kind: .guardian, uai: uai, subject: subject))
                // The reasons per child still tell the director which reference failed and why.
                result.warnings += childWarnings
            } else {
                result.records.append(record)
                result.warnings += childWarnings
            }
        }
        return result
    }
}

/// The school's pupils indexed by every non-empty name + first name + class key.
struct PupilIndex {
    enum Outcome {
        case linked(PersonRecord)
        case ambiguous([PersonRecord])
        case notFound(OndeJoinReason.Missing)
    }

    private let pupils: [PersonRecord]
    private var byKey: [String: [Int]] = [:]
    /// Name + first name (no class), to tell « wrong class » from « unknown child » in warnings.
    private var byName: [String: [Int]] = [:]

    init(_ pupils: [PersonRecord]) {
        self.pupils = pupils
        for (i, pupil) in pupils.enumerated() {
            let first = TextFold.key(pupil.firstName), cls = TextFold.key(pupil.className ?? "")
            guard !first.isEmpty else { continue }
            for name in ChildKeys.names(pupil.lastName, pupil.usageName) {
                if !cls.isEmpty { byKey[name + "|" + first + "|" + cls, default: []].append(i) }
                byName[name + "|" + first, default: []].append(i)
            }
        }
    }

    func resolve(_ child: ChildReference) -> Outcome {
        let names = ChildKeys.names(child.lastName, child.usageName)
        let first = TextFold.key(child.firstName ?? ""), cls = TextFold.key(child.className ?? "")
        if names.isEmpty { return .notFound(.name) }
        if first.isEmpty { return .notFound(.firstName) }
        if cls.isEmpty { return .notFound(.className) }
        var hits = Set<Int>()
        for name in names { hits.formUnion(byKey[name + "|" + first + "|" + cls] ?? []) }
        if hits.isEmpty {
            let elsewhere = names.contains { byName[$0 + "|" + first] != nil }
            return .notFound(elsewhere ? .otherClass : .unknown)
        }
        var candidates = hits.sorted().map { pupils[$0] }
        if let born = child.birthDate {
            let agreeing = candidates.filter { $0.birthDate == nil || $0.birthDate == born }
            if agreeing.isEmpty { return .notFound(.birthDate) }
            candidates = agreeing
        }
        return candidates.count == 1 ? .linked(candidates[0]) : .ambiguous(candidates)
    }
}

/// The name keys of one person or reference: birth and usage names folded, empty ones dropped.
enum ChildKeys {
    static func names(_ last: String?, _ usage: String?) -> Set<String> {
        Set([last, usage].compactMap { $0 }.map(TextFold.key).filter { !$0.isEmpty })
    }
}

/// The independent check of a link: written plainly, apart from the index, so a defect in one is
/// caught by the other before a guardian sees a stranger's child.
enum FamilyLinkCheck {
    /// True when the row's reference names this pupil: a non-empty name in common, the same first
    /// name and class (non-empty), and no contradicting birth date.
    static func justifies(_ child: ChildReference, _ pupil: PersonRecord) -> Bool {
        func same(_ a: String?, _ b: String?) -> Bool {
            guard let a, let b else { return false }
            let ka = TextFold.key(a), kb = TextFold.key(b)
            return !ka.isEmpty && ka == kb
        }
        let nameAgrees = [child.lastName, child.usageName].contains { c in
            [pupil.lastName, pupil.usageName].contains { p in same(c, p) }
        }
        let birthAgrees = child.birthDate == nil || pupil.birthDate == nil || child.birthDate == pupil.birthDate
        return nameAgrees && same(child.firstName, pupil.firstName) && same(child.className, pupil.className) && birthAgrees
    }
}

/// The French sentences of the join's warnings.
enum OndeJoinReason {
    enum Missing {
        case name, firstName, className, otherClass, unknown, birthDate
    }

    static let ambiguousPrefix = "Enfant ambigu"

    static func notFound(_ child: ChildReference, _ why: Missing) -> String {
        let head = "Enfant « \(child.display) » "
        let tail = " : le lien avec ce responsable n'est pas créé."
        switch why {
        case .name: return head + "sans nom de famille ni nom d'usage sur la ligne" + tail + " Complétez la fiche dans ONDE."
        case .firstName: return head + "sans prénom sur la ligne" + tail + " Complétez la fiche dans ONDE."
        case .className: return head + "sans classe sur la ligne" + tail + " Complétez la fiche dans ONDE."
        case .otherClass:
            return head + "introuvable dans cette classe : un élève de ce nom et de ce prénom est inscrit dans une autre classe"
                + tail + " Vérifiez la classe dans ONDE."
        case .unknown:
            return head + "introuvable parmi les élèves de l'école" + tail + " Vérifiez le nom, le prénom et la classe dans ONDE."
        case .birthDate:
            return head + "trouvé par son nom et sa classe, mais sa date de naissance diffère de celle de l'élève" + tail
                + " Vérifiez la date de naissance dans ONDE."
        }
    }

    static func ambiguous(_ child: ChildReference, _ candidates: [PersonRecord]) -> String {
        let list = candidates.map { p -> String in
            let born = p.birthDate.flatMap { RunDate($0)?.french }.map { ", né(e) le \($0)" } ?? ""
            return "\(p.firstName) \(p.displayLastName) (ligne \(p.ref.ref)\(born))"
        }.joined(separator: " ; ")
        return "\(ambiguousPrefix) « \(child.display) » : \(candidates.count) élèves de l'école portent ce nom, ce prénom et "
            + "cette classe (\(list)). Aucun lien n'est créé : le directeur doit indiquer lequel est l'enfant de ce responsable "
            + "(voir link-review.csv)."
    }

    static func unjustified(_ child: ChildReference) -> String {
        "Enfant « \(child.display) » : le lien trouvé ne correspond pas au texte de la ligne et n'est pas créé "
            + "(anomalie d'Alim, signalez-la à l'équipe ENT)."
    }
}

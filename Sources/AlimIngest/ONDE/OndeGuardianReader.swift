import AlimCore

/// Turns ONDE guardian rows into guardian records waiting to be joined to their children.
///
/// The child columns repeat in groups of four with identical names, so they are mapped by
/// position: the n-th `Prénom enfant` belongs to the n-th group. Rows are not padded: a missing
/// group is simply absent.
struct OndeGuardianReader: Sendable {
    let map: HeaderMap
    let file: String
    let uai: UAI

    private let groups: [(usage: Int?, last: Int?, first: Int?, className: Int?, birth: Int?, field: String)]

    init(map: HeaderMap, file: String, uai: UAI) {
        self.map = map
        self.file = file
        self.uai = uai
        let usage = map.all(.childUsageName), last = map.all(.childLastName)
        let first = map.all(.childFirstName), cls = map.all(.childClass), birth = map.all(.childBirthDate)
        let count = max(usage.count, last.count, first.count, cls.count)
        groups = (0..<count).map { g in
            let cols = [last, first, cls].compactMap { g < $0.count ? $0[g] : nil }
            let field = cols.map { map.names[$0] }.joined(separator: ", ") + " (enfant \(g + 1))"
            return (g < usage.count ? usage[g] : nil, g < last.count ? last[g] : nil,
                    g < first.count ? first[g] : nil, g < cls.count ? cls[g] : nil, g < birth.count ? birth[g] : nil, field)
        }
    }

    func read(_ row: CSVRow, into out: inout OndeFileResult) {
        out.personRows += 1
        let ref = RecordRef(file: file, ref: String(row.number))
        let last = row.value(map.column(.guardianLastName)), first = row.value(map.column(.guardianFirstName))
        let usage = row.value(map.column(.guardianUsageName))
        let subject = [last ?? usage, first].compactMap { $0 }.joined(separator: " ")
        guard let last, let first else {
            out.lastFullGuardian = nil
            let missing = [last == nil ? map.name(.guardianLastName) : nil,
                           first == nil ? map.name(.guardianFirstName) : nil].compactMap { $0 }
            out.rejects.append(Finding(ref, field: missing.joined(separator: ", "),
                reason: "Responsable non importé : " + missing.map { "« \($0) »" }.joined(separator: " et ")
                    + (missing.count > 1 ? " sont vides" : " est vide") + ". Complétez la fiche dans ONDE puis refaites l'export.",
                kind: .guardian, uai: uai, subject: subject.isEmpty ? nil : subject))
            return
        }
        var children: [ChildReference] = []
        for (g, cols) in groups.enumerated() {
            var birthDate: String?
            if case .valid(let d) = OndeDate.parse(row.value(cols.birth)) { birthDate = d }
            let child = ChildReference(group: g + 1, lastName: row.value(cols.last), usageName: row.value(cols.usage),
                                       firstName: row.value(cols.first), className: row.value(cols.className),
                                       birthDate: birthDate, field: cols.field)
            if child.lastName != nil || child.usageName != nil || child.firstName != nil || child.className != nil {
                children.append(child)
            }
        }
        var phones: [Phone] = []
        if let v = row.value(map.column(.phoneHome)) { phones.append(Phone(kind: "home", raw: v)) }
        if let v = row.value(map.column(.phoneWork)) { phones.append(Phone(kind: "work", raw: v)) }
        if let v = row.value(map.column(.phoneMobile)) { phones.append(Phone(kind: "mobile", raw: v)) }
        let address = PostalAddress(lines: [row.value(map.column(.guardianAddress))].compactMap { $0 },
                                    postalCode: row.value(map.column(.guardianPostalCode)),
                                    city: row.value(map.column(.guardianCity)), country: row.value(map.column(.guardianCountry)))
        var record = PersonRecord(
            ref: ref, kind: .guardian, source: .ondeGuardians, stage: .primary, uai: uai,
            civility: row.value(map.column(.civility)), lastName: last, usageName: usage == last ? nil : usage,
            firstName: first, email: row.value(map.column(.email)), phones: phones,
            address: address.isEmpty ? nil : address)
        // Every guardian column but the children's, as read: a continuation row repeats them all.
        var identity: [String?] = [record.civility, record.lastName, usage, record.firstName, record.email]
        identity += phones.map { Optional($0.kind + ":" + $0.raw) }
        identity += [address.lines.first, address.postalCode, address.city, address.country]
        if let previous = out.lastFullGuardian, previous.identity == identity, !children.isEmpty {
            record.continues = previous.ref
        }
        let full = !groups.isEmpty && children.count == groups.count
        out.lastFullGuardian = full ? (record.continues ?? ref, identity) : nil
        out.guardians.append(PendingGuardian(record: record, children: children))
    }
}

import AlimCore

/// One name as the scorer sees it: interned ids only, so comparing two names never touches a `String`.
struct NameFeature: Sendable {
    /// Interned compact form; -1 when nothing usable was written.
    var compact: Int32 = -1
    /// Interned compact form without leading particles.
    var core: Int32 = -1
    /// Tokens, as a range of `FeatureTable.tokens`.
    var tokenStart: Int32 = 0
    var tokenCount: Int32 = 0

    var isEmpty: Bool { compact < 0 }
    /// The form typo checks compare: the core, else the compact form.
    var typoForm: Int32 { core >= 0 ? core : compact }
}

/// Interns strings to dense ids and keeps their bytes for the rare edit-distance comparison.
struct Interner: Sendable {
    private var ids: [String: Int32] = [:]
    private(set) var bytes: [[UInt8]] = []

    mutating func id(_ s: String) -> Int32 {
        if let i = ids[s] { return i }
        let i = Int32(bytes.count)
        ids[s] = i
        bytes.append(Array(s.utf8))
        return i
    }

    func lookup(_ s: String) -> Int32? { ids[s] }
    var count: Int { bytes.count }
}

/// Every record's comparison keys flattened into arrays of integers, built once per run.
///
/// Scoring half a million candidate pairs must not copy a record's key struct (a dozen reference-counted
/// fields) nor compare `String`s per pair: every name token, phone, e-mail, street and relationship is
/// interned once, and a pair is scored by index over these arrays.
struct FeatureTable: Sendable {
    var strings = Interner()
    var guardian: [Bool] = []
    var file: [Int32] = []
    var ine: [Int32] = []
    /// 0 unknown, 1 `M`, 2 `F`.
    var sex: [UInt8] = []
    /// `YYYYMMDD`, or -1.
    var birth: [Int32] = []
    var lastName: [NameFeature] = []
    var usageName: [NameFeature] = []
    var firstName: [NameFeature] = []
    var tokens: [Int32] = []
    /// Interned particle tokens, for the compound-name rule.
    var particle: [Bool] = []
    /// Phones as ranges of `phoneIDs` (sorted ids); `personalPhone` is indexed by interned id.
    var phoneStart: [Int32] = []
    var phoneIDs: [Int32] = []
    var personalPhone: [Bool] = []
    var email: [Int32] = []
    /// Address parts (-1 when absent); `street` is -1 when the address has no street.
    var street: [Int32] = []
    /// The street without spaces, for the typo comparison.
    var streetCompact: [Int32] = []
    var number: [Int32] = []
    var locality: [Int32] = []
    var city: [Int32] = []
    /// The first two bytes of the compact first name (`LE` → 0x4C45), 0 when empty: blocking prefixes.
    var firstPrefix: [UInt16] = []
    /// Surname keys (birth and usage, compact and core; distinct, sorted by text) as ranges, with initials.
    var surnameKeyStart: [Int32] = []
    var surnameKeys: [Int32] = []
    var surnameInitial: [UInt8] = []
    /// Phonetic surname keys as ranges.
    var soundStart: [Int32] = []
    var sounds: [Int32] = []
    /// Records per surname key and per compact first name, indexed by interned id.
    var surnameCount: [Int32] = []
    var firstNameCount: [Int32] = []
    /// Pupils: sorted interned signatures (phone, e-mail, name) of their guardians' records.
    var signatureStart: [Int32] = []
    var signatures: [Int64] = []
    /// Guardians: sorted child persons as ranges of `childIDs`, and the relationship id given for each
    /// (-1 when none); empty until pupils are resolved.
    var childStart: [Int32] = []
    var childIDs: [Int32] = []
    var childRelation: [Int32] = []

    /// Source files, interned apart from the comparison strings.
    var files = Interner()

    private init() {}

    /// Builds the table; the per-record part (most of the interning) runs on `threads` contiguous record
    /// ranges, each with its own interner, merged in order so every id is the one a single pass gives.
    init(keys: [NormalizedRecord], records: [PersonRecord], index refIndex: [RecordRef: Int], threads: Int? = nil) {
        let n = keys.count
        let parts: [FeatureTable] = Parallel.map(count: n, threads: Parallel.threads(threads, count: n)) { range in
            var part = FeatureTable()
            part.appendRecords(keys, range)
            return [part]
        }
        self = parts.first ?? FeatureTable()
        for part in parts.dropFirst() { append(part) }
        phoneStart.append(Int32(phoneIDs.count))
        surnameKeyStart.append(Int32(surnameKeys.count))
        soundStart.append(Int32(sounds.count))
        // Name frequencies and signatures intern their own strings, so id-indexed tables are sized last.
        var surnames: [Int32: Int32] = [:], firsts: [Int32: Int32] = [:]
        for i in keys.indices {
            for s in surnameKeyRange(i) { surnames[surnameKeys[s], default: 0] += 1 }
            firsts[strings.id(keys[i].firstName.compact), default: 0] += 1
        }
        // Guardian signatures, exact and tagged: 1 = phone id, 2 = e-mail id, 3 = (surname, first name) ids.
        var sigs = Array(repeating: [Int64](), count: n)
        for g in records.indices where records[g].kind != .pupil {
            var sig: [Int64] = []
            for p in Int(phoneStart[g])..<Int(phoneStart[g + 1]) { sig.append(1 << 62 | Int64(phoneIDs[p])) }
            if email[g] >= 0 { sig.append(2 << 62 | Int64(email[g])) }
            if !lastName[g].isEmpty, !firstName[g].isEmpty {
                sig.append(3 << 62 | Int64(lastName[g].compact) << 31 | Int64(firstName[g].compact))
            }
            for link in records[g].links { if let p = refIndex[link.pupil] { sigs[p].append(contentsOf: sig) } }
        }
        for var s in sigs {
            s.sort()
            signatureStart.append(Int32(signatures.count))
            for v in s where signatures.count == Int(signatureStart.last!) || signatures.last != v { signatures.append(v) }
        }
        signatureStart.append(Int32(signatures.count))
        let m = strings.count
        surnameCount = Array(repeating: 0, count: m)
        firstNameCount = Array(repeating: 0, count: m)
        for (id, c) in surnames { surnameCount[Int(id)] = c }
        for (id, c) in firsts { firstNameCount[Int(id)] = c }
        particle = Array(repeating: false, count: m)
        for p in NameNormalizer.particles { if let id = strings.lookup(p) { particle[Int(id)] = true } }
        personalPhone = Array(repeating: false, count: m)
        var classified = Array(repeating: false, count: m)  // each distinct number once, not once per record
        for id in phoneIDs where !classified[Int(id)] {
            classified[Int(id)] = true
            personalPhone[Int(id)] = PhoneNormalizer.isPersonal(String(decoding: strings.bytes[Int(id)], as: UTF8.self))
        }
        childStart = Array(repeating: 0, count: n + 1)
    }

    /// The per-record features of `range`, without the closing offsets (added once every part is merged).
    private mutating func appendRecords(_ keys: [NormalizedRecord], _ range: Range<Int>) {
        guardian.reserveCapacity(range.count)
        for idx in range {
            let k = keys[idx]
            guardian.append(k.isGuardianType)
            file.append(files.id(k.ref.file))
            ine.append(k.ine.map { strings.id($0) } ?? -1)
            sex.append(k.sex == "M" ? 1 : k.sex == "F" ? 2 : 0)
            birth.append(k.birthDate.flatMap(Self.dateNumber) ?? -1)
            lastName.append(name(k.lastName))
            usageName.append(k.usageName.map { name($0) } ?? NameFeature())
            firstName.append(name(k.firstName))
            let fb = k.firstName.compact.utf8
            firstPrefix.append(fb.isEmpty ? 0 : UInt16(fb.first!) << 8 | UInt16(fb.dropFirst().first ?? 0))
            surnameKeyStart.append(Int32(surnameKeys.count))
            for s in k.surnameKeys {
                surnameKeys.append(strings.id(s))
                surnameInitial.append(s.utf8.first ?? 0)
            }
            soundStart.append(Int32(sounds.count))
            for s in k.surnameSounds { sounds.append(strings.id(s)) }
            phoneStart.append(Int32(phoneIDs.count))
            phoneIDs.append(contentsOf: k.phones.map { strings.id($0) }.sorted())
            email.append(k.email.map { strings.id($0) } ?? -1)
            if let a = k.address, !a.street.isEmpty {
                street.append(strings.id(a.street))
                streetCompact.append(strings.id(a.street.filter { $0 != " " }))
                number.append(a.number.map { strings.id($0) } ?? -1)
                locality.append(a.locality.map { strings.id($0) } ?? -1)
                city.append(a.city.map { strings.id($0) } ?? -1)
            } else {
                street.append(-1); streetCompact.append(-1); number.append(-1); locality.append(-1); city.append(-1)
            }
        }
    }

    /// Appends a table built on the following record range: its ids are re-interned here in its own id
    /// order (first occurrence), which is the order one pass over both ranges would have given them.
    private mutating func append(_ o: FeatureTable) {
        let map = o.strings.bytes.map { strings.id(String(decoding: $0, as: UTF8.self)) }
        let fileMap = o.files.bytes.map { files.id(String(decoding: $0, as: UTF8.self)) }
        func r(_ x: Int32) -> Int32 { x < 0 ? x : map[Int(x)] }
        let tokenBase = Int32(tokens.count)
        func name(_ f: NameFeature) -> NameFeature {
            f.isEmpty ? f : NameFeature(compact: r(f.compact), core: r(f.core), tokenStart: f.tokenStart + tokenBase, tokenCount: f.tokenCount)
        }
        guardian += o.guardian
        file += o.file.map { fileMap[Int($0)] }
        ine += o.ine.map(r)
        sex += o.sex
        birth += o.birth
        lastName += o.lastName.map(name)
        usageName += o.usageName.map(name)
        firstName += o.firstName.map(name)
        tokens += o.tokens.map(r)
        firstPrefix += o.firstPrefix
        let keyBase = Int32(surnameKeys.count), soundBase = Int32(sounds.count)
        surnameKeyStart += o.surnameKeyStart.map { $0 + keyBase }
        surnameKeys += o.surnameKeys.map(r)
        surnameInitial += o.surnameInitial
        soundStart += o.soundStart.map { $0 + soundBase }
        sounds += o.sounds.map(r)
        for (x, start) in o.phoneStart.enumerated() {
            let end = x + 1 < o.phoneStart.count ? Int(o.phoneStart[x + 1]) : o.phoneIDs.count
            phoneStart.append(Int32(phoneIDs.count))
            phoneIDs += o.phoneIDs[Int(start)..<end].map(r).sorted()
        }
        email += o.email.map(r)
        street += o.street.map(r)
        streetCompact += o.streetCompact.map(r)
        number += o.number.map(r)
        locality += o.locality.map(r)
        city += o.city.map(r)
    }

    func childRange(_ i: Int) -> Range<Int> { Int(childStart[i])..<Int(childStart[i + 1]) }
    func surnameKeyRange(_ i: Int) -> Range<Int> { Int(surnameKeyStart[i])..<Int(surnameKeyStart[i + 1]) }
    func soundRange(_ i: Int) -> Range<Int> { Int(soundStart[i])..<Int(soundStart[i + 1]) }

    private mutating func name(_ k: NameKeys) -> NameFeature {
        guard !k.isEmpty else { return NameFeature() }
        let start = Int32(tokens.count)
        tokens.append(contentsOf: k.tokens.map { strings.id($0) })
        return NameFeature(compact: strings.id(k.compact), core: k.core.isEmpty ? -1 : strings.id(k.core),
                           tokenStart: start, tokenCount: Int32(k.tokens.count))
    }

    /// `YYYY-MM-DD` as the integer `YYYYMMDD`.
    static func dateNumber(_ iso: String) -> Int32? {
        let u = Array(iso.utf8)
        guard u.count == 10 else { return nil }
        var v: Int32 = 0
        for (i, c) in u.enumerated() where i != 4 && i != 7 {
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int32(c - 48)
        }
        return v
    }

    /// Records the child persons (and relationship codes) of each guardian once pupils are resolved.
    mutating func setChildPersons(records: [PersonRecord], index: [RecordRef: Int], pupilCluster: [Int?]) {
        childStart = [0]
        childIDs = []
        childRelation = []
        for record in records {
            if record.kind != .pupil {
                var rel: [Int32: Int32] = [:]
                var set = Set<Int32>()
                for link in record.links {
                    guard let c = index[link.pupil].flatMap({ pupilCluster[$0] }) else { continue }
                    set.insert(Int32(c))
                    if let r = link.relationship.map({ TextFolding.trim(TextFolding.fold($0)) }), !r.isEmpty {
                        rel[Int32(c)] = strings.id(r)
                    }
                }
                for c in set.sorted() {
                    childIDs.append(c)
                    childRelation.append(rel[c] ?? -1)
                }
            }
            childStart.append(Int32(childIDs.count))
        }
    }
}

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

/// Every record's comparison keys flattened into arrays of integers, built once per run.
///
/// Scoring half a million candidate pairs must not copy a record's key struct (a dozen reference-counted
/// fields) nor compare `String`s per pair: every name token, phone, e-mail, street and relationship is
/// interned once, and a pair is scored by index over these arrays.
struct FeatureTable: Sendable {
    var strings = Interner()
    var guardian: [Bool] = []
    /// A contact (SIECLE level 3, a grandparent…) rather than a legal guardian.
    var contact: [Bool] = []
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
    /// The compact first name as an encoding loss leaves it, every accented letter gone (`Benoît` →
    /// `BENOT`); -1 when the raw first name has no such letter.
    var firstAccentless: [Int32] = []
    /// Loss patterns (`EncodingLoss`) of the birth name, usage name and first name; -1 when the raw name
    /// holds neither a `?` nor a letter outside Latin-9 (nearly every record).
    var lossLast: [Int32] = []
    var lossUsage: [Int32] = []
    var lossFirst: [Int32] = []
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

    /// Guardians' links as ranges of `linkPupil` (the pupil's record index, -1 when not in the inbox) and
    /// `linkRelation` (interned folded relationship, -1 when none), resolved once per run.
    var linkStart: [Int32] = []
    var linkPupil: [Int32] = []
    var linkRelation: [Int32] = []

    /// Source files, interned apart from the comparison strings.
    var files = Interner()

    private init() {}

    /// Builds the table; the per-record part (most of the interning) runs on `threads` contiguous record
    /// ranges, each with its own interner, merged in order so every id is the one a single pass gives.
    init(keys: [NormalizedRecord], records: [PersonRecord], index refIndex: [RecordRef: Int], threads: Int? = nil) {
        let n = keys.count
        let parts: [FeatureTable] = Parallel.map(count: n, threads: Parallel.threads(threads, count: n)) { range in
            var part = FeatureTable()
            keys.withUnsafeBufferPointer { kp in
                records.withUnsafeBufferPointer { rp in part.appendRecords(kp, rp, refIndex, range) }
            }
            return [part]
        }
        self = parts.first ?? FeatureTable()
        for part in parts.dropFirst() { append(part) }
        phoneStart.append(Int32(phoneIDs.count))
        surnameKeyStart.append(Int32(surnameKeys.count))
        soundStart.append(Int32(sounds.count))
        linkStart.append(Int32(linkPupil.count))
        let m = strings.count
        // Name frequencies, indexed by interned id.
        surnameCount = Array(repeating: 0, count: m)
        firstNameCount = Array(repeating: 0, count: m)
        for key in surnameKeys { surnameCount[Int(key)] += 1 }
        for name in firstName where name.compact >= 0 { firstNameCount[Int(name.compact)] += 1 }
        buildSignatures(n)
        particle = Array(repeating: false, count: m)
        for p in NameNormalizer.particles { if let id = strings.lookup(p) { particle[Int(id)] = true } }
        personalPhone = Array(repeating: false, count: m)
        var classified = Array(repeating: false, count: m)  // each distinct number once, not once per record
        for id in phoneIDs where !classified[Int(id)] {
            classified[Int(id)] = true
            personalPhone[Int(id)] = PhoneNormalizer.isPersonal(utf8: strings.bytes(id))
        }
        childStart = Array(repeating: 0, count: n + 1)
    }

    /// Guardian signatures of each pupil, exact and tagged: 1 = phone id, 2 = e-mail id, 3 = (surname,
    /// first name) ids. One flat (pupil, signature) list sorted once, not one array per pupil.
    private mutating func buildSignatures(_ n: Int) {
        var pairs: [(Int32, Int64)] = []
        var sig: [Int64] = []
        for g in 0..<n where guardian[g] {
            let links = Int(linkStart[g])..<Int(linkStart[g + 1])
            guard links.contains(where: { linkPupil[$0] >= 0 }) else { continue }
            sig.removeAll(keepingCapacity: true)
            for p in Int(phoneStart[g])..<Int(phoneStart[g + 1]) { sig.append(1 << 62 | Int64(phoneIDs[p])) }
            if email[g] >= 0 { sig.append(2 << 62 | Int64(email[g])) }
            if !lastName[g].isEmpty, !firstName[g].isEmpty {
                sig.append(3 << 62 | Int64(lastName[g].compact) << 31 | Int64(firstName[g].compact))
            }
            for l in links where linkPupil[l] >= 0 { for v in sig { pairs.append((linkPupil[l], v)) } }
        }
        pairs.sort { $0 < $1 }
        signatureStart = Array(repeating: 0, count: n + 1)
        signatures = []
        signatures.reserveCapacity(pairs.count)
        var k = 0
        for p in 0..<n {
            signatureStart[p] = Int32(signatures.count)
            var last: Int64? = nil
            while k < pairs.count, pairs[k].0 == Int32(p) {
                if pairs[k].1 != last { signatures.append(pairs[k].1); last = pairs[k].1 }
                k += 1
            }
        }
        signatureStart[n] = Int32(signatures.count)
    }

    /// The per-record features of `range`, without the closing offsets (added once every part is merged).
    /// Fields are read in place: copying a record's keys (a dozen reference-counted fields) per record
    /// would cost more than interning them.
    private mutating func appendRecords(_ keys: UnsafeBufferPointer<NormalizedRecord>, _ records: UnsafeBufferPointer<PersonRecord>,
                                        _ refIndex: [RecordRef: Int], _ range: Range<Int>) {
        guardian.reserveCapacity(range.count)
        var lastFile: String? = nil, lastFileID: Int32 = -1
        for idx in range {
            let isGuardian = keys[idx].kind != .pupil
            guardian.append(isGuardian)
            contact.append(keys[idx].kind == .contact)
            // Records are sorted by ref, so one file's records are consecutive: hash its name once.
            let fileName = keys[idx].ref.file
            if fileName != lastFile { lastFileID = files.id(fileName); lastFile = fileName }
            file.append(lastFileID)
            ine.append(keys[idx].ine.map { strings.id($0) } ?? -1)
            let sexCode = keys[idx].sex
            sex.append(sexCode == "M" ? 1 : sexCode == "F" ? 2 : 0)
            birth.append(keys[idx].birthDate.flatMap(Self.dateNumber) ?? -1)
            let last = name(keys[idx].lastName)
            let usage = keys[idx].usageName.map { name($0) } ?? NameFeature()
            lastName.append(last)
            usageName.append(usage)
            let first = name(keys[idx].firstName)
            firstName.append(first)
            firstAccentless.append(accentless(records[idx].firstName, compact: first.compact))
            lossLast.append(lossPattern(records[idx].lastName))
            lossUsage.append(records[idx].usageName.map { lossPattern($0) } ?? -1)
            lossFirst.append(lossPattern(records[idx].firstName))
            let fb = keys[idx].firstName.compact.utf8
            firstPrefix.append(fb.isEmpty ? 0 : UInt16(fb.first!) << 8 | UInt16(fb.dropFirst().first ?? 0))
            appendSurnameKeys(keys[idx].lastName, last, keys[idx].usageName, usage)
            soundStart.append(Int32(sounds.count))
            for s in keys[idx].surnameSounds { sounds.append(strings.id(s)) }
            phoneStart.append(Int32(phoneIDs.count))
            let firstPhone = phoneIDs.count
            for p in keys[idx].phones { phoneIDs.append(strings.id(p)) }
            phoneIDs[firstPhone...].sort()
            email.append(keys[idx].email.map { strings.id($0) } ?? -1)
            if let a = keys[idx].address, !a.street.isEmpty {
                let st = strings.id(a.street)
                street.append(st)
                streetCompact.append(a.street.utf8.contains(0x20) ? compactID(a.street) : st)
                number.append(a.number.map { strings.id($0) } ?? -1)
                locality.append(a.locality.map { strings.id($0) } ?? -1)
                city.append(a.city.map { strings.id($0) } ?? -1)
            } else {
                street.append(-1); streetCompact.append(-1); number.append(-1); locality.append(-1); city.append(-1)
            }
            linkStart.append(Int32(linkPupil.count))
            if isGuardian {
                for link in records[idx].links {
                    linkPupil.append(refIndex[link.pupil].map { Int32($0) } ?? -1)
                    // One vocabulary for SIECLE's CODE_PARENTE and AAF's lien (`Relationship`).
                    let r = Relationship.canonical(link.relationship, source: records[idx].source)
                    linkRelation.append(r.map { strings.id($0) } ?? -1)
                }
            }
        }
    }

    /// The id of `raw` folded and compacted with its non-ASCII letters dropped, or -1 when that is the
    /// compact form itself (no accented letter, or accents written as combining marks).
    private mutating func accentless(_ raw: String, compact: Int32) -> Int32 {
        guard compact >= 0, !raw.utf8.allSatisfy({ $0 < 0x80 }) else { return -1 }
        var out: [UInt8] = []
        for u in raw.unicodeScalars where u.isASCII {
            let b = UInt8(u.value)
            if b >= 97, b <= 122 { out.append(b - 32) } else if (b >= 65 && b <= 90) || (b >= 48 && b <= 57) { out.append(b) }
        }
        guard !out.isEmpty else { return -1 }
        let id = out.withUnsafeBufferPointer { strings.id($0) }
        return id == compact ? -1 : id
    }

    /// The interned loss pattern of a raw name, -1 when it has none.
    private mutating func lossPattern(_ raw: String) -> Int32 {
        guard let p = EncodingLoss.pattern(raw) else { return -1 }
        return p.withUnsafeBufferPointer { strings.id($0) }
    }

    /// The id of `street` without its spaces (the form the typo comparison reads).
    private mutating func compactID(_ street: String) -> Int32 {
        let bytes = street.utf8.filter { $0 != 0x20 }
        return bytes.withUnsafeBufferPointer { strings.id($0) }
    }

    /// Surname keys (birth and usage, compact and core), distinct and sorted by text, from the ids the
    /// names already got: the keys are those names' strings, so none is hashed again.
    private mutating func appendSurnameKeys(_ last: NameKeys, _ lastF: NameFeature, _ usage: NameKeys?, _ usageF: NameFeature) {
        surnameKeyStart.append(Int32(surnameKeys.count))
        var found: [(String, Int32)] = []
        found.reserveCapacity(4)
        func add(_ text: String, _ id: Int32) {
            if id >= 0, !found.contains(where: { $0.1 == id }) { found.append((text, id)) }
        }
        if !lastF.isEmpty { add(last.compact, lastF.compact); add(last.core, lastF.core) }
        if let usage, !usageF.isEmpty { add(usage.compact, usageF.compact); add(usage.core, usageF.core) }
        if found.count > 1 { found.sort { $0.0 < $1.0 } }
        for (text, id) in found {
            surnameKeys.append(id)
            surnameInitial.append(text.utf8.first ?? 0)
        }
    }

    /// Appends a table built on the following record range: its ids are re-interned here in its own id
    /// order (first occurrence), which is the order one pass over both ranges would have given them.
    private mutating func append(_ o: FeatureTable) {
        let map = strings.absorb(o.strings)
        let fileMap = files.absorb(o.files)
        func r(_ x: Int32) -> Int32 { x < 0 ? x : map[Int(x)] }
        let tokenBase = Int32(tokens.count)
        func name(_ f: NameFeature) -> NameFeature {
            f.isEmpty ? f : NameFeature(compact: r(f.compact), core: r(f.core), tokenStart: f.tokenStart + tokenBase, tokenCount: f.tokenCount)
        }
        guardian += o.guardian
        contact += o.contact
        file += o.file.map { fileMap[Int($0)] }
        ine += o.ine.map(r)
        sex += o.sex
        birth += o.birth
        lastName += o.lastName.map(name)
        usageName += o.usageName.map(name)
        firstName += o.firstName.map(name)
        firstAccentless += o.firstAccentless.map(r)
        lossLast += o.lossLast.map(r)
        lossUsage += o.lossUsage.map(r)
        lossFirst += o.lossFirst.map(r)
        tokens += o.tokens.map(r)
        firstPrefix += o.firstPrefix
        let keyBase = Int32(surnameKeys.count), soundBase = Int32(sounds.count), linkBase = Int32(linkPupil.count)
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
        linkStart += o.linkStart.map { $0 + linkBase }
        linkPupil += o.linkPupil
        linkRelation += o.linkRelation.map(r)
    }

    func childRange(_ i: Int) -> Range<Int> { Int(childStart[i])..<Int(childStart[i + 1]) }
    func surnameKeyRange(_ i: Int) -> Range<Int> { Int(surnameKeyStart[i])..<Int(surnameKeyStart[i + 1]) }
    func soundRange(_ i: Int) -> Range<Int> { Int(soundStart[i])..<Int(soundStart[i + 1]) }

    /// A name's features; a one-token name is its own compact form and core, so it is hashed once.
    private mutating func name(_ k: NameKeys) -> NameFeature {
        guard !k.isEmpty else { return NameFeature() }
        let start = Int32(tokens.count)
        let compact: Int32
        if k.tokens.count == 1 {
            compact = strings.id(k.tokens[0])
            tokens.append(compact)
        } else {
            for t in k.tokens { tokens.append(strings.id(t)) }
            compact = strings.id(k.compact)
        }
        let core = k.core.isEmpty ? -1 : k.core == k.compact ? compact : strings.id(k.core)
        return NameFeature(compact: compact, core: core, tokenStart: start, tokenCount: Int32(k.tokens.count))
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

    /// Records the child persons (and relationship codes) of each guardian once pupils are resolved,
    /// from the links resolved when the table was built. When several links reach one child person, the
    /// last relationship given wins.
    mutating func setChildPersons(pupilCluster: [Int?]) {
        let n = guardian.count
        childStart = [0]
        childStart.reserveCapacity(n + 1)
        childIDs = []
        childRelation = []
        var found: [(child: Int32, order: Int32, relation: Int32)] = []
        for g in 0..<n {
            if guardian[g] {
                found.removeAll(keepingCapacity: true)
                for l in Int(linkStart[g])..<Int(linkStart[g + 1]) {
                    guard linkPupil[l] >= 0, let c = pupilCluster[Int(linkPupil[l])] else { continue }
                    found.append((Int32(c), Int32(l), linkRelation[l]))
                }
                if found.count > 1 { found.sort { ($0.child, $0.order) < ($1.child, $1.order) } }
                var k = 0
                while k < found.count {
                    var relation: Int32 = -1
                    let c = found[k].child
                    while k < found.count, found[k].child == c {
                        if found[k].relation >= 0 { relation = found[k].relation }
                        k += 1
                    }
                    childIDs.append(c)
                    childRelation.append(relation)
                }
            }
            childStart.append(Int32(childIDs.count))
        }
    }
}

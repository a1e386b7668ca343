import Dispatch
import AlimCore

/// One record's comparison keys: what the matcher compares, computed once and persisted.
///
/// The display values stay in `PersonRecord`; these keys are folded, canonical and sorted so a
/// comparison never depends on how a school typed a name, a date or a phone.
public struct NormalizedRecord: Codable, Hashable, Sendable {
    public var ref: RecordRef
    public var kind: RecordKind
    /// Birth name keys.
    public var lastName: NameKeys
    /// Usage name keys, when a usage name differs from the birth name.
    public var usageName: NameKeys?
    /// First name keys (compound first names keep every token).
    public var firstName: NameKeys
    /// `YYYY-MM-DD`, or nil.
    public var birthDate: String?
    /// Upper-case INE without spaces, or nil.
    public var ine: String?
    /// `M`/`F` when exported.
    public var sex: String?
    /// Distinct E.164 numbers, sorted.
    public var phones: [String]
    /// Lower-cased address, or nil.
    public var email: String?
    public var address: NormalizedAddress?
    /// Phonetic keys of the surnames (birth and usage, compact and without particles), sorted.
    public var surnameSounds: [String]

    public init(ref: RecordRef, kind: RecordKind, lastName: NameKeys, usageName: NameKeys?, firstName: NameKeys,
                birthDate: String?, ine: String?, sex: String?, phones: [String], email: String?,
                address: NormalizedAddress?, surnameSounds: [String]) {
        self.ref = ref
        self.kind = kind
        self.lastName = lastName
        self.usageName = usageName
        self.firstName = firstName
        self.birthDate = birthDate
        self.ine = ine
        self.sex = sex
        self.phones = phones
        self.email = email
        self.address = address
        self.surnameSounds = surnameSounds
    }

    /// Every surname compact key (birth and usage, with and without particles), sorted, distinct.
    public var surnameKeys: [String] {
        var keys: [String] = []
        keys.reserveCapacity(4)
        for n in [lastName] + (usageName.map { [$0] } ?? []) where !n.isEmpty {
            keys.append(n.compact)
            keys.append(n.core)
        }
        keys.sort()
        var out: [String] = []
        for k in keys where out.last != k { out.append(k) }
        return out
    }

    /// True for guardian-type records (guardian or contact): they only ever match each other.
    public var isGuardianType: Bool { kind != .pupil }
}

/// Builds a `NormalizedRecord` from a record as ingested.
enum RecordNormalizer {
    /// Keys already computed for a raw value: names, phones and dates repeat across records (a family's
    /// surname and numbers in every school's file). Addresses are not cached: each source spells them
    /// its own way, so hashing them costs more than normalising them again.
    struct Cache {
        var names = KeyCache<NameKeys>()
        var sounds = KeyCache<String>()
        /// Raw phones, dates and sex codes: a guardian's number and a pupil's birth day recur in every file.
        var phones = KeyCache<String?>()
        var dates = KeyCache<String?>()
        /// Address buffers reused from record to record (addresses themselves are not cached, see above).
        var address = AddressNormalizer.Scratch()

        mutating func phone(_ raw: String) -> String? {
            phones.value(raw, PhoneNormalizer.normalize)
        }

        mutating func date(_ raw: String?) -> String? {
            guard let raw else { return nil }
            if let day = DateNormalizer.exact(raw) { return day }  // cheaper than hashing the raw value
            return dates.value(raw, DateNormalizer.normalize)
        }

        mutating func name(_ raw: String) -> NameKeys {
            names.value(raw, NameNormalizer.keys)
        }

        mutating func sound(_ compact: String) -> String {
            sounds.value(compact, Phonetic.key)
        }
    }

    static func normalize(_ r: PersonRecord) -> NormalizedRecord {
        var cache = Cache()
        return normalize(r, cache: &cache)
    }

    /// Normalises every record: records are independent, so a large inbox is cut into contiguous
    /// ranges normalised on separate threads (each with its own cache) and joined in order; the output
    /// does not depend on the split.
    static func normalizeAll(_ records: [PersonRecord], threads: Int? = nil) -> [NormalizedRecord] {
        Parallel.fill(count: records.count, threads: Parallel.threads(threads, count: records.count)) { range, write in
            var cache = Cache()
            records.withUnsafeBufferPointer { all in
                for i in range { write(i, normalize(all.baseAddress! + i, cache: &cache)) }
            }
        }
    }

    /// Sorts `keys` and drops repeats in place (a record holds a handful: no set, no extra arrays).
    static func sortedDistinct(_ keys: inout [String]) {
        guard keys.count > 1 else { return }
        keys.sort()
        var kept = 1
        for k in 1..<keys.count where keys[k] != keys[kept - 1] {
            if k != kept { keys.swapAt(k, kept) }
            kept += 1
        }
        keys.removeLast(keys.count - kept)
    }

    /// The sex a guardian's civility gives (ONDE writes no sex for guardians, only `M.` / `Mme`): two
    /// rows `Camille MARTIN`, one `M.` and one `Mme`, are a couple, never one person entered twice.
    static func sexOfCivility(_ raw: String) -> String? {
        switch TextFold.trim(TextFold.fold(raw)).filter({ $0 != "." }) {
        case "M", "MR", "MONSIEUR": return "M"
        case "MME", "MADAME", "MLLE", "MELLE", "MADEMOISELLE": return "F"
        default: return nil
        }
    }

    static func normalize(_ r: PersonRecord, cache: inout Cache) -> NormalizedRecord {
        withUnsafePointer(to: r) { normalize($0, cache: &cache) }
    }

    /// Reads the record's fields in place: passing the record itself copied it whole (a retain and a
    /// release per field, most of them unused here) for every record.
    static func normalize(_ record: UnsafePointer<PersonRecord>, cache: inout Cache) -> NormalizedRecord {
        let last = cache.name(record.pointee.lastName)
        var usage = record.pointee.usageName.map { cache.name($0) }
        if let u = usage, u.isEmpty || u.compact == last.compact { usage = nil }
        let first = cache.name(record.pointee.firstName)
        // Folding leaves ASCII only, so letters and digits are bytes.
        let ine = record.pointee.ine.map { String(decoding: TextFold.fold($0).utf8.filter { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }, as: UTF8.self) }
            .flatMap { $0.utf8.count >= 10 ? $0 : nil }
        let sex = record.pointee.sex.map { TextFold.trim(TextFold.fold($0)) }.flatMap { s -> String? in
            if s.hasPrefix("M") || s == "1" || s == "G" { return "M" }
            if s.hasPrefix("F") || s == "2" { return "F" }
            return nil
        } ?? record.pointee.civility.flatMap(Self.sexOfCivility)
        var phones: [String] = []
        phones.reserveCapacity(record.pointee.phones.count)
        for p in record.pointee.phones { if let k = cache.phone(p.raw) { phones.append(k) } }
        sortedDistinct(&phones)
        var sounds: [String] = []
        sounds.reserveCapacity(usage == nil ? 2 : 4)
        if !last.isEmpty {
            sounds.append(cache.sound(last.compact))
            sounds.append(cache.sound(last.core))
        }
        if let u = usage {  // never empty here (see above)
            sounds.append(cache.sound(u.compact))
            sounds.append(cache.sound(u.core))
        }
        sortedDistinct(&sounds)
        return NormalizedRecord(ref: record.pointee.ref, kind: record.pointee.kind, lastName: last, usageName: usage, firstName: first,
                                birthDate: cache.date(record.pointee.birthDate), ine: ine, sex: sex, phones: phones,
                                email: EmailNormalizer.normalize(record.pointee.email),
                                address: AddressNormalizer.normalize(record.pointee.address, scratch: &cache.address),
                                surnameSounds: sounds)
    }
}

import Foundation

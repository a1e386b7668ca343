import AlimCore

/// The names the ENT's batch importer reads: the zip's name carries the school, each CSV's name its
/// profile, and each row's `externalId` the account.
///
/// The importer (entcore `CsvImportsLauncher`) finds the UAI with `.*([0-9]{7}[A-Z]).*` — the *last*
/// UAI-shaped run of the whole name — and the school's name as the first group of its configured
/// pattern (`Alim_[0-9]{8}_[0-9]{7}[A-Z]_(.*?).zip`); a CSV's profile comes from a substring of its
/// name (`_Eleves_` → Student, `_Parents_` → Relative). Names are plain ASCII so no unzip tool and no
/// file system in between can respell them.
enum ENTBundleNaming {
    /// Longest school label kept in a zip name (file systems allow 255 bytes; a name rarely needs 40).
    static let labelMax = 60

    /// `Alim_<YYYYMMDD>_<UAI>_<label>.zip`.
    static func zipFile(uai: UAI, schoolName: String?, date: RunDate) -> String {
        "Alim_\(compact(date))_\(uai.value)_\(label(schoolName: schoolName, uai: uai)).zip"
    }

    /// `<UAI>_Eleves_<YYYYMMDD>.csv`: the Student file.
    static func pupilsFile(uai: UAI, date: RunDate) -> String { "\(uai.value)_Eleves_\(compact(date)).csv" }

    /// `<UAI>_Parents_<YYYYMMDD>.csv`: the Relative file.
    static func guardiansFile(uai: UAI, date: RunDate) -> String { "\(uai.value)_Parents_\(compact(date)).csv" }

    /// The account's id in the ENT: the tenant prefix and Alim's account id, which the state keeps
    /// for the account's whole life, so the ENT updates the same user every night.
    static func externalId(_ accountId: AccountID, prefix: String) -> String { ENTExternalID.make(accountId, prefix: prefix) }

    /// `YYYYMMDD`.
    static func compact(_ date: RunDate) -> String {
        let d = date.description
        return d.replacingOccurrences(of: "-", with: "")
    }

    /// The school's name folded to ASCII letters, digits and single `-` between words
    /// (`École élémentaire Jules-Ferry` → `Ecole-elementaire-Jules-Ferry`); the UAI when no name is
    /// known, when nothing is left after folding, or when the label itself holds a UAI-shaped run
    /// (the importer would take that one for the school).
    static func label(schoolName: String?, uai: UAI) -> String {
        guard let name = schoolName else { return uai.value }
        var out = ""
        var gap = false
        for u in TextFold.asciiKeepingCase(name).unicodeScalars {
            let kept = ("A"..."Z").contains(u) || ("a"..."z").contains(u) || ("0"..."9").contains(u)
            guard kept else { gap = true; continue }
            if gap && !out.isEmpty { out.append("-") }
            gap = false
            out.unicodeScalars.append(u)
        }
        if out.count > labelMax {
            out = String(out.prefix(labelMax))
            while out.hasSuffix("-") { out.removeLast() }
        }
        if out.isEmpty || containsUAIShape(out) { return uai.value }
        return out
    }

    /// Whether `text` holds seven digits followed by an upper-case letter.
    static func containsUAIShape(_ text: String) -> Bool {
        var digits = 0
        for u in text.unicodeScalars {
            if ("0"..."9").contains(u) { digits += 1; continue }
            if digits >= 7 && ("A"..."Z").contains(u) { return true }
            digits = 0
        }
        return false
    }
}

/// Everything the scorer learned about one candidate pair: the score, the French reasons, and the
/// field levels the hard rules need.
struct PairAssessment: Sendable {
    var score: Double = 0
    /// French reasons, for and against, in the order the fields were compared.
    var reasons: [String] = []
    var surname: Level = .missing
    var firstName: Level = .missing
    /// The first names agree once the accented letters one record lost are dropped from the other.
    var accentLost = false
    /// First and last names written in each other's columns.
    var swapped = false
    var date: DateLevel = .missing
    /// nil when one record has no INE.
    var ineEqual: Bool?
    /// The INEs differ by one character (one substituted or two adjacent swapped): a probable typo of
    /// one INE, weak evidence against rather than a veto (`HardRules` decides with names, date and family).
    var ineTypo = false
    /// A name agreed only once a letter lost to an 8-bit export (`O?uz` / `Oguz` / `Ouz` / `Oğuz`) was
    /// allowed for.
    var encodingLoss = false
    /// Each record gives at least one contact and no channel (phone, e-mail) is given by both: one row
    /// has the phone, the other the e-mail. Nothing agrees, but nothing can disagree either.
    var complementaryContacts = false
    /// Both records give the same phones (at least one) and the same e-mail or none, with a mobile or an
    /// e-mail among them: a row typed twice (the household landline alone is also the grandfather's).
    var sameContacts = false
    /// A personal (mobile) number in common.
    var sharedPhone = false
    /// Only a household landline in common.
    var sharedLandline = false
    /// The two records give different relationships (mother/grandmother…) to one child person.
    var relationshipConflict = false
    /// Both records give the same relationship (mother, father…) to a child person they share.
    var relationshipAgrees = false
    var phonesDiffer = false
    var sharedEmail = false
    var emailsDiffer = false
    var address: Level = .missing
    var sharedChild = false
    var sharedGuardian = false
    var sexDiffers = false
    var sameFile = false
    /// One record is a legal guardian and the other only a contact (SIECLE's grandparents, neighbours).
    var legalAndContact = false
    /// Whether each record is guardian-type (guardian or contact).
    var guardians = (false, false)
    /// Years between the birth dates, when both are known.
    var yearGap: Int?

    /// A contact only this person has (mobile, e-mail), a birth date or an INE in common: evidence about
    /// the person rather than about the household (address, landline) or the family (a child).
    var hasPersonalCorroboration: Bool {
        sharedPhone || sharedEmail || date == .exact || ineEqual == true
    }

    /// A shared identifier beyond the name: what an automatic guardian merge requires.
    var hasStrongCorroboration: Bool {
        sharedPhone || sharedEmail || sharedChild || date == .exact || ineEqual == true
            || ((address == .exact || sharedLandline) && surname == .exact && firstName == .exact)
    }
}

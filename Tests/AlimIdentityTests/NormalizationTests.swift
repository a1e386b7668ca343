import AlimCore
@testable import AlimIdentity
import XCTest

final class NormalizationTests: XCTestCase {
    // MARK: names

    func testAccentsAndCaseFoldToOneKey() {
        XCTAssertEqual(NameNormalizer.keys("Léa").compact, "LEA")
        XCTAssertEqual(NameNormalizer.keys("LÉA").compact, NameNormalizer.keys("lea").compact)
        // Decomposed input (e + combining acute) folds like the precomposed one.
        XCTAssertEqual(NameNormalizer.keys("Le\u{0301}a").compact, "LEA")
        XCTAssertEqual(NameNormalizer.keys("Lætitia Œuvrard").tokens, ["LAETITIA", "OEUVRARD"])
        XCTAssertEqual(NameNormalizer.keys("François").compact, "FRANCOIS")
    }

    func testHyphenSpaceAndApostropheVariantsMeet() {
        XCTAssertEqual(NameNormalizer.keys("Jean-Pierre").compact, NameNormalizer.keys("JEAN PIERRE").compact)
        XCTAssertEqual(NameNormalizer.keys("MARTIN-DUBOIS").tokens, ["MARTIN", "DUBOIS"])
        XCTAssertEqual(NameNormalizer.keys("D'ALMEIDA").compact, "DALMEIDA")
        XCTAssertEqual(NameNormalizer.keys("D’Almeida").compact, NameNormalizer.keys("DALMEIDA").compact)
    }

    func testParticlesKeptAndDropped() {
        let k = NameNormalizer.keys("DE LA FONTAINE")
        XCTAssertEqual(k.compact, "DELAFONTAINE")
        XCTAssertEqual(k.core, "FONTAINE")
        XCTAssertEqual(FieldComparison.names(k, NameNormalizer.keys("DELAFONTAINE")), .exact)
        XCTAssertEqual(FieldComparison.names(k, NameNormalizer.keys("Fontaine")), .exact)
        // A lone particle-like name stays itself.
        XCTAssertEqual(NameNormalizer.keys("LE").core, "LE")
        XCTAssertEqual(NameNormalizer.keys("VAN DAMME").core, "DAMME")
    }

    func testCompoundNamesArePartialTyposAreClose() {
        XCTAssertEqual(FieldComparison.names(NameNormalizer.keys("MARTIN"), NameNormalizer.keys("MARTIN DUBOIS")), .partial)
        XCTAssertEqual(FieldComparison.names(NameNormalizer.keys("Marie"), NameNormalizer.keys("Marie-Claire")), .partial)
        XCTAssertEqual(FieldComparison.names(NameNormalizer.keys("Léa"), NameNormalizer.keys("Léo")), .close)
        XCTAssertEqual(FieldComparison.names(NameNormalizer.keys("BERNARD"), NameNormalizer.keys("BERANRD")), .close)
        XCTAssertEqual(FieldComparison.names(NameNormalizer.keys("Pierre"), NameNormalizer.keys("Marie")), .different)
        XCTAssertEqual(FieldComparison.names(NameNormalizer.keys(""), NameNormalizer.keys("Marie")), .missing)
    }

    func testBirthAndUsageNamesBothKept() {
        let r = Fx.guardian("a.csv", "2", last: "MARTIN", first: "Anne", usage: "Dupont")
        let n = RecordNormalizer.normalize(r)
        XCTAssertEqual(n.lastName.compact, "MARTIN")
        XCTAssertEqual(n.usageName?.compact, "DUPONT")
        XCTAssertEqual(n.surnameKeys, ["DUPONT", "MARTIN"])
        // A usage name equal to the birth name is not a second name.
        XCTAssertNil(RecordNormalizer.normalize(Fx.guardian("a.csv", "3", last: "MARTIN", first: "Anne", usage: "Martin")).usageName)
    }

    // MARK: dates

    func testDates() {
        XCTAssertEqual(DateNormalizer.normalize("31/12/2015"), "2015-12-31")
        XCTAssertEqual(DateNormalizer.normalize("2015-12-31"), "2015-12-31")
        XCTAssertEqual(DateNormalizer.normalize(" 01/02/2016 00:00:00"), "2016-02-01")
        XCTAssertNil(DateNormalizer.normalize("31/12/9999"))
        XCTAssertNil(DateNormalizer.normalize("31/02/2015"))
        XCTAssertNil(DateNormalizer.normalize(""))
        XCTAssertNil(DateNormalizer.normalize("hier"))
        XCTAssertEqual(FieldComparison.dates("2015-03-04", "2015-04-03"), .swappedDayMonth)
        XCTAssertEqual(FieldComparison.dates("2015-03-04", "2015-03-05"), .oneDigit)
        XCTAssertEqual(FieldComparison.dates("2015-03-04", "2012-11-20"), .different)
    }

    // MARK: phones

    func testPhonesToE164() {
        for raw in ["06 11 22 33 44", "0611223344", "+33611223344", "06.11.22.33.44", "0033611223344", "+33 (0)6 11 22 33 44", "611223344"] {
            XCTAssertEqual(PhoneNormalizer.normalize(raw), "+33611223344", raw)
        }
        XCTAssertEqual(PhoneNormalizer.normalize("0590 12 34 56"), "+590590123456")
        XCTAssertEqual(PhoneNormalizer.normalize("+41 22 123 45 67"), "+41221234567")
    }

    func testEveryFrenchWritingOfOneMobileGivesOneE164Number() {
        let writings = ["06 11 22 33 44", "06.11.22.33.44", "06-11-22-33-44", "0611223344", "+33 6 11 22 33 44",
                        "+33 (0)6 11 22 33 44", "+33(0)611223344", "0033 6 11 22 33 44", "0033 (0)6 11 22 33 44",
                        "611223344", "6 11 22 33 44", "33 6 11 22 33 44", " 06 11 22 33 44 "]
        for w in writings { XCTAssertEqual(PhoneNormalizer.normalize(w), "+33611223344", w) }
    }

    func testOtherNumbersAndIncompleteOnesDoNotMeetIt() {
        // One digit off, another lost-zero number, and numbers too short to be whole are not the same mobile.
        XCTAssertEqual(PhoneNormalizer.normalize("06 11 22 33 45"), "+33611223345")
        XCTAssertEqual(PhoneNormalizer.normalize("611223345"), "+33611223345")
        XCTAssertNil(PhoneNormalizer.normalize("06 11 22 33"))
        XCTAssertNil(PhoneNormalizer.normalize("11223344"))
        XCTAssertNotEqual(PhoneNormalizer.normalize("+33 (0)4 11 22 33 44"), "+33611223344")
    }

    func testOverseasNumberWrittenWithPlus33KeepsItsCountryCode() {
        // 0694… is French Guiana: a tool that swapped the zero for +33 wrote the same number.
        for raw in ["0694 36 32 52", "+33 6 94 36 32 52", "0033694363252", "+594 694 36 32 52", "+33 (0)6 94 36 32 52"] {
            XCTAssertEqual(PhoneNormalizer.normalize(raw), "+594694363252", raw)
        }
        XCTAssertEqual(PhoneNormalizer.normalize("+33 2 62 12 34 56"), PhoneNormalizer.normalize("02 62 12 34 56"))
        XCTAssertEqual(PhoneNormalizer.normalize("+262262123456"), "+262262123456")
        // Metropolitan numbers keep +33.
        XCTAssertEqual(PhoneNormalizer.normalize("+33 4 93 12 34 56"), "+33493123456")
        XCTAssertEqual(PhoneNormalizer.normalize("+33 6 11 22 33 44"), "+33611223344")
        XCTAssertTrue(PhoneNormalizer.isPersonal(PhoneNormalizer.normalize("+33694363252")!))
    }

    func testByteFastPathsAgreeWithTheGeneralRules() {
        // Dates: both source spellings, other separators, impossible days, and shapes left to the general path.
        XCTAssertEqual(DateNormalizer.normalize("31.12.2015"), "2015-12-31")
        XCTAssertEqual(DateNormalizer.normalize("29/02/2016"), "2016-02-29")
        XCTAssertNil(DateNormalizer.normalize("29/02/2017"))
        XCTAssertNil(DateNormalizer.normalize("2016-13-01"))
        XCTAssertNil(DateNormalizer.normalize("1850-01-01"))
        XCTAssertEqual(DateNormalizer.normalize("20160229"), "2016-02-29")
        XCTAssertEqual(DateNormalizer.normalize("1/2/2016"), "2016-02-01")
        // E-mails: ASCII blanks of every kind trimmed, one @ only, the domain dotted inside.
        XCTAssertEqual(EmailNormalizer.normalize("\tJean@Example.FR\r\n"), "jean@example.fr")
        XCTAssertNil(EmailNormalizer.normalize("a@b@example.fr"))
        XCTAssertNil(EmailNormalizer.normalize("jean@.example.fr"))
        XCTAssertNil(EmailNormalizer.normalize("jean@example.fr."))
        XCTAssertNil(EmailNormalizer.normalize("jean dupont@example.fr"))
        XCTAssertNil(EmailNormalizer.normalize("NoReply@example.fr"))
        XCTAssertEqual(EmailNormalizer.normalize(" Élodie@Example.fr "), "élodie@example.fr")
        // Addresses: lines never run together; a suffix glued or apart; saints in streets and communes.
        let a = AddressNormalizer.normalize(PostalAddress(lines: ["12", "bis rue", "ST-JEAN"], postalCode: "06 300", city: "Ste Maxime Cedex 1"))
        XCTAssertEqual(a?.number, "12B")
        XCTAssertEqual(a?.streetType, "RUE")
        XCTAssertEqual(a?.street, "SAINT JEAN")
        XCTAssertEqual(a?.postalCode, "06300")
        XCTAssertEqual(a?.city, "SAINTEMAXIME")
        XCTAssertEqual(AddressNormalizer.normalize(PostalAddress(lines: ["12TER CHE DES ÉCOLES"]))?.number, "12T")
        XCTAssertEqual(AddressNormalizer.normalize(PostalAddress(lines: ["12TER CHE DES ÉCOLES"]))?.street, "DES ECOLES")
        // INE: separators dropped, letters upper-cased.
        let r = Fx.pupil("0611234A/CSVExtraction-eleves.csv", "2", last: "A", first: "B", birth: nil, ine: " 1234-567 89ab ")
        XCTAssertEqual(RecordNormalizer.normalize(r).ine, "12345678 9AB".replacingOccurrences(of: " ", with: ""))
    }

    func testPhonePlaceholdersAndJunkDropped() {
        XCTAssertNil(PhoneNormalizer.normalize("0000000000"))
        XCTAssertNil(PhoneNormalizer.normalize("00 00 00 00 00"))
        XCTAssertNil(PhoneNormalizer.normalize("1111111111"))
        XCTAssertNil(PhoneNormalizer.normalize("12"))
        XCTAssertNil(PhoneNormalizer.normalize("06 12 34 56 78"), "the usual fake mobile")
        XCTAssertNil(PhoneNormalizer.normalize(""))
        XCTAssertTrue(PhoneNormalizer.isPersonal("+33611223344"))
        XCTAssertFalse(PhoneNormalizer.isPersonal("+33493123456"))
    }

    // MARK: e-mails

    func testEmails() {
        XCTAssertEqual(EmailNormalizer.normalize("  Jean.Dupont@Example.FR "), "jean.dupont@example.fr")
        XCTAssertNil(EmailNormalizer.normalize("pas d'adresse"))
        XCTAssertNil(EmailNormalizer.normalize("jean@localhost"))
        XCTAssertNil(EmailNormalizer.normalize(""))
        XCTAssertNil(EmailNormalizer.normalize(nil))
    }

    // MARK: addresses

    func testStreetTypeAbbreviationsMeet() {
        let a = AddressNormalizer.normalize(Fx.address("12 R VICTOR HUGO"))
        let b = AddressNormalizer.normalize(Fx.address("12, rue Victor-Hugo"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a?.number, "12")
        XCTAssertEqual(a?.streetType, "RUE")
        XCTAssertEqual(a?.street, "VICTOR HUGO")
        XCTAssertEqual(a?.postalCode, "06100")
        for (short, long) in [("AV", "AVENUE"), ("BD", "BOULEVARD"), ("CHE", "CHEMIN"), ("IMP", "IMPASSE"), ("PL", "PLACE"), ("ALL", "ALLEE"), ("RTE", "ROUTE")] {
            XCTAssertEqual(AddressNormalizer.normalize(Fx.address("3 \(short) DES LILAS"))?.streetType, long)
        }
    }

    func testAddressNumberSuffixAndCommune() {
        let a = AddressNormalizer.normalize(PostalAddress(lines: ["12 BIS AV. DE LA GARE"], postalCode: "42000", city: "ST-ÉTIENNE CEDEX"))
        XCTAssertEqual(a?.number, "12B")
        XCTAssertEqual(a?.streetType, "AVENUE")
        XCTAssertEqual(a?.street, "DE LA GARE")
        XCTAssertEqual(a?.city, "SAINTETIENNE")
        XCTAssertEqual(AddressNormalizer.normalize(PostalAddress(lines: ["12B AVENUE DE LA GARE"], postalCode: "42000"))?.number, "12B")
    }

    func testAddressPlaceholdersDropped() {
        XCTAssertNil(AddressNormalizer.normalize(PostalAddress(lines: ["XXXXXXXXXX"], postalCode: "00000", city: "XXXXXXXXXX")))
        XCTAssertNil(AddressNormalizer.normalize(PostalAddress(lines: [""])))
        XCTAssertNil(AddressNormalizer.normalize(nil))
    }

    // MARK: artifact

    func testNormalizedArtifactKeepsIngestAndSortsKeys() throws {
        let records = [Fx.pupil("b.csv", "2", last: "Zoé", first: "A", birth: "2015-01-01"),
                       Fx.pupil("a.csv", "10", last: "Y", first: "B", birth: "2015-01-01"),
                       Fx.pupil("a.csv", "9", last: "X", first: "C", birth: "2015-01-01")]
        let n = Identity.normalize(IngestArtifact(records: records))
        XCTAssertEqual(n.keys.map(\.ref), [RecordRef(file: "a.csv", ref: "9"), RecordRef(file: "a.csv", ref: "10"), RecordRef(file: "b.csv", ref: "2")])
        XCTAssertEqual(n.ingest.records.map(\.ref), n.keys.map(\.ref))
        let data = try ArtifactCoding.encode(n)
        XCTAssertEqual(try ArtifactCoding.decode(NormalizedArtifact.self, from: data), n)
    }

    func testLatinFastPathFoldsLikeDecomposition() {
        // Every Latin-1 letter and the French ligatures: the table path must equal the Unicode path
        // (a decomposed spelling always takes the Unicode path).
        for v in Array(0xC0...0xFF) + [0x152, 0x153] {
            let ch = String(Character(Unicode.Scalar(UInt32(v))!))
            let word = "x" + ch + "é"
            XCTAssertEqual(TextFold.fold(word), TextFold.fold(word.decomposedStringWithCanonicalMapping), "U+\(String(v, radix: 16))")
        }
        XCTAssertEqual(TextFold.fold("Hélène Noël"), "HELENE NOEL")
        XCTAssertEqual(TextFold.fold("Œillet"), "OEILLET")
    }

    func testParallelNormalisationEqualsOneThread() {
        // Above the threshold the inbox is cut in two halves: same keys, same order as one pass.
        let names = ["Léa", "HÉLÈNE", "Noël", "Jean-Pierre", "D'ALMEIDA", "Zoé", "Œillet", "Martin"]
        let records = (0..<(Parallel.threshold + 3)).map { k in
            Fx.guardian("0611234A/CSVExtraction-responsables.csv", String(k + 2), last: names[k % 8] + String(k % 97),
                        first: names[(k / 8) % 8], phones: ["06 52 41 \(10 + k % 80) 39"],
                        address: Fx.address("\(k % 50) RUE PASTEUR"))
        }
        let parallel = RecordNormalizer.normalizeAll(records)
        XCTAssertEqual(parallel.count, records.count)
        XCTAssertEqual(parallel, records.map { RecordNormalizer.normalize($0) })
    }
}

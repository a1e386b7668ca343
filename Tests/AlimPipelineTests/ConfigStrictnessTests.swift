import AlimCore
import Foundation
@testable import AlimPipeline
import XCTest

/// `alim.toml` fails loudly: an unknown key or a wrongly typed value is a configuration error (exit 64)
/// naming the key, the file and line and, for a typo, the nearest known key; never the default.
final class ConfigStrictnessTests: XCTestCase {
    /// The loader's message for `text`, asserting it is a usage error (exit 64).
    private func refusal(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let conf = try TestSupport.tempDir("conf").appendingPathComponent("alim.toml")
        try text.write(to: conf, atomically: false, encoding: .utf8)
        do {
            _ = try ConfigLoader.load(conf.path)
        } catch let error as PipelineError {
            XCTAssertEqual(error.exitStatus, .usage, file: file, line: line)
            XCTAssertTrue(error.description.contains(conf.path), "names the file: \(error)", file: file, line: line)
            return error.description
        }
        XCTFail("accepted: \(text)", file: file, line: line)
        return ""
    }

    private func load(_ text: String) throws -> AlimConfig {
        let conf = try TestSupport.tempDir("conf").appendingPathComponent("alim.toml")
        try text.write(to: conf, atomically: false, encoding: .utf8)
        return try ConfigLoader.load(conf.path)
    }

    func testATypoInAKeyNamesTheKeyTheLineAndTheNearestKnownKey() throws {
        let text = "# comment\n[accounts]\ngrace_days = 30\ncode_valdity_days = 12\n"
        let message = try refusal(text)
        XCTAssertTrue(message.hasPrefix("Configuration refusée : clé inconnue « [accounts] code_valdity_days »"), message)
        XCTAssertTrue(message.contains("ligne 4"), message)
        XCTAssertTrue(message.contains("Vouliez-vous dire « code_validity_days » ?"), message)
    }

    func testAKeyFarFromEveryKnownKeyListsTheSectionsKeys() throws {
        let message = try refusal("[identity]\nbanana = 3\n")
        XCTAssertTrue(message.contains("clé inconnue « [identity] banana »"), message)
        XCTAssertTrue(message.contains("ligne 2"), message)
        XCTAssertFalse(message.contains("Vouliez-vous dire"), message)
        XCTAssertTrue(message.contains("merge_threshold") && message.contains("review_threshold"), message)
    }

    func testAnUnknownSectionSuggestsTheNearestSection() throws {
        let message = try refusal("[policy]\n\n[acounts]\ngrace_days = 3\n")
        XCTAssertTrue(message.contains("section inconnue « [acounts] »"), message)
        XCTAssertTrue(message.contains("ligne 3"), message)
        XCTAssertTrue(message.contains("Vouliez-vous dire « [accounts] » ?"), message)
    }

    func testAKnownKeyInTheWrongSectionNamesItsSection() throws {
        let message = try refusal("[sheets]\ngrace_days = 3\n")
        XCTAssertTrue(message.contains("« [sheets] grace_days » hors de sa section"), message)
        XCTAssertTrue(message.contains("« [accounts] »"), message)
        let top = try refusal("grace_days = 3\n[accounts]\n")
        XCTAssertTrue(top.contains("« grace_days » hors de sa section") && top.contains("ligne 1"), top)
    }

    func testAWronglyTypedValueIsRefusedWithItsLine() throws {
        let cases: [(text: String, key: String, line: String, expected: String)] = [
            ("[accounts]\ncode_validity_days = \"90\"\n", "accounts.code_validity_days", "ligne 2", "nombre entier"),
            ("[accounts]\n\ngrace_days = 30.5\n", "accounts.grace_days", "ligne 3", "nombre entier"),
            ("[accounts]\ndirectory_includes_codes = \"yes\"\n", "accounts.directory_includes_codes", "ligne 2", "true ou false"),
            ("[identity]\nmerge_threshold = \"douze\"\n", "identity.merge_threshold", "ligne 2", "un nombre"),
            ("[sheets]\nlogin_url = 12\n", "sheets.login_url", "ligne 2", "texte entre guillemets"),
            ("[sheets]\npupil_levels = \"CM1\"\n", "sheets.pupil_levels", "ligne 2", "liste"),
            ("accounts = 3\n", "accounts", "ligne 1", "une section [accounts]"),
        ]
        for c in cases {
            let message = try refusal(c.text)
            XCTAssertTrue(message.contains("valeur de type incorrect pour \(c.key)"), message)
            XCTAssertTrue(message.contains(c.line), message)
            XCTAssertTrue(message.contains(c.expected), message)
        }
    }

    func testAValueOutsideItsListNamesTheAcceptedValues() throws {
        let auth = try refusal("[policy]\nprimary_pupil_auth = \"educonect\"\n")
        XCTAssertTrue(auth.contains("valeur « educonect » inconnue pour policy.primary_pupil_auth"), auth)
        XCTAssertTrue(auth.contains("« local » ou « educonnect » attendu"), auth)
        XCTAssertTrue(auth.contains("ligne 2"), auth)
        let level = try refusal("[sheets]\npupil_levels = [\"CM1\", \"CM3\"]\n")
        XCTAssertTrue(level.contains("valeur « CM3 » inconnue pour sheets.pupil_levels"), level)
        XCTAssertTrue(level.contains("« CM2 »"), level)
    }

    func testSchoolsTakeAnyUAIAndRefuseAnythingElse() throws {
        let config = try load("[schools]\n\"0611234A\" = \"École Jules Ferry\"\n0610003c = \"École du Port\"\n")
        XCTAssertEqual(config.schools, ["0611234A": "École Jules Ferry", "0610003C": "École du Port"])
        let notUAI = try refusal("[schools]\n\"0611234A\" = \"École\"\n\"Jules Ferry\" = \"École\"\n")
        XCTAssertTrue(notUAI.contains("« Jules Ferry » n'est pas un code d'école UAI"), notUAI)
        XCTAssertTrue(notUAI.contains("ligne 3"), notUAI)
        let number = try refusal("[schools]\n\"0611234A\" = 3\n")
        XCTAssertTrue(number.contains("valeur de type incorrect pour schools.0611234A"), number)
        let ce2 = try refusal("[sheets]\nce2_schools = [\"0611234A\", \"061123\"]\n")
        XCTAssertTrue(ce2.contains("« 061123 » n'est pas un code d'école UAI") && ce2.contains("sheets.ce2_schools"), ce2)
        XCTAssertEqual(try load("[sheets]\nce2_schools = [\"0611234a\"]\n").sheets.ce2Schools, ["0611234A"])
    }

    func testNumbersMayBeWrittenAsIntegersAndTheDefaultsStillApply() throws {
        let config = try load("[identity]\nmerge_threshold = 14\n[accounts]\nmass_removal_ratio = 0.2\n")
        XCTAssertEqual(config.identity.mergeThreshold, 14)
        XCTAssertEqual(config.identity.reviewThreshold, AlimConfig.default.identity.reviewThreshold)
        XCTAssertEqual(config.accounts.massRemovalRatio, 0.2)
        XCTAssertEqual(try load(""), AlimConfig.default)
    }

    func testDottedKeysAndInlineTablesAreCheckedAndPlacedToo() throws {
        let dotted = try refusal("[policy]\n\naccounts.grace_dayz = 3\n")
        XCTAssertTrue(dotted.contains("section inconnue « [policy.accounts] »") || dotted.contains("[policy] accounts"), dotted)
        let inline = try refusal("identity = { merge_threshold = 12, review_treshold = 6 }\n")
        XCTAssertTrue(inline.contains("« [identity] review_treshold »") && inline.contains("ligne 1"), inline)
        XCTAssertTrue(inline.contains("Vouliez-vous dire « review_threshold » ?"), inline)
    }

    /// The known keys come from the sections' CodingKeys, and the file `alim init` writes shows each one.
    func testEveryKnownKeyIsInTheDefaultFile() throws {
        XCTAssertEqual(Set(AlimConfig.knownKeys.keys), Set(AlimConfig.sections).subtracting(["schools"]))
        XCTAssertTrue(AlimConfig.knownKeys["accounts"]?.contains("code_validity_days") == true)
        for section in AlimConfig.sections {
            XCTAssertTrue(ConfigLoader.defaultFile.contains("[\(section)]"), section)
            for key in AlimConfig.knownKeys[section] ?? [] {
                XCTAssertTrue(ConfigLoader.defaultFile.contains("\(key) ="), "\(section).\(key) missing from alim init's file")
            }
        }
    }

    func testNearestKeyByEditDistance() {
        XCTAssertEqual(ConfigProblem.editDistance(Array("kitten"), Array("sitting")), 3)
        XCTAssertEqual(ConfigProblem.editDistance(Array(""), Array("abc")), 3)
        XCTAssertEqual(ConfigProblem.nearest("code_valdity_days", in: ["grace_days", "code_validity_days"]), "code_validity_days")
        XCTAssertEqual(ConfigProblem.nearest("GRACE_DAYS", in: ["grace_days"]), "grace_days")
        XCTAssertNil(ConfigProblem.nearest("banana", in: ["merge_threshold", "review_threshold"]))
    }

    func testTheLocatorFindsHeadersKeysAndQuotedKeys() {
        let text = "# [accounts] in a comment\n[accounts]\n  grace_days = 3 # grace\n[\"schools\"]\n\"0611234A\" = \"a = b\"\n"
        XCTAssertEqual(TOMLKeyLocator.line(of: ["accounts"], in: text), 2)
        XCTAssertEqual(TOMLKeyLocator.line(of: ["accounts", "grace_days"], in: text), 3)
        XCTAssertEqual(TOMLKeyLocator.line(of: ["schools", "0611234A"], in: text), 5)
        XCTAssertNil(TOMLKeyLocator.line(of: ["limits", "max_file_bytes"], in: text))
    }
}

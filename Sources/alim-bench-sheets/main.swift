import AlimCore
import AlimSheets
import Foundation

/// Benchmark of the sheets stage: renders N synthetic sheets (guardians and CM pupils across schools
/// of 500 sheets each, 30 % of guardians with an e-mail) and prints sheets per second and bundle size.
///
/// Usage: alim-bench-sheets [sheets=10000] [output-directory]

let total = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let out = URL(fileURLWithPath: CommandLine.arguments.count > 2 ? CommandLine.arguments[2]
                                  : NSTemporaryDirectory() + "alim-bench-sheets")
try? FileManager.default.removeItem(at: out)

let firstNames = ["Léa", "Noé", "Chloé", "Maël", "Zoé", "Inès", "Éloïse", "Gaëtan", "Cécile", "François", "Anaïs", "Joël"]
let lastNames = ["MARTIN", "DURAND", "LEFÈVRE", "MOREAU", "GARÇON", "FRANÇOIS", "DE LA FONTAINE", "NGUYEN", "BŒUF", "PETIT"]
let classes = ["CM1 A", "CM1 B", "CM2 A", "CM2 B", "CE2", "CP"]
let date = RunDate("2025-09-01")!

var accounts: [Account] = []
var made = 0, school = 0
while made < total {
    let uai = UAI(String(format: "06%05dA", school))!
    let perSchool = min(500, total - made)
    let pupils = perSchool * 3 / 10, guardians = perSchool - pupils
    var pupilIds: [String] = []
    for p in 0..<pupils {
        let id = "P\(school)-\(p)", cls = classes[p % 4]
        pupilIds.append(id)
        accounts.append(Account(id: id, personId: id, platform: .one, profile: .pupil, auth: .local,
                                login: "eleve.\(school).\(p)", lastName: lastNames[p % lastNames.count],
                                firstName: firstNames[p % firstNames.count], birthDate: nil, uais: [uai], classes: [cls],
                                level: cls.hasPrefix("CM1") ? .cm1 : .cm2, children: [], records: [], sheet: true,
                                sheetReason: nil, change: .new,
                                credential: Credential(code: String(format: "K%03dX-%04d", p % 1000, school), expires: "2025-11-30", issuedTonight: true)))
    }
    for g in 0..<guardians {
        let id = "G\(school)-\(g)"
        let kids = [pupilIds[g % pupils], pupilIds[(g * 7 + 3) % pupils]]
        accounts.append(Account(id: id, personId: id, platform: .one, profile: .guardian, auth: .local,
                                login: "parent.\(school).\(g)", lastName: lastNames[(g / 2) % lastNames.count],
                                firstName: firstNames[(g + 5) % firstNames.count], birthDate: nil, uais: [uai], classes: [],
                                children: g % 3 == 0 ? [kids[0]] : kids, hasCollegeChild: g % 5 == 0,
                                email: g % 10 < 3 ? "parent\(g)@example.org" : nil, records: [], sheet: true, sheetReason: nil,
                                change: .new,
                                credential: Credential(code: String(format: "R%04d-%03dZ", g, school), expires: "2025-11-30", issuedTonight: true)))
    }
    made += perSchool
    school += 1
}
let artifact = AccountsArtifact(accounts: accounts.sorted { $0.id < $1.id }, lineage: [], directory: [], holds: [], schoolsMissing: [])
let identity = IdentityArtifact(records: [], persons: [], review: [], candidatePairs: 0, mergedPairs: 0, context: .init())

let start = DispatchTime.now().uptimeNanoseconds
let result = try Sheets.run(accounts: artifact, identity: identity, rejects: [], config: .default, date: date, outputDirectory: out)
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

func size(_ url: URL) -> Int {
    let e = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey])
    var n = 0
    while let f = e?.nextObject() as? URL { n += (try? f.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) ?? 0 }
    return n
}
let sheets = result.bundles.reduce(0) { $0 + $1.printed + $1.emailed }
let zips = result.bundles.reduce(0) { acc, b in
    acc + ((try? FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("\(b.uai.value).zip").path)[.size] as? Int) ?? 0)
}
print(String(format: "sheets: %d (printed %d, e-mailed %d) in %d schools", sheets,
             result.bundles.reduce(0) { $0 + $1.printed }, result.bundles.reduce(0) { $0 + $1.emailed }, result.bundles.count))
print(String(format: "time: %.2f s, %.0f sheets/s", seconds, Double(sheets) / seconds))
print(String(format: "bundle size: %.1f MiB on disk (folders + zips), zips %.1f MiB", Double(size(out)) / 1_048_576, Double(zips) / 1_048_576))

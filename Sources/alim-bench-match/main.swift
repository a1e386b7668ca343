import AlimCore
import AlimIdentity
import Foundation

/// Matching benchmark: reads a generated IngestArtifact and its ground truth, runs normalize + match,
/// and prints pairwise quality, blocking recall, review-queue size, time and peak RSS.
///
/// Usage: alim-bench-match ingest.json truth.csv hardneg.csv [--merge X] [--review Y] [--repeat N] [--verbose]
///        [--clusters PATH] [--dump DIR]
let args = CommandLine.arguments
guard args.count >= 4 else {
    FileHandle.standardError.write(Data("usage: alim-bench-match ingest.json truth.csv hardneg.csv [--merge X] [--review Y] [--repeat N] [--verbose]\n".utf8))
    exit(64)
}
func option(_ name: String) -> Double? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return Double(args[i + 1])
}
let verbose = args.contains("--verbose")
let defaults = IdentityConfig()
let config = IdentityConfig(mergeThreshold: option("--merge") ?? defaults.mergeThreshold,
                            reviewThreshold: option("--review") ?? defaults.reviewThreshold)

func readLines(_ path: String) -> [[String]] {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
}

let ingest = try ArtifactCoding.decode(IngestArtifact.self, from: Data(contentsOf: URL(fileURLWithPath: args[1])))
var truth: [RecordRef: String] = [:]
for row in readLines(args[2]) where row.count >= 3 { truth[RecordRef(file: row[0], ref: row[1])] = row[2] }
let hardNegatives = readLines(args[3]).filter { $0.count >= 3 }

/// User + system CPU seconds of this process so far: the machine is shared, so wall time alone misleads.
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(0, &u)  // RUSAGE_SELF (0 on Linux and macOS; its Glibc import is an enum)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}
let clock = ContinuousClock()
/// `--repeat N` runs normalize + match N times in this process (the input decoded once): on a shared
/// machine one run says little, and N runs give a median without paying JSON decoding N times.
let repeats = max(1, Int(option("--repeat") ?? 1))
var runs: [(wall: Duration, cpu: Double, normalize: Duration)] = []
var lastRun: (IdentityArtifact, MatchDiagnostics)?
for _ in 0..<repeats {
    lastRun = nil  // free the previous run's artifacts before the next one
    let cpuStart = cpuSeconds()
    let start = clock.now
    let normalized = Identity.normalize(ingest)
    let normalizeTime = clock.now - start
    lastRun = Identity.matchWithDiagnostics(normalized, decisions: [], config: config)
    runs.append((clock.now - start, cpuSeconds() - cpuStart, normalizeTime))
}
let (identity, diagnostics) = lastRun!
// `--dump DIR` writes the normalized and identity artifacts, to check a change keeps them byte-identical.
if let i = args.firstIndex(of: "--dump"), i + 1 < args.count {
    let dir = URL(fileURLWithPath: args[i + 1])
    try ArtifactCoding.write(Identity.normalize(ingest), to: dir.appendingPathComponent("normalized.json"))
    try ArtifactCoding.write(identity, to: dir.appendingPathComponent("identity.json"))
}
// `--clusters PATH` writes `file;ref;person` for every record: scripts/score_identity.py scores it per
// duplicate category, as it scores Splink's clusters and the lineage.csv of `alim run`.
if let i = args.firstIndex(of: "--clusters"), i + 1 < args.count {
    var out = "file;ref;person\n"
    for cluster in identity.persons { for r in cluster.records { out += "\(r.file);\(r.ref);\(cluster.id)\n" } }
    try out.write(toFile: args[i + 1], atomically: true, encoding: .utf8)
}
// `--review-out PATH` writes the review pairs (a;b;score;reasons) for tuning.
if let i = args.firstIndex(of: "--review-out"), i + 1 < args.count {
    var out = "a_file;a_ref;b_file;b_ref;score;reasons\n"
    for r in identity.review { out += "\(r.a.file);\(r.a.ref);\(r.b.file);\(r.b.ref);\(r.score);\(r.reasons.joined(separator: " | "))\n" }
    try out.write(toFile: args[i + 1], atomically: true, encoding: .utf8)
}
/// The median run by CPU time (the primary figure on a shared machine).
let medianRun = runs.sorted { $0.cpu < $1.cpu }[runs.count / 2]
let (total, cpu, normalizeTime) = (medianRun.wall, medianRun.cpu, medianRun.normalize)

func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
// Pairwise counts: predicted pairs, true pairs, and their intersection.
var predicted = 0, truePairs = 0, both = 0
var personSizes: [String: Int] = [:]
for ref in truth.keys { personSizes[truth[ref]!, default: 0] += 1 }
truePairs = personSizes.values.reduce(0) { $0 + pairs($1) }
var clusterOf: [RecordRef: String] = [:]
for cluster in identity.persons {
    predicted += pairs(cluster.records.count)
    var split: [String: Int] = [:]
    for r in cluster.records { split[truth[r] ?? "?\(r)", default: 0] += 1; clusterOf[r] = cluster.id }
    both += split.values.reduce(0) { $0 + pairs($1) }
}
let precision = predicted == 0 ? 1 : Double(both) / Double(predicted)
let recall = truePairs == 0 ? 1 : Double(both) / Double(truePairs)
let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)

// Blocking recall: true pairs scored directly (pairs as index codes, as the matcher emits them).
let refIndex = Dictionary(uniqueKeysWithValues: diagnostics.refs.enumerated().map { ($1, $0) })
let candidateSet = Set(diagnostics.candidateCodes)
func code(_ a: RecordRef, _ b: RecordRef) -> UInt64 {
    let (i, j) = (refIndex[a]!, refIndex[b]!)
    return i < j ? UInt64(i) << 32 | UInt64(j) : UInt64(j) << 32 | UInt64(i)
}
var byPerson: [String: [RecordRef]] = [:]
for (r, p) in truth { byPerson[p, default: []].append(r) }
var blocked = 0
var missedPairs: [(RecordRef, RecordRef)] = []
for refs in byPerson.values where refs.count > 1 {
    let s = refs.sorted()
    for x in 0..<s.count { for y in (x + 1)..<s.count {
        if candidateSet.contains(code(s[x], s[y])) { blocked += 1 } else { missedPairs.append((s[x], s[y])) }
    } }
}

// Accounts = person × platform (primary-stage records → ONE, collège records → the collège ENT): the same
// pairwise measure restricted to pairs of records of one platform, since each platform opens its own account.
let stageOf = Dictionary(uniqueKeysWithValues: ingest.records.map { ($0.ref, $0.stage == .primary ? "one" : "college") })
var accPredicted = 0, accTrue = 0, accBoth = 0
var accountsTruth = Set<String>(), accountsFound = Set<String>()
for cluster in identity.persons {
    var perPlatform: [String: [String: Int]] = [:]
    for r in cluster.records {
        perPlatform[stageOf[r]!, default: [:]][truth[r] ?? "?\(r)", default: 0] += 1
        accountsFound.insert(cluster.id + "|" + stageOf[r]!)
    }
    for split in perPlatform.values {
        accPredicted += pairs(split.values.reduce(0, +))
        accBoth += split.values.reduce(0) { $0 + pairs($1) }
    }
}
for refs in byPerson.values {
    var perPlatform: [String: Int] = [:]
    for r in refs { perPlatform[stageOf[r]!, default: 0] += 1; accountsTruth.insert(truth[r]! + "|" + stageOf[r]!) }
    accTrue += perPlatform.values.reduce(0) { $0 + pairs($1) }
}
let accPrecision = accPredicted == 0 ? 1 : Double(accBoth) / Double(accPredicted)
let accRecall = accTrue == 0 ? 1 : Double(accBoth) / Double(accTrue)
let accF1 = accPrecision + accRecall == 0 ? 0 : 2 * accPrecision * accRecall / (accPrecision + accRecall)

// Hard negatives merged automatically (must be 0).
var recordsOf: [String: [RecordRef]] = [:]
for (r, p) in truth { recordsOf[p, default: []].append(r) }
var hardMerged = 0
for row in hardNegatives {
    let ca = Set((recordsOf[row[0]] ?? []).compactMap { clusterOf[$0] })
    let cb = Set((recordsOf[row[1]] ?? []).compactMap { clusterOf[$0] })
    if !ca.isDisjoint(with: cb) { hardMerged += 1; if verbose { print("HARD NEGATIVE MERGED: \(row)") } }
}
let reviewTrue = identity.review.filter { truth[$0.a] == truth[$0.b] }.count

func rss() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map { $0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces) } ?? "?"
}
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

let n = ingest.records.count
print(String(format: "records              %d (persons: truth %d, found %d)", n, personSizes.count, identity.persons.count))
print(String(format: "thresholds           merge %.1f, review %.1f", config.mergeThreshold, config.reviewThreshold))
print("                     persons      accounts (person x platform)")
print(String(format: "precision            %.5f      %.5f", precision, accPrecision))
print(String(format: "recall               %.5f      %.5f", recall, accRecall))
print(String(format: "F1                   %.5f      %.5f", f1, accF1))
print(String(format: "count (truth/found)  %d/%d  %d/%d", personSizes.count, identity.persons.count, accountsTruth.count, accountsFound.count))
print(String(format: "hard-negative merges %d (of %d pairs)", hardMerged, hardNegatives.count))
print(String(format: "blocking recall      %.5f (%d of %d true pairs scored)", truePairs == 0 ? 1 : Double(blocked) / Double(truePairs), blocked, truePairs))
print(String(format: "candidates/record    %.2f (%d pairs)", Double(diagnostics.candidateCodes.count) / Double(max(n, 1)), diagnostics.candidateCodes.count))
print(String(format: "review queue         %d pairs (%.3f%% of records; %d true matches), refused unions %d", identity.review.count,
             100 * Double(identity.review.count) / Double(max(n, 1)), reviewTrue, diagnostics.refusedUnions))
print(String(format: "time                 %.3f s wall, %.3f s CPU user+sys (normalize %.3f s wall)", seconds(total), cpu, seconds(normalizeTime))
      + (repeats > 1 ? " (median of \(repeats) runs by CPU)" : ""))
if repeats > 1 {
    print("runs (wall / CPU s)  " + runs.map { String(format: "%.3f / %.3f", seconds($0.wall), $0.cpu) }.joined(separator: ", "))
}
print("peak RSS             \(rss())")
print(String(format: "RESULT ours f1=%.5f precision=%.5f recall=%.5f seconds=%.3f cpu=%.3f acc_f1=%.5f acc_precision=%.5f acc_recall=%.5f",
             f1, precision, recall, seconds(total), cpu, accF1, accPrecision, accRecall))

if verbose {
    var why: [String: Int] = [:]
    for r in identity.review {
        let key = r.reasons.last { $0.hasPrefix("fusion") } ?? "score entre les seuils"
        why[key, default: 0] += 1
    }
    for (k, v) in why.sorted(by: { $0.value > $1.value }) { print("REVIEW \(v)\t\(k)") }
    let byRef0 = Dictionary(uniqueKeysWithValues: ingest.records.map { ($0.ref, $0) })
    for r in identity.review.filter({ truth[$0.a] != truth[$0.b] }).prefix(12) {
        let a = byRef0[r.a]!, b = byRef0[r.b]!
        print("FALSE REVIEW \(r.score) \(r.reasons)\n   \(a.lastName)/\(a.usageName ?? "-") \(a.firstName) \(a.phones.map(\.raw)) \(a.email ?? "-") \(a.address?.lines ?? []) \(r.a)\n   \(b.lastName)/\(b.usageName ?? "-") \(b.firstName) \(b.phones.map(\.raw)) \(b.email ?? "-") \(b.address?.lines ?? []) \(r.b)")
    }
    // False merges and missed pairs, for tuning.
    let byRef = Dictionary(uniqueKeysWithValues: ingest.records.map { ($0.ref, $0) })
    func show(_ r: RecordRef) -> String {
        let x = byRef[r]!
        return "\(x.lastName)/\(x.usageName ?? "-") \(x.firstName) \(x.birthDate ?? "-") \(x.phones.map(\.raw)) \(x.email ?? "-") [\(truth[r] ?? "?")] \(r)"
    }
    var shown = 0
    for cluster in identity.persons where Set(cluster.records.map { truth[$0] ?? "" }).count > 1 && shown < 15 {
        shown += 1
        print("FALSE MERGE:"); cluster.records.forEach { print("   " + show($0)) }
    }
    let scoredMissed = byPerson.values.filter { $0.count > 1 }.flatMap { refs in
        refs.sorted().enumerated().flatMap { x, a in refs.sorted().dropFirst(x + 1).map { (a, $0) } }
    }.filter { clusterOf[$0.0] != clusterOf[$0.1] }
    print("missed true pairs: \(scoredMissed.count), of which not blocked: \(missedPairs.count)")
    for (a, b) in scoredMissed.prefix(80) {
        let inReview = identity.review.first { ($0.a == a && $0.b == b) }
        print("MISSED\(candidateSet.contains(code(a, b)) ? "" : " (unblocked)")\(inReview.map { " review \($0.score) \($0.reasons)" } ?? ""):\n   \(show(a))\n   \(show(b))")
    }
}

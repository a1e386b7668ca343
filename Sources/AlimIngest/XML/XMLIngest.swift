import AlimCore
import Foundation

/// Reads the collège and académie XML exports (SIECLE BEE, AAF) and zipped SIECLE exports.
///
/// All XML files of the inbox are read as one set, because links cross files: SIECLE guardians
/// reference pupils of another file, AAF chunks `_0000`, `_0001`… form one export.
enum XMLIngest {
    /// Reads every XML or zip file given; never throws: a bad file is refused with line and column.
    static func read(files: [InboxFile], config: AlimConfig) -> PartialIngest {
        var out = PartialIngest()
        var siecle: [SIECLEFile] = []
        var aaf: [AAFFile] = []

        func handle(url: URL, relativePath: String) {
            do {
                switch try XMLFileParser.parse(url: url, relativePath: relativePath, limits: config.limits) {
                case .siecle(let file):
                    siecle.append(file)
                    if let uai = file.uai { out.schoolsPresent.insert(uai) }
                    out.files.append(FileOutcome(file: relativePath, format: file.format, status: .imported, uai: file.uai,
                                                 records: file.records.count + file.rejects.count))
                case .aaf(let file):
                    aaf.append(file)
                    out.files.append(outcome(of: file))
                case .skipped(let message):
                    out.files.append(FileOutcome(file: relativePath, format: nil, status: .skipped, message: message))
                case .unknown(let root):
                    out.files.append(FileOutcome(file: relativePath, format: nil, status: .unknown,
                                                 message: "Fichier XML non reconnu (élément racine <\(root)>) : ni SIECLE ni AAF, ignoré."))
                }
            } catch let error as XMLParseError {
                refuse(relativePath, ref: error.location, message: error.message)
            } catch {
                refuse(relativePath, ref: "", message: "Fichier XML illisible : \(error.localizedDescription). Le fichier est refusé en entier.")
            }
        }
        func refuse(_ path: String, ref: String, message: String) {
            out.files.append(FileOutcome(file: path, format: nil, status: .refused, message: message))
            out.rejects.append(Finding(file: path, ref: ref, reason: message))
        }

        for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
            guard XMLFileParser.isZip(file.url) else {
                handle(url: file.url, relativePath: file.relativePath)
                continue
            }
            var expander = ZipExpander(maxUnzippedBytes: config.limits.maxUnzippedBytes)
            defer { expander.cleanUp() }
            do {
                let entries = try expander.expand(zip: file.url, relativePath: file.relativePath)
                for entry in entries {
                    if XMLFileParser.looksLikeXML(entry.url) {
                        handle(url: entry.url, relativePath: entry.relativePath)
                    } else {
                        out.files.append(FileOutcome(file: entry.relativePath, format: nil, status: .unknown,
                                                     message: "Entrée d'archive qui n'est pas un fichier XML : ignorée."))
                    }
                }
                if entries.isEmpty {
                    out.files.append(FileOutcome(file: file.relativePath, format: nil, status: .unknown, message: "Archive zip vide : ignorée."))
                }
            } catch let refusal as ZipExpander.Refusal {
                refuse(file.relativePath, ref: "", message: refusal.reason + ". L'archive est refusée en entier.")
            } catch {
                refuse(file.relativePath, ref: "", message: "Archive zip illisible : \(error.localizedDescription). L'archive est refusée en entier.")
            }
        }

        var s = SIECLEResolver.resolve(siecle)
        siecle = []
        // Move, not copy: the record arrays are the bulk of the stage's memory.
        swap(&out.records, &s.records)
        out.rejects += s.rejects
        out.warnings += s.warnings
        let a = AAFResolver.resolve(&aaf)
        out.records += a.records
        out.rejects += a.rejects
        out.warnings += a.warnings
        out.schoolsPresent.formUnion(a.schoolsPresent)
        out.schoolNames.merge(a.schoolNames) { first, _ in first }

        // Sort indices, then swap each record once into place: sorting the large records themselves
        // copies them. Ties (same ref) keep their reading order, as the stable in-place sort did.
        let order = out.records.indices.sorted {
            let a = out.records[$0].ref, b = out.records[$1].ref
            return a != b ? a < b : $0 < $1
        }
        var destination = [Int](repeating: 0, count: order.count)
        for (position, source) in order.enumerated() { destination[source] = position }
        for i in destination.indices {
            while destination[i] != i {
                let j = destination[i]
                out.records.swapAt(i, j)
                destination.swapAt(i, j)
            }
        }
        out.rejects.sort()
        out.warnings.sort()
        out.files.sort()
        return out
    }

    /// An AAF file's outcome: imported when it holds people or structures, skipped for other categories.
    private static func outcome(of file: AAFFile) -> FileOutcome {
        let skipped = file.skipped.values.reduce(0, +)
        let categories = file.skipped.keys.sorted().joined(separator: ", ")
        let pupils = file.requests.contains { $0.category == AAFAttributes.pupilCategory }
        let format: SourceFormat = !file.requests.isEmpty ? (pupils ? .aafStudents : .aafGuardians)
            : !file.structures.isEmpty ? .aafStructures : .aafOther
        if file.requests.isEmpty && file.structures.isEmpty {
            return FileOutcome(file: file.file, format: .aafOther, status: .skipped, skippedRows: skipped,
                               message: skipped > 0 ? "Export AAF \(categories) : \(skipped) entrées sans élèves ni responsables, ignorées." : "Export AAF vide.")
        }
        return FileOutcome(file: file.file, format: format, status: .imported, records: file.personCount, skippedRows: skipped)
    }
}

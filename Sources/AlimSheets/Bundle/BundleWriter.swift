import AlimCore
import Foundation

/// Writes one school's bundle: print PDFs per class and for the school, .eml files, sheets.csv,
/// coverage.csv, the directors' clause, then the zip.
///
/// Every page of the school is made first (each sheet once, as a compressed content stream), then
/// the school's font subsets are cut from all of them, then each PDF copies the pages it holds.
/// The charte and the autorisation, the same for every family of a school, follow the first sheet
/// of each family (guardians of the same children) in a print file, and reach e-mailed families as
/// the school's `documents-a-signer.pdf`, encoded once and attached to every message.
final class BundleWriter {
    let renderer: PageRenderer
    let templates: TemplateSet
    let config: AlimConfig
    let date: RunDate

    /// What a bundle holds, for the artifact.
    struct Counts { var printed = 0; var emailed = 0 }

    init(renderer: PageRenderer, templates: TemplateSet, config: AlimConfig, date: RunDate) {
        self.renderer = renderer
        self.templates = templates
        self.config = config
        self.date = date
    }

    func write(uai: UAI, schoolName: String, sheets: [Sheet], coverage: [CoverageEntry], folder: URL) throws -> Counts {
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
        try SecureFile.makeDirectory(folder)
        let schoolContext = TemplateContext.school(name: schoolName, uai: uai, date: date, escape: TemplateContext.pango)
        let charter = page(.charter, schoolContext)
        let authorization = page(.authorization, schoolContext)
        let clause = config.sheets.includeRulesClause ? page(.rulesClause, schoolContext) : nil
        let sheetPages: [PageContent?] = sheets.map { s in
            guard s.printed || (s.emailed && s.email != nil) else { return nil }
            return page(s.kind == .guardian ? .guardianSheet : .pupilSheet,
                        TemplateContext.sheet(s, date: date, escape: TemplateContext.pango))
        }
        var usage = charter.usage.union(authorization.usage)
        if let clause { usage.formUnion(clause.usage) }
        for p in sheetPages { if let p { usage.formUnion(p.usage) } }
        let fonts = FontResources(usage: usage, registry: renderer.registry)
        func document(_ title: String) -> PDFDocument { PDFDocument(date: date, title: title, fonts: fonts) }
        var counts = Counts()
        var files: [AccountID: [String]] = [:]
        // Every file of the bundle, kept for the zip; flushed to disk once at the end.
        var written: [String: Data] = [:]
        func save(_ data: Data, _ relative: String) throws {
            try SecureFile.write(data, to: folder.appendingPathComponent(relative), sync: false)
            written[relative] = data
        }

        // The documents to sign, the same for every family: one PDF, also attached (encoded once) to each e-mail.
        let blank = document("Documents à signer – \(schoolName)")
        blank.add(charter)
        blank.add(authorization)
        let documents = blank.finish()
        try save(documents, Self.documentsFile)
        let emailDocuments = EmailMessage.EncodedAttachment(name: Self.documentsFile, pdf: documents)

        for kind in [Sheet.Kind.guardian, .pupil] {
            let ofKind = sheets.indices.filter { sheets[$0].kind == kind }
            guard !ofKind.isEmpty else { continue }
            let prefix = kind == .guardian ? "responsables" : "eleves"
            let printed = ofKind.map { sheets[$0] }.filter(\.printed)
            let classNames = FileNames.unique(printed.map(\.className))
            let schoolDoc = printed.isEmpty ? nil : document("Fiches de connexion – \(schoolName)")
            var classDoc: PDFDocument?
            var currentClass: String?
            // Families (guardians of the same children) already given their documents to sign, per file.
            var classFamilies = Set<[Sheet.Child]>(), schoolFamilies = Set<[Sheet.Child]>()
            func closeClass() throws {
                if let doc = classDoc, let c = currentClass {
                    try save(doc.finish(), "\(prefix)-\(classNames[c]!).pdf")
                }
                classDoc = nil
                classFamilies = []
            }
            for i in ofKind {
                let s = sheets[i]
                guard let sheetPage = sheetPages[i] else { continue }
                if s.printed {
                    if s.className != currentClass || classDoc == nil {
                        try closeClass()
                        currentClass = s.className
                        classDoc = document("Fiches de connexion – \(schoolName) – \(s.className)")
                    }
                    classDoc!.add(sheetPage)
                    schoolDoc!.add(sheetPage)
                    // One charte and one autorisation per family, after its first sheet in each file.
                    if kind == .guardian {
                        let family = Self.familyKey(s)
                        if classFamilies.insert(family).inserted { classDoc!.add(charter); classDoc!.add(authorization) }
                        if schoolFamilies.insert(family).inserted { schoolDoc!.add(charter); schoolDoc!.add(authorization) }
                    }
                    files[s.accountId, default: []].append("\(prefix)-\(classNames[s.className]!).pdf")
                    counts.printed += 1
                }
                if s.emailed, let to = s.email {
                    let (name, message) = email(s, to: to, page: sheetPage, fonts: fonts, documents: emailDocuments)
                    try save(message, name)
                    files[s.accountId, default: []].append(name)
                    counts.emailed += 1
                }
            }
            try closeClass()
            if let doc = schoolDoc {
                try save(doc.finish(), "\(prefix)-ecole.pdf")
            }
        }

        if let clause {
            let doc = document("Clause du règlement intérieur – \(schoolName)")
            doc.add(clause)
            try save(doc.finish(), "clause-reglement-interieur.pdf")
        }

        var csv = CSVOutput(header: SheetsCSV.header)
        for s in sheets { csv.append(SheetsCSV.row(s, files: files[s.accountId] ?? [])) }
        try save(csv.encoded(), "sheets.csv")
        try save(CoverageBuilder.csv(coverage).encoded(), "coverage.csv")

        try BundleZip.make(files: written, rootName: uai.value, date: date,
                           to: folder.deletingLastPathComponent().appendingPathComponent("\(uai.value).zip"))
        // No flush here: `Sheets.run` flushes the file system once after the last school (one syncfs
        // per school waited, each time, for everything else the run was writing).
        return counts
    }

    /// The blank documents to sign, in the folder and attached to every e-mail.
    static let documentsFile = "documents-a-signer.pdf"

    /// A family is the set of children its guardians share (a guardian without children here is alone).
    static func familyKey(_ s: Sheet) -> [Sheet.Child] {
        s.children.isEmpty ? [Sheet.Child(firstName: s.login, lastName: s.accountId, className: "\u{0}")] : s.children
    }

    private func page(_ name: TemplateSet.Name, _ context: [String: Any]) -> PageContent {
        renderer.render(Markup.parse(templates.render(name, context)))
    }

    /// `courriels/<NOM>-<Prénom>-<login>.eml` and its bytes: the sheet (its own one-page PDF) and the
    /// documents to sign (the school's PDF, shared by every message).
    private func email(_ s: Sheet, to: String, page: PageContent, fonts: FontResources,
                       documents: EmailMessage.EncodedAttachment) -> (String, Data) {
        let doc = PDFDocument(date: date, title: "Fiche de connexion à l'ENT One", fonts: fonts)
        doc.add(page)
        let pdf = doc.finish()
        let context = TemplateContext.sheet(s, date: date, escape: TemplateContext.plain)
        let subject = templates.render(.emailSubject, context).trimmingCharacters(in: .whitespacesAndNewlines)
        let message = EmailMessage(
            from: config.sheets.emailFrom, to: to, toName: "\(s.firstName) \(s.lastName)", subject: subject, date: date,
            messageID: EmailMessage.messageID(date: date, uai: s.uai, login: s.login, from: config.sheets.emailFrom),
            body: templates.render(.emailBody, context), attachmentName: "fiche-connexion-\(FileNames.component(s.login, fallback: "compte")).pdf",
            attachment: pdf, sharedAttachments: [documents])
        let name = "courriels/" + FileNames.component("\(s.lastName)-\(s.firstName)-\(s.login)", fallback: "courriel") + ".eml"
        return (name, message.encoded())
    }
}

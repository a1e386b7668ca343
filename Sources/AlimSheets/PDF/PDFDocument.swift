import AlimCore
import Foundation

/// A PDF built in memory from finished pages, then written privately by the caller (`SecureFile`):
/// no world-readable file ever holds activation codes.
///
/// Pages arrive compressed and the fonts as the school's shared objects, so a document is mostly
/// copied bytes: a page shown several times (the charte after each family's sheet) is stored once.
/// The creation date is the run date, so the same inputs give the same bytes.
final class PDFDocument {
    private let date: RunDate
    private let title: String
    private let fonts: FontResources
    private let style: PageStyle
    private var pages: [PageContent] = []

    init(date: RunDate, title: String, fonts: FontResources, style: PageStyle = .a4) {
        self.date = date
        self.title = title
        self.fonts = fonts
        self.style = style
    }

    var pageCount: Int { pages.count }

    /// Appends one page.
    func add(_ page: PageContent) { pages.append(page) }

    /// The document's bytes.
    func finish() -> Data {
        var out = PDFBytes(capacity: 64 * 1024 + pages.count * 2048)
        out.append("%PDF-1.7\n%")
        out.append([0xE2, 0xE3, 0xCF, 0xD3])
        out.append("\n")
        var offsets: [Int: Int] = [:]
        func object(_ number: Int, _ body: [UInt8]) {
            offsets[number] = out.count
            out.append(int: number); out.append(" 0 obj\n"); out.append(body); out.append("\nendobj\n")
        }
        for (k, body) in fonts.objects.enumerated() { object(FontResources.resourcesObject + k, body) }

        // Each distinct page content once, then the page objects pointing at them.
        var next = fonts.nextObject
        var streamOf: [ObjectIdentifier: Int] = [:]
        var pageContents: [Int] = []
        for page in pages {
            let id = ObjectIdentifier(page)
            if let known = streamOf[id] { pageContents.append(known); continue }
            streamOf[id] = next
            pageContents.append(next)
            object(next, PDFBytes.stream(page.stream, extra: ""))
            next += 1
        }
        var kids = PDFBytes(capacity: pages.count * 8)
        for contents in pageContents {
            var page = PDFBytes(capacity: 128)
            page.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 "); page.append(real: style.width)
            page.append(" "); page.append(real: style.height); page.append("] /Resources ")
            page.append(int: FontResources.resourcesObject); page.append(" 0 R /Contents ")
            page.append(int: contents); page.append(" 0 R >>")
            object(next, page.bytes)
            kids.append(int: next); kids.append(" 0 R ")
            next += 1
        }

        var catalog = PDFBytes()
        catalog.append("<< /Type /Catalog /Pages 2 0 R >>")
        object(1, catalog.bytes)
        var tree = PDFBytes(capacity: kids.count + 64)
        tree.append("<< /Type /Pages /Count "); tree.append(int: pages.count); tree.append(" /Kids [")
        tree.append(kids.bytes); tree.append("] >>")
        object(2, tree.bytes)
        var info = PDFBytes()
        info.append("<< /Title "); info.append(textString: title)
        info.append(" /Creator (Alim) /Producer (Alim) /CreationDate (D:")
        info.append(String(format: "%04d%02d%02d", date.year, date.month, date.day)); info.append("000000Z) >>")
        object(3, info.bytes)

        let xref = out.count
        out.append("xref\n0 "); out.append(int: next); out.append("\n0000000000 65535 f \n")
        for number in 1..<next {
            let offset = String(offsets[number] ?? 0)
            out.append(String(repeating: "0", count: max(0, 10 - offset.count)) + offset)
            out.append(" 00000 n \n")
        }
        out.append("trailer\n<< /Size "); out.append(int: next); out.append(" /Root 1 0 R /Info 3 0 R >>\nstartxref\n")
        out.append(int: xref); out.append("\n%%EOF\n")
        return Data(out.bytes)
    }
}

/// Why a bundle could not be made.
public enum SheetsError: Error, CustomStringConvertible {
    case pdf(String)
    case zip(String)

    public var description: String {
        switch self {
        case let .pdf(why): return "Échec de la création d'un PDF : \(why)"
        case let .zip(why): return "Échec de la création de l'archive zip : \(why)"
        }
    }
}

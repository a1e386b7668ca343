import AlimCore
import CCairoPango
import Foundation

/// A page drawn once and placed in several PDFs (class file, school file, e-mail attachment).
///
/// Pango shaping is the expensive part of a sheet; a cairo recording surface keeps the drawing
/// operations so each further PDF only replays them. A page shared by every family (the charte)
/// is recorded once per run and cairo embeds it once per PDF as a form XObject.
final class RecordedPage {
    let surface: OpaquePointer

    init(blocks: [Block], renderer: PageRenderer) {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: renderer.style.width, height: renderer.style.height)
        surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)
        let cr = cairo_create(surface)!
        renderer.draw(blocks, into: cr)
        cairo_destroy(cr)
    }

    deinit { cairo_surface_destroy(surface) }
}

/// A PDF built in memory, then written privately by the caller (`SecureFile`): cairo never creates
/// a world-readable file holding activation codes.
///
/// The creation date is the run date, so the same inputs give the same bytes.
final class PDFDocument {
    private final class Sink { var data = Data() }
    private let sink = Sink()
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private(set) var pageCount = 0
    private var finished = false

    init(date: RunDate, title: String, style: PageStyle = .a4) {
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(),
                                                      style.width, style.height)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "\(date)T00:00:00Z")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Alim")
        cr = cairo_create(surface)
    }

    deinit {
        if !finished { cairo_destroy(cr); cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
    }

    /// Appends one page showing a recorded page.
    func add(_ page: RecordedPage) {
        cairo_set_source_surface(cr, page.surface, 0, 0)
        cairo_paint(cr)
        cairo_show_page(cr)
        pageCount += 1
    }

    /// Closes the document and returns its bytes; throws when cairo reports an error.
    func finish() throws -> Data {
        finished = true
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw SheetsError.pdf(String(cString: cairo_status_to_string(status)))
        }
        return sink.data
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

/// Page geometry and fonts of every sheet: A4 in points, DejaVu faces (shipped by fonts-dejavu-core,
/// full French coverage including œ « » ’ and the narrow no-break space).
///
/// One place for the numbers, so a département's printing constraints change in one file.
struct PageStyle: Sendable {
    var width = 595.0
    var height = 842.0
    var marginX = 56.0
    var marginTop = 44.0
    var marginBottom = 50.0

    var headerFont = "DejaVu Sans 9"
    var titleFont = "DejaVu Sans Bold 20"
    var headingFont = "DejaVu Sans Bold 13.5"
    var bodyFont = "DejaVu Sans 11.5"
    var labelFont = "DejaVu Sans 11"
    /// Login and code: large, monospace, so `l`/`1` and `O`/`0` read back exactly.
    var credentialFont = "DejaVu Sans Mono Bold 21"

    var contentWidth: Double { width - 2 * marginX }
    var contentBottom: Double { height - marginBottom }

    static let a4 = PageStyle()
}

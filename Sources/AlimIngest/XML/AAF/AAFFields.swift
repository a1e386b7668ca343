/// The mapped fields of one AAF request, as one flat array of `(field, value)` pairs.
///
/// A request keeps only the fields of `AAFAttributes` (unmapped attributes are never decoded), and
/// one small array instead of a dictionary of arrays: the set of a large export stays compact until
/// the requests are applied. A field present with no value (`<value/>`, or a `modifyRequest` that
/// empties it) is stored as one `nil` entry so a modification can clear a field.
struct AAFFields: Sendable {
    private var entries: [(field: AAFField, value: String?)] = []

    /// The first value of a field; nil when absent or empty.
    func first(_ field: AAFField) -> String? {
        for e in entries where e.field == field { return e.value }
        return nil
    }

    /// All values of a field, in file order; empty when absent.
    func values(_ field: AAFField) -> [String] {
        entries.compactMap { $0.field == field ? $0.value : nil }
    }

    /// Whether the field holds at least one value.
    func has(_ field: AAFField) -> Bool { first(field) != nil }

    /// Replaces every value of a field (an empty list clears it but remembers it was set).
    mutating func set(_ field: AAFField, _ values: [String]) {
        entries.removeAll { $0.field == field }
        if values.isEmpty {
            entries.append((field, nil))
        } else {
            for v in values { entries.append((field, v)) }
        }
    }

    /// Every field set, with its values, in first-set order (for applying a `modifyRequest`).
    var all: [(field: AAFField, values: [String])] {
        var order: [AAFField] = []
        for e in entries where !order.contains(e.field) { order.append(e.field) }
        return order.map { ($0, values($0)) }
    }
}

/// The mapped fields of one AAF request, as two flat parallel arrays (field codes, values).
///
/// A request keeps only the fields of `AAFAttributes` (unmapped attributes are never decoded), in two
/// exact-size arrays instead of a dictionary of arrays: the set of a large export stays compact until
/// the requests are applied, and a lookup scans bytes without touching the strings. A field present
/// with no value (`<value/>`, or a `modifyRequest` that empties it) is one `nil` entry, so a
/// modification can clear a field.
struct AAFFields: Sendable {
    private var codes: [AAFField] = []
    private var texts: [String?] = []

    /// The first value of a field; nil when absent or empty.
    func first(_ field: AAFField) -> String? {
        guard let i = codes.firstIndex(of: field) else { return nil }
        return texts[i]
    }

    /// All values of a field, in file order; empty when absent.
    func values(_ field: AAFField) -> [String] {
        guard let i = codes.firstIndex(of: field) else { return [] }
        var out: [String] = []
        for j in i..<codes.count where codes[j] == field {
            if let v = texts[j] { out.append(v) }
        }
        return out
    }

    /// Whether the field holds at least one value.
    func has(_ field: AAFField) -> Bool { first(field) != nil }

    /// Removes every value of a field.
    mutating func remove(_ field: AAFField) {
        guard codes.contains(field) else { return }
        var j = 0
        for i in codes.indices where codes[i] != field {
            codes[j] = codes[i]
            texts.swapAt(j, i)
            j += 1
        }
        codes.removeLast(codes.count - j)
        texts.removeLast(texts.count - j)
    }

    /// Adds one value (nil: the field is present but empty).
    mutating func append(_ field: AAFField, _ value: String?) {
        codes.append(field)
        texts.append(value)
    }

    /// Replaces every value of a field (an empty list clears it but remembers it was set).
    mutating func set(_ field: AAFField, _ values: [String]) {
        remove(field)
        if values.isEmpty { append(field, nil) }
        for v in values { append(field, v) }
    }

    /// Every field set, with its values, in first-set order (for applying a `modifyRequest`).
    var all: [(field: AAFField, values: [String])] {
        var order: [AAFField] = []
        for c in codes where !order.contains(c) { order.append(c) }
        return order.map { ($0, values($0)) }
    }

    /// Empties the fields but keeps the capacity (the handler's scratch buffer).
    mutating func removeAll() {
        codes.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }

    /// A copy with exact-size storage, for the requests kept until the set is resolved.
    var compacted: AAFFields {
        var copy = AAFFields()
        copy.codes = Array(codes[...])
        copy.texts = Array(texts[...])
        return copy
    }
}

/// A memo from a raw string to the value computed from it, keyed by the string's UTF-8 bytes.
///
/// Normalising 100,000 records looks up a few names, phones and phonetic keys per record: with a
/// `Dictionary<String, V>` most of that time went to SipHash and table growth. `Interner`'s fixed
/// multiplicative hash and open addressing cost a fraction of it; values sit in an array by id.
/// Only what a value is computed from matters, so the output cannot depend on the cache.
struct KeyCache<Value> {
    private var ids = Interner()
    private var values: [Value] = []

    /// The value for `raw`, computed by `make` on the first request only.
    mutating func value(_ raw: String, _ make: (String) -> Value) -> Value {
        var bytes = raw
        return bytes.withUTF8 { b -> Value in
            let id = Int(ids.id(b))
            if id < values.count { return values[id] }
            let v = make(raw)
            values.append(v)
            return v
        }
    }
}

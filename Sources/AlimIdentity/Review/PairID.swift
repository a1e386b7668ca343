import AlimCore

/// Stable identifiers of review pairs.
public enum PairID {
    /// The id of the pair {a, b}: 12 hex digits of FNV-1a over the two refs in sorted order, so the same
    /// two records give the same id on every run whatever order they were compared in.
    public static func make(_ a: RecordRef, _ b: RecordRef) -> String {
        let (x, y) = a < b ? (a, b) : (b, a)
        return StableHash.hex("\(x.file)#\(x.ref)|\(y.file)#\(y.ref)")
    }
}

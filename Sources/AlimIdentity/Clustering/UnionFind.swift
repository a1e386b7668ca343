/// Union-find over record indices that keeps each cluster's members, so a union can be checked
/// against every pair it would join before it happens (no forbidden pair through transitivity).
struct UnionFind: Sendable {
    private var parent: [Int]
    private(set) var members: [[Int]]

    init(count: Int) {
        parent = Array(0..<count)
        members = (0..<count).map { [$0] }
    }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var y = x
        while parent[y] != root { let next = parent[y]; parent[y] = root; y = next }
        return root
    }

    /// Joins the clusters of `a` and `b` (smaller into larger); returns false when already joined.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var ra = find(a), rb = find(b)
        if ra == rb { return false }
        if members[ra].count < members[rb].count { swap(&ra, &rb) }
        parent[rb] = ra
        members[ra].append(contentsOf: members[rb])
        members[rb] = []
        return true
    }
}

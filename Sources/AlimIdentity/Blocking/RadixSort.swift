/// Sorting candidate pair codes by byte digits, least significant first.
///
/// A run sorts a million `i << 32 | j` codes (with repeats, before deduplication): comparison sorting
/// is ~20 comparisons per code, a radix sort reads each code once per byte, and bytes every code shares
/// (the high bytes of small indices) are skipped. The result is the ascending order, like `sort()`.
enum RadixSort {
    static func sort(_ values: inout [UInt64]) {
        let n = values.count
        guard n > 64 else { values.sort(); return }
        var other = [UInt64](repeating: 0, count: n)
        values.withUnsafeMutableBufferPointer { a in
            other.withUnsafeMutableBufferPointer { b in
                var src = a, dst = b
                var counts = [Int](repeating: 0, count: 256)
                for shift in stride(from: UInt64(0), to: 64, by: 8) {
                    for k in 0..<256 { counts[k] = 0 }
                    for v in src { counts[Int(truncatingIfNeeded: v >> shift) & 0xFF] += 1 }
                    if counts.contains(n) { continue }  // every code has this byte: already in order
                    var sum = 0
                    for k in 0..<256 { let c = counts[k]; counts[k] = sum; sum += c }
                    for v in src {
                        let d = Int(truncatingIfNeeded: v >> shift) & 0xFF
                        dst[counts[d]] = v
                        counts[d] += 1
                    }
                    swap(&src, &dst)
                }
                if src.baseAddress != a.baseAddress { a.baseAddress!.update(from: src.baseAddress!, count: n) }
            }
        }
    }
}

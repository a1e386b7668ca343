import Foundation

/// Splits embarrassingly parallel work (independent records, independent candidate pairs) into
/// contiguous ranges run on separate threads, and joins the results in range order, so the output is
/// the same whatever the number of threads.
enum Parallel {
    /// Below this many items one thread is faster than starting two.
    static let threshold = 20_000

    /// The number of threads to use for `count` items: `requested` when given (tests force a split on
    /// small inputs), else two above `threshold` (the benchmark machine, like Splink's DuckDB, has two).
    static func threads(_ requested: Int?, count: Int) -> Int {
        if let requested { return max(1, requested) }
        return count >= threshold ? 2 : 1
    }

    /// `body` over `threads` contiguous slices of `0..<count`, results concatenated in slice order.
    static func map<T>(count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        let parts = max(1, min(threads, count))
        guard parts > 1 else { return body(0..<count) }
        let slots = Slots<[T]>(count: parts)
        defer { slots.release() }
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            slots.set(p, body(count * p / parts ..< count * (p + 1) / parts))
        }
        return slots.joined()
    }

    /// One `T` per index of `0..<count`, built in place over `threads` contiguous slices: `body` gets its
    /// slice and a function writing the item of each index, exactly once. Unlike `map`, nothing is
    /// joined afterwards, so items are never copied (no retain and release of every field).
    static func fill<T>(count: Int, threads: Int, _ body: @Sendable (Range<Int>, (Int, consuming T) -> Void) -> Void) -> [T] {
        let parts = max(1, min(threads, count))
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = Output(base: buffer.baseAddress)
            // One iteration runs on the calling thread.
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                let range = count * p / parts ..< count * (p + 1) / parts
                var written = 0
                body(range) { i, item in
                    precondition(range.contains(i))
                    (out.base! + i).initialize(to: item)
                    written += 1
                }
                precondition(written == range.count, "Parallel.fill: every index must be written once")
            }
            initialized = count
        }
    }

    /// The output buffer shared by `fill`'s threads; each writes only its own indices.
    private struct Output<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>?
    }

    /// One result slot per thread; each thread writes only its own slot, read after all have joined.
    fileprivate struct Slots<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        func set(_ i: Int, _ value: T) { buffer[i] = value }

        func release() {
            _ = buffer.deinitialize()
            buffer.deallocate()
        }
    }
}

fileprivate extension Parallel.Slots {
    /// The parts concatenated, emptying the slots: the first part's elements are moved (its buffer is
    /// unique once its slot is cleared), not copied with a retain per field.
    func joined<E>() -> [E] where T == [E] {
        let total = buffer.reduce(0) { $0 + ($1?.count ?? 0) }
        guard !buffer.isEmpty else { return [] }
        var out = buffer[0] ?? []
        buffer[0] = nil
        out.reserveCapacity(total)
        for k in buffer.indices.dropFirst() {
            out.append(contentsOf: buffer[k] ?? [])
            buffer[k] = nil
        }
        return out
    }
}

import Dispatch
import Synchronization

/// Work spread over all cores, with results in index order whatever the
/// scheduling, so that parallel code stays deterministic.
enum Parallel {
    /// `body(i)` for every i in 0..<count, on all cores; the results in index order.
    ///
    /// Iterations are handed out one at a time, so put the longest first when
    /// their costs differ. `body` is `@Sendable`: the compiler checks that it
    /// shares no mutable state; each result goes into its own slot under a
    /// `Mutex` (held only to store it).
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let results = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            results.store(body(i), at: i)
        }
        return results.values
    }

    /// One slot per iteration.
    private final class Slots<T: Sendable>: Sendable {
        private let slots: Mutex<[T?]>
        init(_ count: Int) { slots = Mutex([T?](repeating: nil, count: count)) }
        func store(_ value: T, at i: Int) { slots.withLock { $0[i] = value } }
        var values: [T] { slots.withLock { $0.map { $0! } } }
    }
}

/// An unsafe buffer handed to `Parallel.map`'s iterations, which only read
/// it or write disjoint parts of it. Pointers have no checked `Sendable` form,
/// so this is the one place that vouches for them: the caller guarantees that
/// no two iterations write the same element and that the buffer outlives the call.
struct SharedBuffer<Pointer>: @unchecked Sendable {
    let pointer: Pointer
}

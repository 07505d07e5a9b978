import Dispatch

/// Work spread over all cores, with results in index order whatever the
/// scheduling, so that parallel code stays deterministic.
enum Parallel {
    /// `body(i)` for every i in 0..<count, on all cores; the results in index order.
    ///
    /// Iterations are handed out one at a time, so put the longest first when
    /// their costs differ. `body` must not touch shared mutable state.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        withoutActuallyEscaping(body) { body in
            let shared = Shared(body: body, results: results)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                shared.results[i] = shared.body(i)
            }
        }
        return results.map { $0! }
    }

    /// Each iteration writes only its own slot of `results`.
    private final class Shared<T>: @unchecked Sendable {
        let body: (Int) -> T
        let results: UnsafeMutableBufferPointer<T?>
        init(body: @escaping (Int) -> T, results: UnsafeMutableBufferPointer<T?>) {
            self.body = body
            self.results = results
        }
    }
}

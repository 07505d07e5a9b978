import Synchronization

/// A count shared by threads (work done, sessions finished), on an atomic.
final class WorkCounter: Sendable {
    private let value = Atomic<Int>(0)

    init() {}

    /// Adds `amount`; returns the new total.
    @discardableResult
    func add(_ amount: Int = 1) -> Int {
        value.add(amount, ordering: .relaxed).newValue
    }

    var total: Int { value.load(ordering: .relaxed) }
}

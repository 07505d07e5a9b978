/// Fairness, an extension of the spec (README, "Extensions to the spec"):
/// members who were left unmatched, or put in a group of k+1, in one of the
/// last `lookback` sessions of the history are *priority members* and are
/// placed first in the next session.
///
/// JSON: `"program": { ..., "fairness": { "lookback": 1 } }`. Who was left
/// unmatched comes from the optional `unmatched` array of a past session;
/// groups of k+1 are read from the past session's groups (k is the program's
/// current `groupSize`).
///
/// The priority is lexicographic after points 1 and 2 of docs/format.md (what the solver looks for) and
/// before the score: see `FairnessPass`.
public struct FairnessPolicy: Sendable, Equatable {
    /// How many of the most recent past sessions count (>= 1).
    public var lookback: Int

    public init(lookback: Int = 1) {
        self.lookback = lookback
    }
}

extension Session {
    /// The priority members under `policy`: members listed as unmatched, or in a
    /// group larger than the program's `groupSize`, in one of the last
    /// `policy.lookback` past sessions (in the order of docs/format.md (the session),
    /// History). Sorted by id.
    ///
    /// - Complexity: O(size of those past sessions + p log p).
    public func priorityMembers(_ policy: FairnessPolicy) -> [String] {
        let ordered = PastSession.inAgeOrder(history)
        var ids = Set<String>()
        for past in ordered.suffix(max(0, policy.lookback)) {
            ids.formUnion(past.unmatched)
            for group in past.groups where group.count > program.groupSize { ids.formUnion(group) }
        }
        return ids.sorted()
    }
}

/// A pair of participants that may share a group, and its weight (docs/format.md (what the solver looks for)).
public struct AllowedPair: Sendable, Equatable {
    /// Participant indices, `a < b`.
    public var a: Int32
    public var b: Int32
    public var weight: Double
}

extension Problem {
    /// Every allowed pair, ordered by `a` then `b`: the edge list of the
    /// problem's graph (`mingle pairs`), for comparisons with matching tools.
    /// Pairs in different blocks are never allowed, so only pairs inside a
    /// block are tested.
    ///
    /// - Complexity: O(Σ block size² × (rules + log links)) time, O(allowed pairs) memory.
    public func allowedPairs() -> [AllowedPair] {
        var pairs: [AllowedPair] = []
        for block in blocks {
            let members = block.sorted()
            for x in 0..<members.count {
                for y in (x + 1)..<members.count {
                    if let w = allowedWeight(Int(members[x]), Int(members[y])) {
                        pairs.append(AllowedPair(a: members[x], b: members[y], weight: w))
                    }
                }
            }
        }
        pairs.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        return pairs
    }
}

import Foundation

/// The allowed groups of a block, stored flat: group g has members
/// `members[starts[g]..<starts[g+1]]` (local indices, ascending) and `scores[g]`.
struct CandidateGroups: Sendable {
    var members: [Int32] = []
    var starts: [Int32] = [0]
    var scores: [Double] = []

    var count: Int { scores.count }

    subscript(g: Int) -> ArraySlice<Int32> {
        members[Int(starts[g])..<Int(starts[g + 1])]
    }

    func size(_ g: Int) -> Int { Int(starts[g + 1] - starts[g]) }

    mutating func append(_ group: [Int32], score: Double) {
        members.append(contentsOf: group)
        starts.append(Int32(members.count))
        scores.append(score)
    }
}

extension BlockPairs {
    /// Every allowed group (all pairs allowed) whose size is in `sizes`, by
    /// depth-first extension of cliques in index order; nil when there are more
    /// than `limit` (a work budget: the search never looks at the clock).
    ///
    /// - Complexity: O(number of allowed cliques up to the largest size × size).
    func allowedGroups(sizes: ClosedRange<Int>, limit: Int) -> CandidateGroups? {
        var groups = CandidateGroups()
        var stack: [Int32] = []
        func extend(_ next: Int, _ score: Double) -> Bool {
            if sizes.contains(stack.count) {
                groups.append(stack, score: score)
                if groups.count > limit { return false }
            }
            guard stack.count < sizes.upperBound else { return true }
            var c = next
            while c < m {
                var add = 0.0
                for x in stack { add += w(Int(x), c) }
                if add > -.infinity {
                    stack.append(Int32(c))
                    let ok = extend(c + 1, score + add)
                    stack.removeLast()
                    if !ok { return false }
                }
                c += 1
            }
            return true
        }
        for i in 0..<m {
            stack = [Int32(i)]
            guard extend(i + 1, 0) else { return nil }
        }
        return groups
    }
}

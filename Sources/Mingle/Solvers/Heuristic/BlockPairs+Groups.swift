/// An allowed group of a block: local member indices (ascending) and its score.
struct CandidateGroup: Sendable {
    var members: [Int32]
    var score: Double
}

extension BlockPairs {
    /// Every allowed group (all pairs allowed) whose size is in `sizes`, by
    /// depth-first extension of cliques in index order, or nil when there are more
    /// than `limit`.
    ///
    /// - Complexity: O(number of allowed cliques up to the largest size × size).
    func allowedGroups(sizes: ClosedRange<Int>, limit: Int) -> [CandidateGroup]? {
        var groups: [CandidateGroup] = []
        var stack: [Int32] = []
        func extend(_ next: Int, _ score: Double) -> Bool {
            if sizes.contains(stack.count) {
                groups.append(CandidateGroup(members: stack, score: score))
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

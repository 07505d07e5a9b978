/// Exact solution of a small block by dynamic programming over subsets.
///
/// f(S) is the best value (docs/format.md (what the solver looks for) order) achievable with the
/// participants in S. With i the lowest member of S, either i stays unplaced,
/// f(S) = f(S \ {i}), or i is in an allowed group G ⊆ S of size k (or k+1 under
/// `merge`) whose lowest member is i: f(S) = value(G) + f(S \ G). Since every
/// S \ G is numerically below S, masks are filled in increasing order.
///
/// - Complexity: O(Σ_i 2^(m-1-i) · g_i) time and O(2^m) memory, where g_i is the
///   number of allowed groups whose lowest member is i. `solve` declines blocks
///   where that exceeds `workLimit`.
struct SubsetDP {
    static let maxMembers = 20
    static let workLimit = 8_000_000
    static let groupLimit = 400_000

    /// The optimal groups of the block (local indices), or nil when the block is
    /// too large for this method.
    static func solve(_ pairs: BlockPairs, sizes: ClosedRange<Int>, k: Int) -> [[Int]]? {
        let m = pairs.m
        guard m <= maxMembers else { return nil }
        // Allowed groups by lowest member, as bit masks with their score.
        guard let all = pairs.allowedGroups(sizes: sizes, limit: groupLimit) else { return nil }
        var groupsOf = [[(mask: UInt32, score: Double)]](repeating: [], count: m)
        for g in 0..<all.count {
            var mask: UInt32 = 0
            for x in all[g] { mask |= 1 << UInt32(x) }
            groupsOf[Int(all[g].first!)].append((mask, all.scores[g]))
        }
        var work = 0
        for i in 0..<m { work += (1 << (m - 1 - i)) * (groupsOf[i].count + 1) }
        guard work <= workLimit else { return nil }

        let states = 1 << m
        var placed = [Int8](repeating: 0, count: states)
        var oversized = [Int8](repeating: 0, count: states)
        var score = [Double](repeating: 0, count: states)
        var choice = [Int32](repeating: -1, count: states)
        for s in 1..<states {
            let i = s.trailingZeroBitCount
            let rest = s & ~(1 << i)
            var bp = placed[rest], bo = oversized[rest], bs = score[rest], bc: Int32 = -1
            for (g, group) in groupsOf[i].enumerated() where UInt32(s) & group.mask == group.mask {
                let r = s & ~Int(group.mask)
                let size = Int8(group.mask.nonzeroBitCount)
                let p = placed[r] + size
                let o = oversized[r] + (Int(size) > k ? 1 : 0)
                let sc = score[r] + group.score
                if p > bp || (p == bp && (o < bo || (o == bo && sc > bs))) {
                    bp = p; bo = o; bs = sc; bc = Int32(g)
                }
            }
            placed[s] = bp; oversized[s] = bo; score[s] = bs; choice[s] = bc
        }
        var groups: [[Int]] = []
        var s = states - 1
        while s != 0 {
            let i = s.trailingZeroBitCount
            if choice[s] < 0 {
                s &= ~(1 << i)
            } else {
                let mask = groupsOf[i][Int(choice[s])].mask
                groups.append((0..<m).filter { mask & (1 << UInt32($0)) != 0 })
                s &= ~Int(mask)
            }
        }
        return groups
    }
}

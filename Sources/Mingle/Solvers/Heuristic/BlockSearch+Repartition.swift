/// Large-neighbourhood moves: a few groups (and some unplaced participants)
/// are taken out and re-partitioned exactly, by enumeration (the "solve small
/// subproblems exactly" step of large neighbourhood search: Shaw, "Using
/// constraint programming and local search methods to solve vehicle routing
/// problems", CP 1998; Ahuja, Ergun, Orlin & Punnen, "A survey of very
/// large-scale neighborhood search techniques", Discrete Applied Mathematics
/// 123, 2002). For groups of 3, three groups are 9 members and 280 partitions;
/// two groups of 4 are 35, three 5,775.
extension BlockSearch {
    /// Partitions enumerated at most per re-partition on the score (three
    /// groups of 3, two of 4 or 5; not three of 4) and to place more.
    static let partitionLimit = 500
    static let placementPartitionLimit = 6000

    /// The number of ways to split Σ sizes members into groups of `sizes`:
    /// (Σ sizes)! / (Π size! · Π (count of each size)!), saturated at `limit` + 1.
    static func partitionCount(_ sizes: [Int], limit: Int = partitionLimit) -> Int {
        var count = 1.0
        var n = 0
        for s in sizes {
            // Choose this group's s members among the n + s so far: C(n+s, s).
            for i in 0..<s { count = count * Double(n + i + 1) / Double(i + 1) }
            n += s
        }
        // Groups of equal size are unordered: divide by each run's factorial.
        let sorted = sizes.sorted()
        var run = 1
        for i in sorted.indices.dropFirst() {
            run = sorted[i] == sorted[i - 1] ? run + 1 : 1
            count /= Double(run)
        }
        return count > Double(limit) ? limit + 1 : Int(count.rounded())
    }

    /// The best split of `members` (local indices, at most 24) into groups of
    /// `sizes`, every pair allowed, leaving out the |members| − Σ sizes others;
    /// nil when no split is allowed.
    ///
    /// Exhaustive: the lowest free member is left out (while some may be) or
    /// opens a group of each size still needed, with mates chosen among the
    /// later free members; a group that contains a forbidden pair is dropped as
    /// soon as it does.
    ///
    /// - Complexity: O(partitions · Σ sizes) on a table of the s² weights.
    func bestPartition(of members: [Int], sizes: [Int]) -> (groups: [[Int]], score: Double)? {
        let s = members.count
        let needed = sizes.reduce(0, +)
        guard s <= 24, needed <= s else { return nil }
        var table = [Double](repeating: -.infinity, count: s * s)
        for i in 0..<s {
            for j in 0..<s where j != i { table[i * s + j] = pairs.w(members[i], members[j]) }
        }
        let distinct = Array(Set(sizes)).sorted()
        var remaining = distinct.map { size in sizes.filter { $0 == size }.count }
        var best = -Double.infinity
        var bestGroups: [[Int]] = []
        var current: [[Int]] = []
        var group: [Int] = []

        func place(_ free: UInt32, skips: Int, score: Double) {
            if free == 0 {
                if score > best { best = score; bestGroups = current }
                return
            }
            let i = free.trailingZeroBitCount
            let rest = free & ~(1 << UInt32(i))
            if skips > 0 { place(rest, skips: skips - 1, score: score) }
            let outer = group // the group being completed by the caller
            for (t, size) in distinct.enumerated() where remaining[t] > 0 {
                remaining[t] -= 1
                group = [i]
                choose(rest, need: size - 1, free: rest, skips: skips, score: score, groupScore: 0)
                remaining[t] += 1
            }
            group = outer
        }

        // Completes `group` with `need` more members of `candidates`.
        func choose(_ candidates: UInt32, need: Int, free: UInt32, skips: Int, score: Double, groupScore: Double) {
            if need == 0 {
                current.append(group)
                var left = free
                for x in group { left &= ~(1 << UInt32(x)) }
                place(left, skips: skips, score: score + groupScore)
                current.removeLast()
                return
            }
            var options = candidates
            while options != 0 && options.nonzeroBitCount >= need {
                let c = options.trailingZeroBitCount
                options &= ~(1 << UInt32(c))
                var add = 0.0
                for x in group { add += table[x * s + c] }
                guard add > -.infinity else { continue }
                group.append(c)
                choose(options, need: need - 1, free: free, skips: skips, score: score, groupScore: groupScore + add)
                group.removeLast()
            }
        }

        place((1 << UInt32(s)) - 1, skips: s - needed, score: 0)
        guard best > -.infinity else { return nil }
        return (bestGroups.map { $0.map { members[$0] } }, best)
    }

    /// The score of slot g's group.
    func groupScore(_ g: Int) -> Double {
        var total = 0.0
        for x in groups[g] { total += contribution[Int(x)] }
        return total / 2
    }

    /// Re-partitions the members of `slots` (plus the unplaced `extra`) into
    /// groups of the same sizes plus `added` more groups of k, when that places
    /// more (added > 0) or scores more; true when it did. Whoever the new
    /// groups leave out is unplaced.
    mutating func repartition(_ slots: [Int], extra: [Int] = [], added: Int = 0,
                              limit: Int = BlockSearch.partitionLimit) -> Bool {
        var members = extra
        var sizes: [Int] = []
        var before = 0.0
        for g in slots {
            members += groups[g].map(Int.init)
            sizes.append(groups[g].count)
            before += groupScore(g)
        }
        sizes += Array(repeating: k, count: added)
        guard BlockSearch.partitionCount(sizes, limit: limit) <= limit,
              let found = bestPartition(of: members, sizes: sizes) else { return false }
        let split = found.groups
        guard added > 0 || found.score > before + BlockSearch.improvement * (1 + abs(before)) else { return false }
        for x in members where groupOf[x] >= 0 { contribution[x] = 0 }
        for x in members { groupOf[x] = -1 }
        for (i, g) in slots.enumerated() {
            touch(g)
            groups[g] = split[i].map { Int32($0) }
            for x in split[i] { groupOf[x] = Int32(g) }
        }
        for g in slots { refreshContributions(g) }
        for newGroup in split.dropFirst(slots.count) { addGroup(newGroup) }
        return true
    }

    /// The groups holding the strongest partners of slot g's members (by the
    /// largest weight from a member of g), best first, at most `count`.
    func relatedGroups(of g: Int, count: Int) -> [Int] {
        var strongest = [Double](repeating: -.infinity, count: groups.count)
        for aa in groups[g] {
            let a = Int(aa)
            for b in 0..<m {
                let h = Int(groupOf[b])
                guard h >= 0, h != g else { continue }
                strongest[h] = max(strongest[h], pairs.w(a, b))
            }
        }
        let related = strongest.indices.filter { strongest[$0] > -.infinity }
            .sorted { strongest[$0] > strongest[$1] || (strongest[$0] == strongest[$1] && $0 < $1) }
        return Array(related.prefix(count))
    }

    /// One sweep of large-neighbourhood descent on the score: for each group g
    /// (slot order), g with each of its three most related groups, then with
    /// two of them, re-partitioned exactly when the count of partitions allows;
    /// `descend` follows each improvement. Placement never changes. True when
    /// some re-partition improved the score.
    ///
    /// - Complexity: O(G · (k m + 6 · partitions · k)) for G groups.
    mutating func repartitionSweep() -> Bool {
        var improved = false
        for g in groups.indices where !groups[g].isEmpty {
            if timeIsUp { break }
            let related = relatedGroups(of: g, count: 3)
            var sets = related.map { [g, $0] }
            for i in related.indices {
                for j in (i + 1)..<related.count { sets.append([g, related[i], related[j]]) }
            }
            for slots in sets where repartition(slots) {
                improved = true
                var touched: [Int] = []
                for h in slots { touched += groups[h].map(Int.init) }
                descend(touched)
                break
            }
        }
        return improved
    }

    /// Large-neighbourhood descent: `repartitionSweep` until a sweep improves
    /// nothing, at most `sweeps` times.
    mutating func polish(sweeps: Int) {
        for _ in 0..<sweeps where !timeIsUp {
            guard repartitionSweep() else { return }
        }
    }

    /// Places more by re-partitioning: k unplaced participants with one or
    /// two groups (those holding their strongest partners) into one group
    /// more. True when it placed some.
    mutating func placeByRepartition() -> Bool {
        var placedMore = false
        var tries = 0
        while tries < m {
            let unplaced = (0..<m).filter { groupOf[$0] == -1 }
            guard unplaced.count >= k else { break }
            var found = false
            // Windows of k unplaced participants, each with the related groups of its first one.
            for start in stride(from: 0, through: unplaced.count - k, by: 1) where !found {
                tries += 1
                let extra = Array(unplaced[start..<(start + k)])
                var related: [Int] = []
                for u in extra {
                    for b in 0..<m where groupOf[b] >= 0 && pairs.w(u, b) > -.infinity && !related.contains(Int(groupOf[b])) {
                        related.append(Int(groupOf[b]))
                    }
                }
                var sets = related.map { [$0] }
                for i in related.indices {
                    for j in (i + 1)..<related.count { sets.append([related[i], related[j]]) }
                }
                for slots in sets.prefix(64) where repartition(slots, extra: extra, added: 1, limit: BlockSearch.placementPartitionLimit) {
                    found = true
                    break
                }
                if tries >= m { break }
            }
            guard found else { break }
            placedMore = true
        }
        return placedMore
    }
}

extension ScaleSearch {
    /// Places more members, each move improving the first two criteria of docs/format.md
    /// section 2 (so the loop ends): new groups of k from the unplaced and
    /// members of groups of k+1;
    /// under `merge`, insertion of an unplaced member into a group of k; and
    /// one-step ejection (u takes a's place, a goes into a group of k under
    /// `merge`, or forms a group of k with unplaced members). Groups near u are
    /// found by sampling the profiles ranked for u, then, for small blocks or
    /// as a last resort when at most `lastResortLimit` members are left
    /// unplaced, by scanning every group (a few milliseconds each, even on a
    /// block of a million: a placement proven best keeps the bound tight).
    ///
    /// - Parameter finishing: the last call: when the time is up and at most
    ///   `lastResortLimit` members are unplaced, two rounds still run (a
    ///   bounded amount of work: the bound of an unproven placement is loose).
    mutating func improvePlacement(finishing: Bool = false) {
        var changed = true
        var rounds = 0
        var graceRounds: Int? = nil
        while changed && rounds < 8 {
            if timeIsUp {
                if graceRounds == nil {
                    var left = 0
                    for x in 0..<m where groupOf[x] < 0 { left += 1 }
                    guard finishing, left <= ScaleSearch.lastResortLimit else { return }
                    graceRounds = 2
                }
                guard graceRounds! > 0 else { return }
                graceRounds! -= 1
            }
            changed = false
            rounds += 1
            if formGroupsFromUnplaced() { changed = true }
            let unplaced = (0..<m).filter { groupOf[$0] < 0 }
            for u in unplaced where groupOf[u] < 0 {
                if timeIsUp && graceRounds == nil {
                    changed = true // the next round decides whether to go on
                    break
                }
                let near = groupsNear(u)
                if merge, insertIntoGroupOfK(u, candidates: near) { changed = true; continue }
                if eject(u, candidates: near, unplaced: unplaced) { changed = true; continue }
                if merge, near.count < groupCount, unplaced.count <= ScaleSearch.lastResortLimit,
                   insertIntoGroupOfK(u, candidates: Array(0..<groupCount)) { changed = true }
            }
        }
    }

    /// The most unplaced members for which every group is scanned.
    static let lastResortLimit = 64

    /// Groups holding members of the best-ranked profiles for u (sampled), or
    /// every group when the block is small.
    func groupsNear(_ u: Int) -> [Int] {
        if groupCount <= 256 { return Array(0..<groupCount) }
        var rng = self.rng.fork(UInt64(u))
        var ranked = rankedProfiles(for: [profile(u)]) { profiles.sizes[$0] > 0 }
        var seen = Set<Int>()
        var groups: [Int] = []
        var visited = 0
        while visited < 4 * ScaleSearch.poolsPerStep, let (_, q) = ScaleSearch.popBest(&ranked) {
            visited += 1
            let lo = profiles.start[q], n = profiles.sizes[q]
            let first = rng.below(n)
            for t in 0..<min(n, ScaleSearch.samplesPerPool) {
                let g = Int(groupOf[Int(profiles.byProfile[lo + (first + t) % n])])
                if g >= 0, seen.insert(g).inserted { groups.append(g) }
            }
        }
        return groups
    }

    /// The best group of exactly k that u can join.
    mutating func insertIntoGroupOfK(_ u: Int, candidates: [Int]) -> Bool {
        var best: (gain: Double, group: Int)? = nil
        for g in candidates where Int(sizes[g]) == k {
            if let add = gain(u, into: g), best == nil || add > best!.gain { best = (add, g) }
        }
        guard let best else { return false }
        insert(u, into: best.group)
        return true
    }

    /// New groups of k from the unplaced and, under `merge`, at most one member
    /// taken from each group of k+1 (unplaced candidates first, best gain
    /// first). Any such group improves the value: with an unplaced member it
    /// places more; without, it turns k groups of k+1 into groups of k.
    mutating func formGroupsFromUnplaced() -> Bool {
        var unplaced = (0..<m).filter { groupOf[$0] < 0 }
        var spare: [Int] = []
        if merge {
            for g in 0..<groupCount where Int(sizes[g]) == maxSize { spare += members(of: g).map { Int($0) } }
        }
        guard unplaced.count + spare.count >= k else { return false }
        unplaced = Array(unplaced.prefix(4096))
        spare = Array(spare.prefix(4096))
        var formed = false
        var taken = Set<Int>()
        func available(_ c: Int, _ group: [Int], _ used: [Int32]) -> Bool {
            if taken.contains(c) || group.contains(c) { return false }
            let g = groupOf[c]
            return g < 0 || (Int(sizes[Int(g)]) == maxSize && !used.contains(g))
        }
        for s in unplaced + spare where available(s, [], []) {
            var group = [s]
            var used: [Int32] = groupOf[s] >= 0 ? [groupOf[s]] : []
            while group.count < k {
                var best: (value: Double, member: Int)? = nil
                for candidates in [unplaced, spare] {
                    for c in candidates where available(c, group, used) {
                        var total = 0.0
                        var allowed = true
                        for x in group {
                            guard let wx = w(c, x) else { allowed = false; break }
                            total += wx
                        }
                        if allowed, best == nil || total > best!.value { best = (total, c) }
                    }
                    if best != nil { break }
                }
                guard let best else { break }
                if groupOf[best.member] >= 0 { used.append(groupOf[best.member]) }
                group.append(best.member)
            }
            guard group.count == k else { continue }
            for x in group {
                if groupOf[x] >= 0 { remove(x) }
                taken.insert(x)
            }
            addGroup(group)
            formed = true
        }
        return formed
    }

    /// u takes the place of a member a of a nearby group, and a goes into a
    /// group of k (merge) or forms a new group with unplaced members.
    mutating func eject(_ u: Int, candidates: [Int], unplaced: [Int]) -> Bool {
        for g in candidates where sizes[g] > 0 {
            for aa in members(of: g) {
                let a = Int(aa)
                guard gain(u, into: g, except: a) != nil else { continue }
                if merge {
                    for h in groupsNear(a) where h != g && Int(sizes[h]) == k && gain(a, into: h) != nil {
                        replace(a, by: u)
                        insert(a, into: h)
                        return true
                    }
                }
                var group = [a]
                for c in unplaced where c != u && groupOf[c] < 0 && group.count < k {
                    if group.allSatisfy({ w(c, $0) != nil }) { group.append(c) }
                }
                if group.count == k {
                    replace(a, by: u)
                    addGroup(group)
                    return true
                }
            }
        }
        return false
    }
}

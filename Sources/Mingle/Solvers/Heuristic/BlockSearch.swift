import Foundation

/// The state of the heuristic inside one block: which group each participant is
/// in, the groups, and each member's contribution to its group's score.
///
/// Groups live in slots that may become empty; `groupOf[a] == -1` means a is
/// unplaced. The value kept is the docs/format.md (what the solver looks for) tuple (placed, oversized, score).
struct BlockSearch {
    let pairs: BlockPairs
    let k: Int
    let maxSize: Int
    var rng: SplitMix64
    let budget: SolveBudget

    var groupOf: [Int32]
    var groups: [[Int32]] = []
    /// contribution[a] = Σ_{x in group(a), x ≠ a} w(a, x).
    var contribution: [Double]
    /// Candidate pairs the descent has examined (m per member), and the most
    /// it may (`SolveBudget.descentPairs`): the work budget that bounds the
    /// search on large blocks whatever the machine's speed.
    var examined = 0
    let examinable: Int

    /// While a kick is tried (`iterate`): each group slot changed since the
    /// last accepted state, with its members then, so that a rejected kick is
    /// undone in the time of the groups it touched (`rollBack`).
    var journal: [(slot: Int, members: [Int32])] = []
    var journaling = false
    /// journalStamp[g] == kickStamp when slot g is already in the journal.
    var journalStamp: [Int] = []
    var kickStamp = 0

    /// Scan at most this many candidates when building a group in a large block.
    static let candidateWindow = 2048
    static let improvement = 1e-9

    init(pairs: BlockPairs, k: Int, maxSize: Int, rng: SplitMix64, budget: SolveBudget) {
        self.pairs = pairs
        self.k = k
        self.maxSize = maxSize
        self.rng = rng
        self.budget = budget
        self.examinable = SolveBudget.descentPairs(members: pairs.m, dense: pairs.isDense)
        self.groupOf = [Int32](repeating: -1, count: pairs.m)
        self.contribution = [Double](repeating: 0, count: pairs.m)
    }

    var m: Int { pairs.m }
    var merge: Bool { maxSize > k }

    /// Σ_{x in g, x ≠ excluded} w(a, x): the score a would bring to g.
    @inline(__always)
    func gain(_ a: Int, into g: Int, excluding excluded: Int = -1) -> Double {
        var total = 0.0
        for x in groups[g] where Int(x) != excluded && Int(x) != a { total += pairs.w(a, Int(x)) }
        return total
    }

    /// Records slot g's members before its first change of the current kick.
    @inline(__always)
    mutating func touch(_ g: Int) {
        guard journaling else { return }
        while journalStamp.count <= g { journalStamp.append(0) }
        guard journalStamp[g] != kickStamp else { return }
        journalStamp[g] = kickStamp
        journal.append((g, groups[g]))
    }

    /// Starts a journal: changes from here on can be undone by `rollBack`.
    mutating func beginJournal() {
        journaling = true
        kickStamp += 1
        journal.removeAll(keepingCapacity: true)
    }

    /// Undoes every change since `beginJournal` (the slots journaled get their
    /// members back; whoever they held since is unplaced again).
    mutating func rollBack() {
        for (g, _) in journal {
            for x in groups[g] { groupOf[Int(x)] = -1; contribution[Int(x)] = 0 }
        }
        for (g, members) in journal {
            groups[g] = members
            for x in members { groupOf[Int(x)] = Int32(g) }
        }
        for (g, _) in journal { refreshContributions(g) }
        beginJournal()
    }

    mutating func refreshContributions(_ g: Int) {
        for x in groups[g] { contribution[Int(x)] = gain(Int(x), into: g) }
    }

    mutating func addGroup(_ members: [Int]) {
        let g = groups.count
        groups.append([])
        touch(g)
        groups[g] = members.map { Int32($0) }
        for x in members { groupOf[x] = Int32(g) }
        refreshContributions(g)
    }

    mutating func insert(_ a: Int, into g: Int) {
        touch(g)
        groups[g].append(Int32(a))
        groupOf[a] = Int32(g)
        refreshContributions(g)
    }

    mutating func remove(_ a: Int) {
        let g = Int(groupOf[a])
        touch(g)
        groups[g].removeAll { $0 == Int32(a) }
        groupOf[a] = -1
        contribution[a] = 0
        refreshContributions(g)
    }

    /// Replaces member `a` of its group by `b` (unplaced or from another group).
    mutating func replace(_ a: Int, by b: Int) {
        let g = Int(groupOf[a])
        touch(g)
        let index = groups[g].firstIndex(of: Int32(a))!
        groups[g][index] = Int32(b)
        groupOf[a] = -1
        groupOf[b] = Int32(g)
        contribution[a] = 0
        refreshContributions(g)
    }

    /// The safety net (time limit, cancellation); the search itself stops on work.
    var timeIsUp: Bool { budget.isOver }

    // MARK: - Construction

    /// Greedy construction: most constrained participants first (fewest allowed
    /// partners, ties broken by the seed), each grown into a group by adding the
    /// free candidate with the largest gain.
    ///
    /// - Complexity: O(m² k) for dense blocks, O(m · window · k) otherwise.
    mutating func construct() {
        var keys = [UInt64](repeating: 0, count: m)
        for a in 0..<m {
            var degree = 0
            if pairs.isDense {
                for b in 0..<m where b != a && pairs.w(a, b) > -.infinity { degree += 1 }
            }
            keys[a] = UInt64(min(degree, 0xFFFF)) << 48 | (rng.next() >> 16)
        }
        let order = (0..<m).sorted { keys[$0] < keys[$1] }
        let window = SolveBudget.constructionWindow(BlockSearch.candidateWindow, members: m)
        var free = order // candidates, in the same order
        var position = [Int](repeating: 0, count: m)
        for (i, a) in free.enumerated() { position[a] = i }
        func take(_ a: Int) {
            let i = position[a], last = free.count - 1
            free.swapAt(i, last)
            position[free[i]] = i
            free.removeLast()
        }
        // Cut by the safety net (checked every 64 seeds): the members not
        // reached stay unplaced, which is a valid grouping.
        var seeds = 0
        for s in order where groupOf[s] == -1 {
            seeds += 1
            if seeds & 63 == 0 && timeIsUp { break }
            var group = [s]
            var groupScore = 0.0
            while group.count < k {
                var best = -Double.infinity, bestCandidate = -1
                var scanned = 0
                let start = free.count > window ? rng.below(free.count) : 0
                var i = 0
                while i < free.count && scanned < window {
                    let c = free[(start + i) % free.count]
                    i += 1
                    if c == s || group.contains(c) { continue }
                    scanned += 1
                    var add = 0.0
                    for x in group { add += pairs.w(c, x) }
                    if add > best {
                        best = add
                        bestCandidate = c
                    }
                }
                guard bestCandidate >= 0 else { break }
                group.append(bestCandidate)
                groupScore += best
            }
            if group.count == k {
                for x in group { take(x) }
                addGroup(group)
            }
        }
    }

    // MARK: - Placement

    /// Places more participants, or turns groups of k+1 back into groups of k:
    /// insertion into a group of k (merge), new groups from the unplaced plus at
    /// most one member of each group of k+1, and one-step ejection (u takes a's
    /// place, a goes elsewhere). Every accepted move improves the first two
    /// criteria of docs/format.md (what the solver looks for), so the loop ends.
    mutating func improvePlacement() {
        var changed = true
        while changed && !timeIsUp {
            changed = false
            if formGroupsFromPool() { changed = true }
            for u in 0..<m where groupOf[u] == -1 {
                // Each move scans the block's groups: checked before every one.
                if timeIsUp { return }
                if merge, insertIntoGroupOfK(u) { changed = true; continue }
                if ejectInto(u) { changed = true }
            }
        }
    }

    /// The best group of exactly k into which `u` can be inserted.
    mutating func insertIntoGroupOfK(_ u: Int) -> Bool {
        var best = -Double.infinity, bestGroup = -1
        for g in groups.indices where groups[g].count == k {
            let add = gain(u, into: g)
            if add > best { best = add; bestGroup = g }
        }
        guard bestGroup >= 0 else { return false }
        insert(u, into: bestGroup)
        return true
    }

    /// Forms new groups of k from the unplaced, plus (under merge) at most one
    /// member taken from each group of k+1. Any such group improves the value:
    /// with an unplaced member it places more; without, it removes k groups of k+1.
    mutating func formGroupsFromPool() -> Bool {
        var unplaced: [Int] = []
        for a in 0..<m where groupOf[a] == -1 { unplaced.append(a) }
        var spare: [Int] = []
        if merge {
            for g in groups.indices where groups[g].count == maxSize { spare.append(contentsOf: groups[g].map(Int.init)) }
        }
        guard unplaced.count + spare.count >= k else { return false }
        var formed = false
        func available(_ c: Int, _ group: [Int], _ used: [Int32]) -> Bool {
            if group.contains(c) { return false }
            let g = groupOf[c]
            return g == -1 || (groups[Int(g)].count == maxSize && !used.contains(g))
        }
        for s in unplaced + spare where available(s, [], []) {
            if timeIsUp { break }
            var group = [s]
            var used: [Int32] = groupOf[s] >= 0 ? [groupOf[s]] : []
            while group.count < k {
                var bestCandidate = -1, best = -Double.infinity
                // Unplaced candidates first: placing them is the first criterion.
                for candidates in [unplaced, spare] {
                    for c in candidates where available(c, group, used) {
                        var add = 0.0
                        for x in group { add += pairs.w(c, x) }
                        if add > best { best = add; bestCandidate = c }
                    }
                    if bestCandidate >= 0 { break }
                }
                guard bestCandidate >= 0 else { break }
                if groupOf[bestCandidate] >= 0 { used.append(groupOf[bestCandidate]) }
                group.append(bestCandidate)
            }
            guard group.count == k else { continue }
            for x in group where groupOf[x] >= 0 { remove(x) }
            addGroup(group)
            formed = true
        }
        return formed
    }

    /// u takes the place of a member a of some group, and a is then inserted into
    /// another group of k (merge) or forms a new group with unplaced participants.
    mutating func ejectInto(_ u: Int) -> Bool {
        for g in groups.indices where !groups[g].isEmpty {
            for aa in groups[g] {
                let a = Int(aa)
                guard gain(u, into: g, excluding: a) > -.infinity else { continue }
                // Where could a go?
                if merge {
                    for h in groups.indices where h != g && groups[h].count == k && gain(a, into: h) > -.infinity {
                        replace(a, by: u)
                        insert(a, into: h)
                        return true
                    }
                }
                // A new group for a with k-1 unplaced others (not u).
                var group = [a]
                for c in 0..<m where c != u && groupOf[c] == -1 && group.count < k {
                    var ok = true
                    for x in group where pairs.w(c, x) == -.infinity { ok = false; break }
                    if ok { group.append(c) }
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

    // MARK: - Score

    /// Descent on the score at fixed placement, driven by a queue of members to
    /// examine: for a member a, the first improving move among a swap with a
    /// member of another group, a swap with an unplaced participant, a move of a
    /// out of a group of k+1 into a group of k, or (a unplaced) taking some
    /// member's place. A move changes only the groups it touches, so only their
    /// members (and whoever it leaves unplaced) are queued again; the queue
    /// empties exactly at a local optimum of these moves, or when the work
    /// budget (`examinable`) or the safety net stops it.
    ///
    /// - Complexity: O(m k) per member examined.
    mutating func descend(_ start: [Int]) {
        var queued = [Bool](repeating: false, count: m)
        var queue: [Int] = []
        func push(_ a: Int) {
            if !queued[a] { queued[a] = true; queue.append(a) }
        }
        func pushGroup(_ g: Int) {
            for x in groups[g] { push(Int(x)) }
        }
        for a in start { push(a) }
        var head = 0
        while head < queue.count {
            if examined >= examinable || (head & 63 == 0 && timeIsUp) { return }
            examined += m
            let a = queue[head]
            head += 1
            queued[a] = false
            if head > 4096 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            guard let (b, touched) = improvingMove(a) else { continue }
            for g in touched { pushGroup(g) }
            if b >= 0, groupOf[b] == -1 { push(b) }
            if groupOf[a] == -1 { push(a) }
        }
    }

    /// Applies the first improving move of `a` (see `descend`); returns the
    /// other member involved (-1 when none) and the groups changed.
    mutating func improvingMove(_ a: Int) -> (Int, [Int])? {
        let ga = Int(groupOf[a])
        if ga < 0 {
            // a unplaced: take the place of some member b.
            for b in 0..<m where groupOf[b] >= 0 {
                let gb = Int(groupOf[b])
                let aInB = gain(a, into: gb, excluding: b)
                if aInB - contribution[b] > BlockSearch.improvement * (1 + abs(contribution[b])) {
                    replace(b, by: a)
                    return (b, [gb])
                }
            }
            return nil
        }
        // From a random offset, so that the first improvement is not biased to low indices.
        let offset = rng.below(m)
        let b = pairs.isDense && m > 0 ? firstExchangeDense(a, offset: offset) : firstExchange(a, offset: offset)
        if b >= 0 {
            let gb = Int(groupOf[b])
            if gb >= 0 {
                swapMembers(a, b)
                return (b, [ga, gb])
            }
            replace(a, by: b)
            return (b, [ga])
        }
        guard merge else { return nil }
        if groups[ga].count == maxSize {
            // a leaves its group of k+1 for a group of k.
            for h in groups.indices where h != ga && groups[h].count == k {
                if gain(a, into: h) - contribution[a] > BlockSearch.improvement * (1 + abs(contribution[a])) {
                    remove(a)
                    insert(a, into: h)
                    return (-1, [ga, h])
                }
            }
        } else if groups[ga].count == k {
            // A member c of a group of k+1 joins a's group.
            for g in groups.indices where g != ga && groups[g].count == maxSize {
                for cc in groups[g] {
                    let c = Int(cc)
                    if gain(c, into: ga) - contribution[c] > BlockSearch.improvement * (1 + abs(contribution[c])) {
                        remove(c)
                        insert(c, into: ga)
                        return (-1, [ga, g])
                    }
                }
            }
        }
        return nil
    }

    /// The first b (from `offset`, cyclically) whose exchange with the placed
    /// member a improves the score: a swap when b is in another group, b
    /// taking a's place when b is unplaced; -1 when none.
    ///
    /// - Complexity: O(m k) weights.
    func firstExchange(_ a: Int, offset: Int) -> Int {
        let ga = Int(groupOf[a])
        for i in 0..<m {
            let b = i < m - offset ? i + offset : i + offset - m
            let gb = Int(groupOf[b])
            guard b != a && gb != ga else { continue }
            let bInA = gain(b, into: ga, excluding: a)
            guard bInA > -.infinity else { continue }
            if gb >= 0 {
                let aInB = gain(a, into: gb, excluding: b)
                guard aInB > -.infinity else { continue }
                let delta = bInA + aInB - contribution[a] - contribution[b]
                if delta > BlockSearch.improvement * (1 + abs(contribution[a]) + abs(contribution[b])) { return b }
            } else if bInA - contribution[a] > BlockSearch.improvement * (1 + abs(contribution[a])) {
                return b
            }
        }
        return -1
    }

    /// `firstExchange` on a tabulated block, reading the weight table's rows
    /// directly: the same sums in the same order (so the same b, to the bit),
    /// without the per-weight checks of `gain`. The descent spends most of its
    /// time here.
    func firstExchangeDense(_ a: Int, offset: Int) -> Int {
        let ga = Int(groupOf[a])
        let mates = groups[ga].filter { Int($0) != a }
        let ca = contribution[a]
        let threshold = BlockSearch.improvement * (1 + abs(ca))
        return pairs.withDenseTable { w in
            groupOf.withUnsafeBufferPointer { groupOf in
                contribution.withUnsafeBufferPointer { contribution in
                    mates.withUnsafeBufferPointer { mates in
                        let rowA = a * m
                        for i in 0..<m {
                            let b = i < m - offset ? i + offset : i + offset - m
                            let gb = Int(groupOf[b])
                            guard gb != ga else { continue }
                            let rowB = b * m
                            var bInA = 0.0
                            for x in mates { bInA += w[rowB + Int(x)] }
                            guard bInA > -.infinity else { continue }
                            if gb >= 0 {
                                var aInB = 0.0
                                for y in groups[gb] where Int(y) != b { aInB += w[rowA + Int(y)] }
                                guard aInB > -.infinity else { continue }
                                let cb = contribution[b]
                                if bInA + aInB - ca - cb > BlockSearch.improvement * (1 + abs(ca) + abs(cb)) { return b }
                            } else if bInA - ca > threshold {
                                return b
                            }
                        }
                        return -1
                    }
                }
            }
        }
    }

    /// The block's score: Σ contributions / 2.
    var score: Double {
        var total = 0.0
        for c in contribution { total += c }
        return total / 2
    }

    /// Iterated local search (Lourenço, Martin & Stützle, "Iterated local
    /// search", Handbook of Metaheuristics, 2003): from the local optimum, each
    /// kick moves three random members cyclically between their groups (or with
    /// the unplaced; only exchanges that keep every pair allowed), `descend`
    /// repairs the touched groups, and the result is kept when it scores at
    /// least as well as the best so far (equal scores let the search walk
    /// plateaus), otherwise the kick is undone from the journal. Placement
    /// never changes: every move keeps the placed and oversized counts.
    ///
    /// - Complexity: O(kicks · k² · m) (each kick examines the O(k) members of
    ///   the touched groups against every member), plus O(m) per kick to compare.
    mutating func iterate(kicks: Int) {
        descend(Array(0..<m))
        guard m >= 2 * k, kicks > 0 else { return }
        var bestScore = score
        beginJournal()
        for _ in 0..<kicks {
            if examined >= examinable || timeIsUp { break }
            // A cyclic exchange a -> group(b) -> group(c) -> group(a) (two swaps
            // sharing b), which one swap of the descent cannot undo.
            var touched: [Int] = []
            let a = rng.below(m), b = rng.below(m), c = rng.below(m)
            if exchange(a, b) {
                touched = [a, b]
                if groupOf[c] != groupOf[a] && exchange(b, c) { touched.append(c) }
            }
            guard !touched.isEmpty else { continue }
            var start = touched
            for x in touched where groupOf[x] >= 0 { start += groups[Int(groupOf[x])].map(Int.init) }
            descend(start)
            let now = score
            if now >= bestScore - BlockSearch.improvement * (1 + abs(bestScore)) {
                bestScore = max(bestScore, now)
                beginJournal()
            } else {
                rollBack()
            }
        }
        rollBack()
        journaling = false
    }

    /// Exchanges x and y (members of two groups, or a member and an unplaced
    /// participant) when every pair stays allowed; false when not.
    mutating func exchange(_ x: Int, _ y: Int) -> Bool {
        let gx = Int(groupOf[x]), gy = Int(groupOf[y])
        guard gx != gy else { return false }
        if gx >= 0 && gy >= 0 {
            guard gain(y, into: gx, excluding: x) > -.infinity, gain(x, into: gy, excluding: y) > -.infinity else { return false }
            swapMembers(x, y)
        } else if gx >= 0 {
            guard gain(y, into: gx, excluding: x) > -.infinity else { return false }
            replace(x, by: y)
        } else {
            guard gain(x, into: gy, excluding: y) > -.infinity else { return false }
            replace(y, by: x)
        }
        return true
    }

    mutating func swapMembers(_ a: Int, _ b: Int) {
        let ga = Int(groupOf[a]), gb = Int(groupOf[b])
        touch(ga)
        touch(gb)
        let ia = groups[ga].firstIndex(of: Int32(a))!, ib = groups[gb].firstIndex(of: Int32(b))!
        groups[ga][ia] = Int32(b)
        groups[gb][ib] = Int32(a)
        groupOf[a] = Int32(gb)
        groupOf[b] = Int32(ga)
        refreshContributions(ga)
        refreshContributions(gb)
    }
}

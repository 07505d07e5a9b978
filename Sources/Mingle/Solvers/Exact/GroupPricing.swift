import Foundation

/// The pricing problem of the set-packing master (`BranchAndPrice`): among the
/// allowed groups of a block that respect a node's branching decisions, find
/// those of largest reduced cost
///
///     rc(g) = λ·W(g) − Σ_{i∈g} y_i + e_{|g|}
///
/// where W(g) is the group's score (sum of its pair weights), y the member
/// duals and e_s a constant per size (the stage's own value of a group of size
/// s minus the duals of the size rows). Without listing every group: a
/// depth-first search over *units* (members, or members that a "together"
/// decision binds) in order of their own value λ·W(u) − y(u), best first, each
/// partial group extended only by later compatible units, and cut off when the
/// best completion cannot beat the threshold.
///
/// The completion bound: to add r more members to a partial group S with
/// candidates C, each candidate c brings gain(c) = λ·W(c) − y(c) + λ·Σ_{s∈S} w(s,c)
/// plus its share of the pairs among the added members, at most
/// q_r(c) = ½ · (sum of c's r−1 largest weights). So
///
///     rc(S ∪ R) ≤ rc(S) + e_s + (sum of the r largest gain(c) + λ·q_r(c), c ∈ C)
///
/// which is exact for the last member (r = 1). A bounded enumeration of
/// cliques in the manner of the pricing of Mehrotra & Trick ("Cliques and
/// clustering: a combinatorial approach", Operations Research Letters 22(1),
/// 1998, 1–12), specialised to groups of bounded size; the completion bound
/// is this project's own.
///
/// The search is exact: when it completes, no group outside the answer has a
/// reduced cost above the threshold. If its budget stops it, `maximum` is
/// still an upper bound on every group's reduced cost (the unexplored first
/// members are bounded by the completion bound), so Lagrangian bounds stay valid.
///
/// - Complexity: O(visited partial groups × candidates); building a node's
///   graph is O(m²) time and memory (m the block's members).
struct GroupPricing {
    /// Search steps per pricing call: the work budget (the time limit is the
    /// safety net); a call stopped by it is incomplete, like one stopped by time.
    static let visitLimit = 1 << 26
    /// Members (local indices) of each unit.
    let units: [[Int32]]
    /// Members per unit.
    let unitSize: [Int]
    /// λ times the unit's internal score (0 for a single member).
    let unitScore: [Double]
    /// λ·w between units (n×n), −infinity when they may not share a group.
    let weight: [Double]
    /// ½ × the sum of the j largest weights of unit u, at `u * slots + j - 1`:
    /// exact sums when every unit is one member, else sums of positive parts.
    let topHalf: [Double]
    let slots: Int
    /// Allowed group sizes (members), ascending.
    let sizes: [Int]
    /// Whether every unit is a single member (then r added units are r members).
    let singleMembers: Bool

    var n: Int { units.count }

    /// The pricing graph of a node.
    ///
    /// - Parameters:
    ///   - pairs: the block's pair weights.
    ///   - lambda: 1 when the score counts (stage 3), 0 for the placement stages.
    ///   - sizes: allowed sizes.
    ///   - together, apart: the node's Ryan–Foster decisions (local member pairs).
    init(pairs: BlockPairs, lambda: Double, sizes: [Int], together: [(Int, Int)], apart: [(Int, Int)]) {
        let m = pairs.m
        // Units: classes of the "together" decisions.
        var parent = Array(0..<m)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for (a, b) in together { parent[find(a)] = find(b) }
        var unitOf = [Int](repeating: -1, count: m)
        var units: [[Int32]] = []
        for x in 0..<m {
            let r = find(x)
            if unitOf[r] < 0 { unitOf[r] = units.count; units.append([]) }
            unitOf[x] = unitOf[r]
            units[unitOf[x]].append(Int32(x))
        }
        let n = units.count
        let maxSize = sizes.last ?? 0
        var apartSet = Set<Int>()
        for (a, b) in apart { apartSet.insert(min(a, b) * m + max(a, b)) }
        var weight = [Double](repeating: -.infinity, count: n * n)
        var unitScore = [Double](repeating: 0, count: n)
        var usable = [Bool](repeating: true, count: n)
        for u in 0..<n {
            var s = 0.0
            let list = units[u]
            for x in 0..<list.count {
                for y in (x + 1)..<list.count {
                    let (a, b) = (Int(list[x]), Int(list[y]))
                    s += pairs.w(a, b)
                    if apartSet.contains(min(a, b) * m + max(a, b)) { s = -.infinity }
                }
            }
            unitScore[u] = lambda == 0 ? (s > -.infinity ? 0 : -.infinity) : s
            usable[u] = s > -.infinity && list.count <= maxSize
        }
        for u in 0..<n where usable[u] {
            for v in (u + 1)..<n where usable[v] {
                var s = 0.0
                outer: for a in units[u] {
                    for b in units[v] {
                        let w = pairs.w(Int(a), Int(b))
                        if w == -.infinity || apartSet.contains(Int(min(a, b)) * m + Int(max(a, b))) { s = -.infinity; break outer }
                        s += w
                    }
                }
                if s > -.infinity {
                    let value = lambda * s
                    weight[u * n + v] = value
                    weight[v * n + u] = value
                }
            }
        }
        let singleMembers = units.allSatisfy { $0.count == 1 }
        let slots = max(1, maxSize - 1)
        var topHalf = [Double](repeating: 0, count: n * slots)
        var row: [Double] = []
        for u in 0..<n {
            row.removeAll(keepingCapacity: true)
            for v in 0..<n where weight[u * n + v] > -.infinity { row.append(singleMembers ? weight[u * n + v] : max(0, weight[u * n + v])) }
            row.sort(by: >)
            var sum = 0.0
            for j in 0..<slots {
                if j < row.count { sum += row[j] } else if singleMembers { sum = -.infinity }
                topHalf[u * slots + j] = sum / 2
            }
        }
        self.units = units
        self.unitSize = units.map(\.count)
        self.unitScore = unitScore
        self.weight = weight
        self.topHalf = topHalf
        self.slots = slots
        self.sizes = sizes
        self.singleMembers = singleMembers
    }

    /// What a pricing call found.
    struct Answer {
        /// Groups (local members, ascending) with their reduced costs, best first.
        var columns: [(members: [Int32], reducedCost: Double)]
        /// An upper bound on every allowed group's reduced cost (the largest one
        /// when the search completed), at least the threshold.
        var maximum: Double
        /// The search ran to the end (not stopped by `visitLimit`, the safety net or `limit`).
        var complete: Bool
    }

    /// The groups of reduced cost above `threshold`: the `keep` best of them
    /// (all when `keep` is nil; the search stops when more than `limit` are found).
    ///
    /// - Parameters:
    ///   - duals: y per member (local index).
    ///   - sizeValue: e_s, indexed by size.
    func price(duals: [Double], sizeValue: [Double], threshold: Double, keep: Int?, limit: Int = .max,
               budget: SolveBudget) -> Answer {
        let n = self.n
        let maxSize = sizes.last ?? 0
        let own = ownValues(duals)
        // Units in order of their own value, best first (stable: index on ties).
        let order = (0..<n).filter { own[$0] > -.infinity }.sorted { own[$0] > own[$1] || (own[$0] == own[$1] && $0 < $1) }
        var position = [Int](repeating: Int.max, count: n)
        for (p, u) in order.enumerated() { position[u] = p }

        var found: [(members: [Int32], reducedCost: Double)] = []
        // A min-heap on reduced cost when keeping the best `keep`.
        var cut = threshold
        var best = -Double.infinity
        var visits = 0
        var stopped = false
        var overflow = false
        var stack: [Int] = []

        func offer(_ rc: Double, _ size: Int) {
            best = max(best, rc)
            guard rc > cut else { return }
            var members: [Int32] = []
            members.reserveCapacity(size)
            for u in stack { members += units[u] }
            members.sort()
            found.append((members, rc))
            if let keep {
                if found.count > keep {
                    heapPush(&found)
                    heapPopMin(&found)
                    cut = max(cut, found[0].reducedCost)
                } else {
                    heapPush(&found)
                    if found.count == keep { cut = max(cut, found[0].reducedCost) }
                }
            } else if found.count > limit {
                overflow = true
            }
        }

        // Per-depth candidate lists and gains, flat: depth d at d * n.
        let cand = UnsafeMutableBufferPointer<Int>.allocate(capacity: (maxSize + 1) * max(n, 1))
        let gain = UnsafeMutableBufferPointer<Double>.allocate(capacity: (maxSize + 1) * max(n, 1))
        var count = [Int](repeating: 0, count: maxSize + 1)
        defer { cand.deallocate(); gain.deallocate() }
        var top = [Double](repeating: 0, count: maxSize + 1)

        /// The completion bound of a partial group of `size` members and value
        /// `value` whose candidates are those of `depth`.
        func completionBound(_ value: Double, _ size: Int, _ depth: Int) -> Double {
            var bound = -Double.infinity
            let base = depth * n, len = count[depth]
            for s in sizes where s > size {
                let r = s - size
                // The r largest of gain + q_r (clipped at 0 when units may hold several members).
                var filled = 0
                for t in 0..<len {
                    let c = cand[base + t]
                    var v = gain[base + t] + (r > 1 ? topHalf[c * slots + r - 2] : 0)
                    if !singleMembers { v = max(0, v) }
                    if filled < r {
                        top[filled] = v
                        filled += 1
                    } else if v > top[r - 1] {
                        top[r - 1] = v
                    } else {
                        continue
                    }
                    var j = filled - 1
                    while j > 0 && top[j] > top[j - 1] { top.swapAt(j, j - 1); j -= 1 }
                }
                if singleMembers && filled < r { continue }
                var sum = value + sizeValue[s]
                for j in 0..<filled { sum += top[j] }
                bound = max(bound, sum)
            }
            return bound
        }

        func extend(_ depth: Int, _ value: Double, _ size: Int) {
            visits += 1
            if visits > GroupPricing.visitLimit || (visits & 0x3FFF == 1 && budget.isOver) { stopped = true; return }
            if sizes.contains(size) { offer(value + sizeValue[size], size) }
            guard size < maxSize, count[depth] > 0 else { return }
            guard completionBound(value, size, depth) > cut else { return }
            let base = depth * n, next = base + n, len = count[depth]
            for t in 0..<len {
                let c = cand[base + t]
                let newSize = size + unitSize[c]
                guard newSize <= maxSize else { continue }
                var filled = 0
                if newSize < maxSize {
                    let row = c * n
                    for t2 in (t + 1)..<len {
                        let d = cand[base + t2]
                        let w = weight[row + d]
                        if w > -.infinity && newSize + unitSize[d] <= maxSize {
                            cand[next + filled] = d
                            gain[next + filled] = gain[base + t2] + w
                            filled += 1
                        }
                    }
                }
                count[depth + 1] = filled
                stack.append(c)
                extend(depth + 1, value + gain[base + t], newSize)
                stack.removeLast()
                if stopped || overflow { return }
            }
        }

        /// Candidates and gains after the first unit at position p.
        func firstLevel(_ p: Int) {
            let a = order[p]
            var filled = 0
            let row = a * n
            for p2 in (p + 1)..<order.count {
                let d = order[p2]
                let w = weight[row + d]
                if w > -.infinity && unitSize[a] + unitSize[d] <= maxSize {
                    cand[n + filled] = d
                    gain[n + filled] = own[d] + w
                    filled += 1
                }
            }
            count[1] = filled
        }

        var explored = 0
        for p in 0..<order.count {
            let a = order[p]
            firstLevel(p)
            stack = [a]
            extend(1, own[a], unitSize[a])
            if stopped || overflow { break }
            explored = p + 1
        }
        var maximum = max(best, threshold)
        if stopped || overflow {
            // Bound the first members not fully explored by their completion bound.
            for p in explored..<order.count {
                let a = order[p]
                if sizes.contains(unitSize[a]) { maximum = max(maximum, own[a] + sizeValue[unitSize[a]]) }
                firstLevel(p)
                maximum = max(maximum, completionBound(own[a], unitSize[a], 1))
            }
        }
        found.sort { $0.reducedCost > $1.reducedCost || ($0.reducedCost == $1.reducedCost && $0.members.lexicographicallyPrecedes($1.members)) }
        return Answer(columns: found, maximum: maximum, complete: !(stopped || overflow))
    }
}

extension GroupPricing {
    /// λ·W(u) − y(u) for each unit (−infinity when it cannot be in a group).
    func ownValues(_ duals: [Double]) -> [Double] {
        let maxSize = sizes.last ?? 0
        var own = [Double](repeating: -.infinity, count: n)
        for u in 0..<n where unitScore[u] > -.infinity && unitSize[u] <= maxSize {
            var y = 0.0
            for x in units[u] { y += duals[Int(x)] }
            own[u] = unitScore[u] - y
        }
        return own
    }

    /// A fast pricing heuristic for large blocks: from every unit, one group
    /// grown greedily (each step adds the candidate of largest gain), offered
    /// at every allowed size. Returns the `keep` best distinct groups of
    /// reduced cost above `threshold`, best first. It proves nothing: the
    /// exact `price` remains the final check and the source of the bound.
    ///
    /// - Complexity: O(n² · largest size) for n units.
    func greedy(duals: [Double], sizeValue: [Double], threshold: Double, keep: Int) -> [(members: [Int32], reducedCost: Double)] {
        let n = self.n
        let maxSize = sizes.last ?? 0
        let own = ownValues(duals)
        var found: [(members: [Int32], reducedCost: Double)] = []
        var seen = Set<[Int32]>()
        var gain = [Double](repeating: -.infinity, count: n)
        var chosen: [Int] = []
        for a in 0..<n where own[a] > -.infinity {
            for c in 0..<n { gain[c] = c == a ? -.infinity : own[c] + weight[a * n + c] }
            chosen = [a]
            var value = own[a], size = unitSize[a]
            while true {
                if sizes.contains(size), value + sizeValue[size] > threshold {
                    var members: [Int32] = []
                    for u in chosen { members += units[u] }
                    members.sort()
                    if seen.insert(members).inserted { found.append((members, value + sizeValue[size])) }
                }
                guard size < maxSize else { break }
                var best = -1
                for c in 0..<n where gain[c] > -.infinity && size + unitSize[c] <= maxSize && (best < 0 || gain[c] > gain[best]) { best = c }
                guard best >= 0 else { break }
                value += gain[best]
                size += unitSize[best]
                chosen.append(best)
                let row = best * n
                gain[best] = -.infinity
                for c in 0..<n where gain[c] > -.infinity { gain[c] += weight[row + c] }
            }
        }
        found.sort { $0.reducedCost > $1.reducedCost || ($0.reducedCost == $1.reducedCost && $0.members.lexicographicallyPrecedes($1.members)) }
        return Array(found.prefix(keep))
    }
}

/// A binary min-heap on reduced cost over an array (root at index 0).
private func heapPush(_ heap: inout [(members: [Int32], reducedCost: Double)]) {
    var j = heap.count - 1
    while j > 0 {
        let parent = (j - 1) / 2
        guard heap[j].reducedCost < heap[parent].reducedCost else { break }
        heap.swapAt(j, parent)
        j = parent
    }
}

private func heapPopMin(_ heap: inout [(members: [Int32], reducedCost: Double)]) {
    heap.swapAt(0, heap.count - 1)
    heap.removeLast()
    var j = 0
    while true {
        let l = 2 * j + 1, r = l + 1
        var smallest = j
        if l < heap.count && heap[l].reducedCost < heap[smallest].reducedCost { smallest = l }
        if r < heap.count && heap[r].reducedCost < heap[smallest].reducedCost { smallest = r }
        if smallest == j { return }
        heap.swapAt(j, smallest)
        j = smallest
    }
}

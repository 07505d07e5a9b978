/// The member-level state of the large-scale solver in one block: groups in
/// fixed-capacity slots, the group of each member (-1: unplaced), and each
/// member's contribution to its group's score.
///
/// Candidates are never scanned over the whole block: they are sampled from
/// the profiles (`BlockProfiles`) whose profile-level weight W̄, corrected by
/// the relaxation's prices, promises the most. Members of one profile differ
/// only by history and exclusions, so a few samples of the best profiles find
/// the best partners.
struct ScaleSearch {
    let pairs: MemberWeights
    let profiles: BlockProfiles
    let weights: ProfileWeights
    /// Prices u of the relaxation, per profile.
    let prices: [Double]
    /// Per member, its forbidden links (exclusions, recent meetings) to
    /// members of the block in allowed profiles.
    let forbiddenPartners: [Int32]
    let k: Int
    let maxSize: Int
    var rng: SplitMix64
    let budget: SolveBudget

    /// Groups: `slots[g * maxSize ..< g * maxSize + sizes[g]]`.
    var slots: [Int32] = []
    var sizes: [Int32] = []
    var groupOf: [Int32]
    /// contribution[a] = Σ_{x in group(a), x ≠ a} w(a, x).
    var contribution: [Double]

    /// Profiles visited and members sampled when looking for a candidate.
    static let poolsPerStep = 6
    static let samplesPerPool = 12
    static let improvement = 1e-9
    /// Blocks up to this size try every member as a candidate in the local search.
    static let fullNeighbourhood = 1024

    init(pairs: MemberWeights, profiles: BlockProfiles, weights: ProfileWeights, prices: [Double],
         forbiddenPartners: [Int32], maxSize: Int, rng: SplitMix64, budget: SolveBudget) {
        self.forbiddenPartners = forbiddenPartners
        self.pairs = pairs
        self.profiles = profiles
        self.weights = weights
        self.prices = prices
        self.k = pairs.problem.groupSize
        self.maxSize = maxSize
        self.rng = rng
        self.budget = budget
        groupOf = [Int32](repeating: -1, count: profiles.members.count)
        contribution = [Double](repeating: 0, count: profiles.members.count)
    }

    var m: Int { profiles.members.count }
    var groupCount: Int { sizes.count }
    var merge: Bool { maxSize > k }
    /// The safety net (time limit, cancellation); the search itself stops on work.
    var timeIsUp: Bool { budget.isOver }

    /// The weight of local members a and b, nil when the pair is not allowed.
    @inline(__always)
    func w(_ a: Int, _ b: Int) -> Double? {
        pairs.weight(a, b)
    }

    @inline(__always)
    func profile(_ a: Int) -> Int { Int(profiles.profileOf[a]) }

    /// The members of group g.
    @inline(__always)
    func members(of g: Int) -> ArraySlice<Int32> {
        slots[(g * maxSize)..<(g * maxSize + Int(sizes[g]))]
    }

    /// Σ w(a, x) over the members x of g other than a and `except`; nil when a
    /// pair is not allowed.
    @inline(__always)
    func gain(_ a: Int, into g: Int, except: Int = -1) -> Double? {
        var total = 0.0
        for x in members(of: g) where Int(x) != a && Int(x) != except {
            guard let wx = w(a, Int(x)) else { return nil }
            total += wx
        }
        return total
    }

    mutating func refresh(_ g: Int) {
        for x in members(of: g) { contribution[Int(x)] = gain(Int(x), into: g) ?? -.infinity }
    }

    @discardableResult
    mutating func addGroup(_ group: [Int]) -> Int {
        let g = sizes.count
        sizes.append(Int32(group.count))
        slots.append(contentsOf: group.map(Int32.init))
        slots.append(contentsOf: repeatElement(-1, count: maxSize - group.count))
        for x in group { groupOf[x] = Int32(g) }
        refresh(g)
        return g
    }

    /// Puts unplaced member a into group g (which has room).
    mutating func insert(_ a: Int, into g: Int) {
        slots[g * maxSize + Int(sizes[g])] = Int32(a)
        sizes[g] += 1
        groupOf[a] = Int32(g)
        refresh(g)
    }

    /// Takes a out of its group (which may become empty).
    mutating func remove(_ a: Int) {
        let g = Int(groupOf[a])
        let base = g * maxSize
        let last = base + Int(sizes[g]) - 1
        let i = (base...last).first { slots[$0] == Int32(a) }!
        slots[i] = slots[last]
        slots[last] = -1
        sizes[g] -= 1
        groupOf[a] = -1
        contribution[a] = 0
        refresh(g)
    }

    /// b takes a's place in a's group; a is then unplaced. b must be unplaced.
    mutating func replace(_ a: Int, by b: Int) {
        let g = Int(groupOf[a])
        let base = g * maxSize
        let i = (base..<(base + Int(sizes[g]))).first { slots[$0] == Int32(a) }!
        slots[i] = Int32(b)
        groupOf[a] = -1
        groupOf[b] = Int32(g)
        contribution[a] = 0
        refresh(g)
    }

    /// a and b, in different groups, trade places.
    mutating func swap(_ a: Int, _ b: Int) {
        let ga = Int(groupOf[a]), gb = Int(groupOf[b])
        let ia = (ga * maxSize..<(ga * maxSize + Int(sizes[ga]))).first { slots[$0] == Int32(a) }!
        let ib = (gb * maxSize..<(gb * maxSize + Int(sizes[gb]))).first { slots[$0] == Int32(b) }!
        slots[ia] = Int32(b)
        slots[ib] = Int32(a)
        groupOf[a] = Int32(gb)
        groupOf[b] = Int32(ga)
        refresh(ga)
        refresh(gb)
    }

    /// Profiles ranked for joining a group whose members are in `groupProfiles`:
    /// the upper bound Σ W̄(p_x, q) − |group|·u_q of the reduced value a member
    /// of q would bring, for every allowed q with members in `available`.
    func rankedProfiles(for groupProfiles: [Int], available: (Int) -> Bool) -> [(bound: Double, profile: Int)] {
        var ranked: [(bound: Double, profile: Int)] = []
        for q in 0..<profiles.count where available(q) {
            var bound = -Double(groupProfiles.count) * prices[q]
            for p in groupProfiles {
                let wpq = weights.weight(p, q)
                bound += wpq
            }
            if bound > -.infinity { ranked.append((bound, q)) }
        }
        return ranked
    }

    /// Removes and returns the best entry of `ranked` (the first one among equals).
    static func popBest(_ ranked: inout [(bound: Double, profile: Int)]) -> (bound: Double, profile: Int)? {
        guard !ranked.isEmpty else { return nil }
        var best = 0
        for i in 1..<ranked.count where ranked[i].bound > ranked[best].bound { best = i }
        return ranked.remove(at: best)
    }

    /// The groups, as global participant indices.
    var result: [[Int32]] {
        (0..<groupCount).filter { sizes[$0] > 0 }.map { g in members(of: g).map { profiles.members[Int($0)] } }
    }

    /// Members placed, and groups of k+1.
    var placement: (placed: Int, oversized: Int) {
        var placed = 0, oversized = 0
        for s in sizes {
            placed += Int(s)
            if Int(s) > k { oversized += 1 }
        }
        return (placed, oversized)
    }
}

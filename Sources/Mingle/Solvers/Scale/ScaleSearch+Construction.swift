/// The free members of each profile during construction, in a seeded random
/// order: `members[start[p] ..< start[p] + count[p]]` are the free members of
/// profile p; taking one swaps it behind them.
struct FreePools {
    var members: [Int32]
    var count: [Int]
    let start: [Int]
    var position: [Int32]

    init(_ profiles: BlockProfiles, rng: inout SplitMix64) {
        members = profiles.byProfile
        start = profiles.start
        count = profiles.sizes
        for p in 0..<profiles.count where count[p] > 1 {
            // Fisher–Yates within the profile.
            for i in stride(from: count[p] - 1, to: 0, by: -1) {
                members.swapAt(start[p] + i, start[p] + rng.below(i + 1))
            }
        }
        position = [Int32](repeating: 0, count: members.count)
        for (i, a) in members.enumerated() { position[Int(a)] = Int32(i) }
    }

    func isFree(_ a: Int, profile p: Int) -> Bool {
        Int(position[a]) < start[p] + count[p]
    }

    mutating func take(_ a: Int, profile p: Int) {
        let i = Int(position[a]), last = start[p] + count[p] - 1
        move(i, last)
        count[p] -= 1
    }

    mutating func giveBack(_ a: Int, profile p: Int) {
        let i = Int(position[a]), first = start[p] + count[p]
        move(i, first)
        count[p] += 1
    }

    private mutating func move(_ i: Int, _ j: Int) {
        members.swapAt(i, j)
        position[Int(members[i])] = Int32(i)
        position[Int(members[j])] = Int32(j)
    }
}

extension ScaleSearch {
    /// Greedy construction, most constrained members first: each free seed is
    /// grown into a group of k by adding, k − 1 times, the free candidate with
    /// the best reduced value Σ w(c, x) − |group|·u_c among samples of the
    /// best-ranked profiles. Profiles are visited best bound first, and the
    /// search stops as soon as a candidate reaches the next profile's bound.
    ///
    /// "Most constrained" first means: members with only a handful of allowed
    /// partners (from the profiles, less the forbidden links), then members
    /// of profiles with the fewest tight partners in the relaxation
    /// (W̄_pq = u_p + u_q), the partners an optimal plan would use.
    ///
    /// - Complexity: O(m · k · (C · k + samples · k)) weight evaluations and
    ///   profile scans, for C profiles.
    mutating func construct(progress: (Int) -> Void) {
        var pools = FreePools(profiles, rng: &rng)
        let c = profiles.count
        var supply = [Int](repeating: 0, count: c), allowed = [Int](repeating: 0, count: c)
        for p in 0..<c {
            for q in 0..<c {
                let wpq = weights.weight(p, q)
                guard wpq > -.infinity else { continue }
                let partners = profiles.sizes[q] - (q == p ? 1 : 0)
                allowed[p] += partners
                if wpq - prices[p] - prices[q] >= -1e-9 * (1 + abs(wpq)) { supply[p] += partners }
            }
        }
        // Members with few allowed partners at all come first (a handful of
        // partners, counting history and exclusions); then by tight supply.
        let few = 8 * k
        var keys = [UInt64](repeating: 0, count: m)
        for a in 0..<m {
            let degree = allowed[profile(a)] - Int(forbiddenPartners[a])
            let key = degree < few ? max(degree, 0) : few + supply[profile(a)]
            keys[a] = UInt64(min(key, 0xFFFFF)) << 44 | (rng.next() >> 20)
        }
        let order = (0..<m).sorted { keys[$0] < keys[$1] }

        var group: [Int] = []
        var groupProfiles: [Int] = []
        for (done, seed) in order.enumerated() {
            if done & 1023 == 0 {
                progress(done)
                if timeIsUp { break }
            }
            guard pools.isFree(seed, profile: profile(seed)) else { continue }
            pools.take(seed, profile: profile(seed))
            group = [seed]
            groupProfiles = [profile(seed)]
            while group.count < k, let next = bestFreeCandidate(group, groupProfiles, pools: &pools) {
                pools.take(next, profile: profile(next))
                group.append(next)
                groupProfiles.append(profile(next))
            }
            if group.count == k {
                addGroup(group)
            } else {
                for x in group { pools.giveBack(x, profile: profile(x)) }
            }
        }
        progress(m)
    }

    /// The free member with the best reduced value for joining `group`.
    private mutating func bestFreeCandidate(_ group: [Int], _ groupProfiles: [Int], pools: inout FreePools) -> Int? {
        var ranked = rankedProfiles(for: groupProfiles) { pools.count[$0] > 0 }
        var best: (value: Double, member: Int)? = nil
        var visited = 0
        let others = Double(group.count)
        while visited < ScaleSearch.poolsPerStep || best == nil, let (bound, q) = ScaleSearch.popBest(&ranked) {
            if let b = best, b.value >= bound - ScaleSearch.improvement * (1 + abs(bound)) { break }
            visited += 1
            let n = pools.count[q]
            let first = rng.below(n)
            for t in 0..<min(n, ScaleSearch.samplesPerPool) {
                let c = Int(pools.members[pools.start[q] + (first + t) % n])
                var total = 0.0
                var allowed = true
                for x in group {
                    guard let wx = w(c, x) else { allowed = false; break }
                    total += wx
                }
                guard allowed else { continue }
                let value = total - others * prices[q]
                if best == nil || value > best!.value { best = (value, c) }
            }
            // Without any allowed candidate after many profiles, give up on this seed.
            if best == nil && visited >= 4 * ScaleSearch.poolsPerStep { break }
        }
        return best?.member
    }
}

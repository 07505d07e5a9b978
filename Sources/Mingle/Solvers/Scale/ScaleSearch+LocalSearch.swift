extension ScaleSearch {
    private enum Move {
        /// a and b trade places.
        case swap(Int, Int)
        /// Unplaced b takes placed a's place.
        case replace(Int, by: Int)
        /// a leaves its group of k+1 for group h of k.
        case move(Int, into: Int)
    }

    /// How much a's contribution could still grow: (s − 1)·max W̄ of its profile
    /// minus its contribution; for an unplaced member, whether it has any
    /// allowed partner profile at all.
    func slack(_ a: Int) -> Double {
        let best = weights.best[profile(a)]
        let g = Int(groupOf[a])
        guard g >= 0 else { return best > -.infinity ? 1 : 0 }
        return Double(sizes[g] - 1) * best - contribution[a]
    }

    /// Local search on the score at fixed placement, on the members that are
    /// below their profile's potential (all others are as good as they can
    /// be): for each, the best of sampled swaps with members of the
    /// best-ranked profiles for its group, replacements by unplaced members,
    /// and (merge) moves from a group of k+1 to a group of k. A pass visits
    /// the members in a seeded order; passes stop when one gains nothing, at
    /// `maxPasses` (the work budget), or at the safety net (`SolveBudget`).
    ///
    /// - Complexity: O(targets · pools · samples · k) weight evaluations per pass.
    mutating func improveScore(maxPasses: Int, progress: (_ pass: Int) -> Void) {
        for pass in 0..<maxPasses {
            progress(pass)
            var targets = (0..<m).filter { slack($0) > ScaleSearch.improvement * (1 + abs(contribution[$0])) }
            guard !targets.isEmpty else { return }
            targets.shuffle(using: &rng)
            var gained = 0.0
            for (i, a) in targets.enumerated() {
                if i & 255 == 0 && timeIsUp { return }
                guard slack(a) > ScaleSearch.improvement * (1 + abs(contribution[a])) else { continue }
                gained += improve(a)
            }
            if gained <= ScaleSearch.improvement { return }
        }
    }

    /// Applies the best improving move found for a; returns its gain (0 if none).
    private mutating func improve(_ a: Int) -> Double {
        let g = Int(groupOf[a])
        var best: (delta: Double, move: Move)? = nil
        func consider(_ delta: Double, _ move: Move) {
            if delta > ScaleSearch.improvement * (1 + abs(delta)), best == nil || delta > best!.delta { best = (delta, move) }
        }
        if g < 0 {
            // Unplaced: take the place of a member of a group that suits a.
            for h in sampledGroups(near: [profile(a)], excluding: -1) {
                for bb in members(of: h) {
                    let b = Int(bb)
                    if let add = gain(a, into: h, except: b) { consider(add - contribution[b], .replace(b, by: a)) }
                }
            }
        } else {
            let others = members(of: g).filter { Int($0) != a }.map { Int($0) }
            for b in sampledMembers(near: others.map { profile($0) }) where groupOf[b] != Int32(g) {
                guard let bIn = gain(b, into: g, except: a) else { continue }
                let h = Int(groupOf[b])
                if h < 0 {
                    consider(bIn - contribution[a], .replace(a, by: b))
                } else if let aIn = gain(a, into: h, except: b) {
                    consider(bIn + aIn - contribution[a] - contribution[b], .swap(a, b))
                }
            }
            if merge && Int(sizes[g]) == maxSize {
                for h in sampledGroups(near: [profile(a)], excluding: g) where Int(sizes[h]) == k {
                    if let add = gain(a, into: h) { consider(add - contribution[a], .move(a, into: h)) }
                }
            }
        }
        guard let best else { return 0 }
        switch best.move {
        case .swap(let x, let y): swap(x, y)
        case .replace(let x, let y): replace(x, by: y)
        case .move(let x, let h):
            remove(x)
            insert(x, into: h)
        }
        return best.delta
    }

    /// Members sampled from the best-ranked profiles for joining a group of
    /// members with these profiles; every member in a small block.
    private mutating func sampledMembers(near groupProfiles: [Int]) -> [Int] {
        if m <= ScaleSearch.fullNeighbourhood { return Array(0..<m) }
        var ranked = rankedProfiles(for: groupProfiles) { profiles.sizes[$0] > 0 }
        var sampled: [Int] = []
        var visited = 0
        while visited < ScaleSearch.poolsPerStep, let (_, q) = ScaleSearch.popBest(&ranked) {
            visited += 1
            let lo = profiles.start[q], n = profiles.sizes[q]
            let first = rng.below(n)
            for t in 0..<min(n, ScaleSearch.samplesPerPool) { sampled.append(Int(profiles.byProfile[lo + (first + t) % n])) }
        }
        return sampled
    }

    /// The groups of members sampled near these profiles, without repeats.
    private mutating func sampledGroups(near groupProfiles: [Int], excluding excluded: Int) -> [Int] {
        var groups: [Int] = []
        for b in sampledMembers(near: groupProfiles) {
            let h = Int(groupOf[b])
            if h >= 0, h != excluded, !groups.contains(h) { groups.append(h) }
        }
        return groups
    }
}

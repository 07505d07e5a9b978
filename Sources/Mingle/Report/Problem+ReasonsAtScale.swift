extension Problem {
    /// The causes of `unplacedCause(_:)` for many participants at once, the
    /// same ones, without scanning every participant for each unplaced
    /// one: the partners passing a required rule come from a histogram of the
    /// rule's values, those passing all required rules from a histogram of
    /// the tuples of required values, less the linked partners (exclusions,
    /// recent meetings), which are few.
    ///
    /// - Parameter scanLimit: when unplaced × participants is at most this,
    ///   each cause is computed by the plain scan.
    /// - Complexity: O(participants × rules + Σ V² + T × R per distinct tuple
    ///   of the unplaced + their links), for V values of a rule, T distinct
    ///   tuples of required values and R required rules.
    func unplacedCauses(_ unplaced: [Int], scanLimit: Int = 1 << 22) -> [UnmatchedCause] {
        guard unplaced.count * count > scanLimit, count > 1 else { return unplaced.map { unplacedCause($0) } }
        let tables = RuleTables(self)
        let required = rules.indices.filter { rules[$0].required }
        func holds(_ r: Int, _ a: Int32, _ b: Int32) -> Bool {
            let rule = tables.rules[r]
            if rule.holds != nil { return rule.holds(a, b) }
            guard Int(a) < rule.count, Int(b) < rule.count else { return false }
            return rules[r].holds(Int(rule.representatives[Int(a)]), Int(rule.representatives[Int(b)]))
        }
        // Histograms of each required rule's values, and of the tuples of them.
        var histograms: [Int: [Int]] = [:]
        for r in required {
            var histogram = [Int](repeating: 0, count: tables.rules[r].count + 1)
            for v in tables.rules[r].values { histogram[Int(v)] += 1 }
            histograms[r] = histogram
        }
        var tupleID: [[Int32]: Int] = [:]
        var tuples: [[Int32]] = [], tupleSizes: [Int] = []
        var tupleOf = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let tuple = required.map { tables.rules[$0].values[i] }
            if let t = tupleID[tuple] {
                tupleOf[i] = t
                tupleSizes[t] += 1
            } else {
                tupleOf[i] = tuples.count
                tupleID[tuple] = tuples.count
                tuples.append(tuple)
                tupleSizes.append(1)
            }
        }
        var passingOfValue: [Int: [Int32: Int]] = [:]
        var passingAllOfTuple: [Int: Int] = [:]
        return unplaced.map { i in
            var partners = PartnerCounts(passing: [Int](repeating: 0, count: rules.count))
            for r in required {
                let v = tables.rules[r].values[i]
                if let cached = passingOfValue[r]?[v] {
                    partners.passing[r] = cached
                    continue
                }
                var passing = holds(r, v, v) ? -1 : 0 // not i itself
                for (u, size) in histograms[r]!.enumerated() where size > 0 && holds(r, v, Int32(u)) { passing += size }
                passingOfValue[r, default: [:]][v] = passing
                partners.passing[r] = passing
            }
            let t = tupleOf[i]
            let passingAll = passingAllOfTuple[t] ?? {
                let own = tuples[t]
                var total = required.indices.allSatisfy { holds(required[$0], own[$0], own[$0]) } ? -1 : 0
                for (u, tuple) in tuples.enumerated() where required.indices.allSatisfy({ holds(required[$0], own[$0], tuple[$0]) }) {
                    total += tupleSizes[u]
                }
                passingAllOfTuple[t] = total
                return total
            }()
            partners.allowed = passingAll
            for e in Int(links.offsets[i])..<Int(links.offsets[i + 1]) where links.flags[e] != 0 {
                let j = Int(links.partners[e])
                guard requiredRulesHold(i, j) else { continue }
                partners.allowed -= 1
                if links.flags[e] & PairLinks.excludedFlag != 0 { partners.excluded += 1 }
                if links.flags[e] & PairLinks.recentFlag != 0 { partners.recent += 1 }
            }
            return unplacedCause(i, partners)
        }
    }
}

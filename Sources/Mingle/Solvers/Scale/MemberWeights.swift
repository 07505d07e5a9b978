/// Exact pair weights inside one block, from a compact record per member: its
/// value for every rule and a 128-bit Bloom filter of the partners it met or
/// is excluded from. A weight is then two record reads and a few table
/// lookups; the history rows are read only when the filter says the pair may
/// be linked (about one pair in six with 25 links per member), which keeps a
/// block of hundreds of thousands of members from missing the cache on every
/// evaluation.
///
/// Gives exactly `Problem.allowedWeight` (same rules, same order of the sum).
struct MemberWeights: Sendable {
    let problem: Problem
    /// Global participant index of each local member.
    let members: [Int32]
    let ruleCount: Int
    /// values[a * ruleCount + r]: local member a's value for rule r.
    let values: [Int32]
    /// bloom[2a], bloom[2a + 1]: the filter of local member a's links.
    let bloom: [UInt64]
    /// Every rule's table, one after the other; `tableStart[r]` is -1 for a
    /// rule without a table (evaluated on the problem).
    let tables: [UInt8]
    let tableStart: [Int]
    let tableWidth: [Int]
    let weights: [Double]
    let required: [Bool]

    init(problem: Problem, members: [Int32], tables ruleTables: RuleTables) {
        self.problem = problem
        self.members = members
        let rules = ruleTables.rules
        ruleCount = rules.count
        var values = [Int32](repeating: 0, count: members.count * rules.count)
        var bloom = [UInt64](repeating: 0, count: 2 * members.count)
        for (a, i) in members.enumerated() {
            for (r, rule) in rules.enumerated() { values[a * rules.count + r] = rule.values[Int(i)] }
            for partner in problem.links.partners(of: Int(i)) {
                let bit = MemberWeights.bit(partner)
                bloom[2 * a + bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        self.values = values
        self.bloom = bloom
        var tables: [UInt8] = [], tableStart: [Int] = [], tableWidth: [Int] = []
        for rule in rules {
            tableWidth.append(rule.count + 1)
            if let holds = rule.holds {
                tableStart.append(tables.count)
                tables += holds
            } else {
                tableStart.append(-1)
            }
        }
        self.tables = tables
        self.tableStart = tableStart
        self.tableWidth = tableWidth
        weights = rules.map(\.weight)
        required = rules.map(\.required)
    }

    @inline(__always)
    private static func bit(_ partner: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: partner)) &* 0x9E37_79B9_7F4A_7C15) >> 57)
    }

    /// The weight of local members a and b, nil when the pair is not allowed.
    ///
    /// - Complexity: O(rules), plus O(log links) when the filter matches.
    @inline(__always)
    func weight(_ a: Int, _ b: Int) -> Double? {
        guard a != b else { return nil }
        var total = 0.0
        let va = a * ruleCount, vb = b * ruleCount
        for r in 0..<ruleCount {
            let holds: Bool
            let start = tableStart[r]
            if start >= 0 {
                holds = tables[start + Int(values[va + r]) * tableWidth[r] + Int(values[vb + r])] != 0
            } else {
                holds = problem.rules[r].holds(Int(members[a]), Int(members[b]))
            }
            if required[r] {
                if !holds { return nil }
            } else if holds {
                total += weights[r]
            }
        }
        let bit = MemberWeights.bit(members[b])
        guard bloom[2 * a + bit >> 6] & (1 << UInt64(bit & 63)) != 0,
              let link = problem.links.link(Int(members[a]), Int(members[b])) else { return total }
        if link.forbidden { return nil }
        return total - link.penalty
    }
}

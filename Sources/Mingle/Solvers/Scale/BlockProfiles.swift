/// The profiles of one block: classes of its participants that are equal on
/// the key rules. With every rule in the key, members of a profile are
/// interchangeable but for their history and exclusions; when that would make
/// more than `limit` profiles, the rules with the smallest weights are left
/// out of the key (merged), and profile-level weights become upper bounds.
///
/// A merged soft rule with a positive weight still counts only where it can
/// be earned: a member *earns* from it when it has the category and its value
/// holds with the value of some member of the block. When it fits under the
/// limit, the key is refined by that one bit per merged rule (heaviest first),
/// so members who cannot earn a rule (typically: who lack its category) form
/// profiles of their own; `caps` then give, per profile, what a member of it
/// can earn from each merged rule (`ProfileWeights` adds the smaller cap of
/// the two profiles of a pair).
///
/// Profiles are numbered by first appearance in block order, so everything
/// built on them is deterministic.
struct BlockProfiles: Sendable {
    /// Global participant index of each local member.
    let members: [Int32]
    /// Profile of each local member.
    let profileOf: [Int32]
    /// Number of profiles.
    let count: Int
    /// Members per profile.
    let sizes: [Int]
    /// Indices (into `RuleTables.rules`) of the rules in the key.
    let keyRules: [Int]
    /// Value of each key rule per profile: `keyValues[p * keyRules.count + j]`.
    let keyValues: [Int32]
    /// Soft rules with a positive weight left out of the key, heaviest first.
    let mergedRules: [Int]
    /// What a member of profile p can earn from merged rule j (its weight, or 0
    /// when no member of p earns it): `caps[p * mergedRules.count + j]`.
    let caps: [Double]
    /// Local members grouped by profile: `byProfile[start[p]..<start[p + 1]]`.
    let start: [Int]
    let byProfile: [Int32]

    /// - Complexity: O(members × rules) expected.
    init(members: [Int32], tables: RuleTables, limit: Int) {
        self.members = members
        let m = members.count
        // Rules that can tell members of this block apart, most important first:
        // required ones, then by decreasing |weight|. A required `same` rule is
        // constant in a block.
        let candidates = tables.rules.indices.filter { r in
            let rule = tables.rules[r]
            if rule.holds == nil { return false }
            if rule.required { if case .same = rule.kind { return false } else { return true } }
            return rule.weight != 0
        }.sorted { a, b in
            let ra = tables.rules[a], rb = tables.rules[b]
            if ra.required != rb.required { return ra.required }
            if abs(ra.weight) != abs(rb.weight) { return abs(ra.weight) > abs(rb.weight) }
            return a < b
        }
        var profileOf = [Int32](repeating: 0, count: m)
        var count = m == 0 ? 0 : 1
        /// Splits the profiles by `part` (of `width` values), if that makes at most `limit`.
        func refine(width: Int, _ part: (Int) -> Int) -> Bool {
            var id: [Int: Int32] = [:]
            var refined = [Int32](repeating: 0, count: m)
            for a in 0..<m {
                let key = Int(profileOf[a]) * width + part(a)
                if let p = id[key] {
                    refined[a] = p
                } else {
                    guard id.count < limit else { return false }
                    let p = Int32(id.count)
                    id[key] = p
                    refined[a] = p
                }
            }
            profileOf = refined
            count = id.count
            return true
        }
        var keyRules: [Int] = []
        for r in candidates {
            let values = tables.rules[r].values
            if refine(width: tables.rules[r].count + 1, { Int(values[Int(members[$0])]) }) { keyRules.append(r) }
        }
        let keyed = Set(keyRules)
        let mergedRules = tables.rules.indices.filter { !tables.rules[$0].required && tables.rules[$0].weight > 0 && !keyed.contains($0) }
            .sorted { (tables.rules[$0].weight, $1) > (tables.rules[$1].weight, $0) }
        let earns = mergedRules.map { BlockProfiles.earningValues(tables.rules[$0], members: members) }
        for (j, r) in mergedRules.enumerated() {
            let values = tables.rules[r].values
            _ = refine(width: 2) { earns[j][Int(values[Int(members[$0])])] ? 1 : 0 }
        }
        self.profileOf = profileOf
        self.count = count
        self.keyRules = keyRules
        self.mergedRules = mergedRules
        var sizes = [Int](repeating: 0, count: count)
        var keyValues = [Int32](repeating: 0, count: count * keyRules.count)
        var caps = [Double](repeating: 0, count: count * mergedRules.count)
        for a in 0..<m {
            let p = Int(profileOf[a])
            if sizes[p] == 0 {
                for (j, r) in keyRules.enumerated() { keyValues[p * keyRules.count + j] = tables.rules[r].values[Int(members[a])] }
            }
            for (j, r) in mergedRules.enumerated() where earns[j][Int(tables.rules[r].values[Int(members[a])])] {
                caps[p * mergedRules.count + j] = tables.rules[r].weight
            }
            sizes[p] += 1
        }
        self.caps = caps
        self.sizes = sizes
        self.keyValues = keyValues
        var start = [Int](repeating: 0, count: count + 1)
        for p in 0..<count { start[p + 1] = start[p] + sizes[p] }
        var fill = start
        var byProfile = [Int32](repeating: 0, count: m)
        for a in 0..<m {
            let p = Int(profileOf[a])
            byProfile[fill[p]] = Int32(a)
            fill[p] += 1
        }
        self.start = start
        self.byProfile = byProfile
    }

    /// Per value of `rule` (the last one: lacking the category), whether a
    /// member with it can earn the rule with some member of the block: it has
    /// the category and, when the rule has a table, holds with a value present.
    ///
    /// - Complexity: O(members + values²) with a table, O(values) without.
    static func earningValues(_ rule: RuleTables.Tabulated, members: [Int32]) -> [Bool] {
        var earns = [Bool](repeating: true, count: rule.count + 1)
        earns[rule.count] = false
        guard rule.holds != nil else { return earns }
        var present = [Bool](repeating: false, count: rule.count + 1)
        for i in members { present[Int(rule.values[Int(i)])] = true }
        let values = (0..<rule.count).filter { present[$0] }
        for v in 0..<rule.count { earns[v] = values.contains { rule.holds(Int32(v), Int32($0)) } }
        return earns
    }

    private init(members: [Int32], profileOf: [Int32], count: Int, sizes: [Int], keyRules: [Int], keyValues: [Int32],
                 mergedRules: [Int], caps: [Double]) {
        self.members = members
        self.profileOf = profileOf
        self.count = count
        self.sizes = sizes
        self.keyRules = keyRules
        self.keyValues = keyValues
        self.mergedRules = mergedRules
        self.caps = caps
        // Not needed by the relaxation, the only user of coarse profiles.
        self.start = []
        self.byProfile = []
    }

    /// Coarser profiles on the longest prefix of the key rules that gives at
    /// most `limit` of them, and the coarse profile of each of these profiles;
    /// nil when there are no more than `limit` profiles already. Every coarse
    /// profile is a union of these, so its weights bound theirs (its caps are
    /// the largest of theirs).
    ///
    /// - Complexity: O(C · key rules + members).
    func coarsened(limit: Int, rules: [RuleTables.Tabulated]) -> (profiles: BlockProfiles, parent: [Int32])? {
        guard count > limit else { return nil }
        let width = keyRules.count
        var best: (rules: Int, parent: [Int32], count: Int) = (0, [Int32](repeating: 0, count: count), 1)
        for j in 1...width {
            var id: [ArraySlice<Int32>: Int32] = [:]
            var parent = [Int32](repeating: 0, count: count)
            for p in 0..<count {
                let key = keyValues[(p * width)..<(p * width + j)]
                if let q = id[key] {
                    parent[p] = q
                } else {
                    parent[p] = Int32(id.count)
                    id[key] = parent[p]
                }
            }
            guard id.count <= limit else { break }
            best = (j, parent, id.count)
        }
        var sizes = [Int](repeating: 0, count: best.count)
        var keyValues = [Int32](repeating: 0, count: best.count * best.rules)
        // The rules dropped from the key are merged too (before the others: heavier).
        let dropped = Array(keyRules.suffix(from: best.rules)).filter { rules[$0].weight > 0 && !rules[$0].required }
        let merged = dropped.count + mergedRules.count
        var caps = [Double](repeating: 0, count: best.count * merged)
        for p in 0..<count {
            let q = Int(best.parent[p])
            sizes[q] += self.sizes[p]
            for j in 0..<best.rules { keyValues[q * best.rules + j] = value(p, j) }
            for (j, r) in dropped.enumerated() { caps[q * merged + j] = rules[r].weight }
            for j in 0..<mergedRules.count {
                caps[q * merged + dropped.count + j] = max(caps[q * merged + dropped.count + j], self.caps[p * mergedRules.count + j])
            }
        }
        let coarse = BlockProfiles(members: members, profileOf: profileOf.map { best.parent[Int($0)] }, count: best.count,
                                   sizes: sizes, keyRules: Array(keyRules.prefix(best.rules)), keyValues: keyValues,
                                   mergedRules: dropped + mergedRules, caps: caps)
        return (coarse, best.parent)
    }

    /// The value of key rule j for profile p.
    @inline(__always)
    func value(_ p: Int, _ j: Int) -> Int32 {
        keyValues[p * keyRules.count + j]
    }
}

/// The profiles of one block: classes of its participants that are equal on
/// the key rules. With every rule in the key, members of a profile are
/// interchangeable but for their history and exclusions; when that would make
/// more than `limit` profiles, the rules with the smallest weights are left
/// out of the key (merged), and profile-level weights become upper bounds.
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
        var keyRules: [Int] = []
        for r in candidates {
            let values = tables.rules[r].values
            let width = tables.rules[r].count + 1
            var id: [Int: Int32] = [:]
            var refined = [Int32](repeating: 0, count: m)
            var fits = true
            for a in 0..<m {
                let key = Int(profileOf[a]) * width + Int(values[Int(members[a])])
                if let p = id[key] {
                    refined[a] = p
                } else {
                    guard id.count < limit else { fits = false; break }
                    let p = Int32(id.count)
                    id[key] = p
                    refined[a] = p
                }
            }
            guard fits else { continue }
            profileOf = refined
            count = id.count
            keyRules.append(r)
        }
        self.profileOf = profileOf
        self.count = count
        self.keyRules = keyRules
        var sizes = [Int](repeating: 0, count: count)
        var keyValues = [Int32](repeating: 0, count: count * keyRules.count)
        for a in 0..<m {
            let p = Int(profileOf[a])
            if sizes[p] == 0 {
                for (j, r) in keyRules.enumerated() { keyValues[p * keyRules.count + j] = tables.rules[r].values[Int(members[a])] }
            }
            sizes[p] += 1
        }
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

    private init(members: [Int32], profileOf: [Int32], count: Int, sizes: [Int], keyRules: [Int], keyValues: [Int32]) {
        self.members = members
        self.profileOf = profileOf
        self.count = count
        self.sizes = sizes
        self.keyRules = keyRules
        self.keyValues = keyValues
        // Not needed by the relaxation, the only user of coarse profiles.
        self.start = []
        self.byProfile = []
    }

    /// Coarser profiles on the longest prefix of the key rules that gives at
    /// most `limit` of them, and the coarse profile of each of these profiles;
    /// nil when there are no more than `limit` profiles already. Every coarse
    /// profile is a union of these, so its weights bound theirs.
    ///
    /// - Complexity: O(C · key rules + members).
    func coarsened(limit: Int) -> (profiles: BlockProfiles, parent: [Int32])? {
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
        for p in 0..<count {
            let q = Int(best.parent[p])
            sizes[q] += self.sizes[p]
            for j in 0..<best.rules { keyValues[q * best.rules + j] = value(p, j) }
        }
        let coarse = BlockProfiles(members: members, profileOf: profileOf.map { best.parent[Int($0)] }, count: best.count,
                                   sizes: sizes, keyRules: Array(keyRules.prefix(best.rules)), keyValues: keyValues)
        return (coarse, best.parent)
    }

    /// The value of key rule j for profile p.
    @inline(__always)
    func value(_ p: Int, _ j: Int) -> Int32 {
        keyValues[p * keyRules.count + j]
    }
}

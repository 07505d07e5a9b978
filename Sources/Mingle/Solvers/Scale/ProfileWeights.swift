import CBLAS

/// Pair weights between the profiles of a block: W̄[p][q] is at least the
/// weight of every allowed pair of a member of p and a member of q (history
/// only lowers weights and forbids pairs, so it is left out), and `-infinity`
/// when a required rule of the key rules out every such pair.
///
/// The key rules' part is one dense matrix product W = F·Gᵀ (OpenBLAS
/// `cblas_dgemm`) over one column per (rule, value): F[p][(r,v)] = w_r when p
/// has value v for rule r, G[q][(r,v)] = 1 when rule r holds between v and
/// q's value. Each merged soft rule (not in the key, positive weight) adds
/// min(cap_p, cap_q) (`BlockProfiles.caps`): a pair earns it only when both
/// members can, so W̄ stays an upper bound; merged rules of negative weight
/// add their largest contribution, 0.
///
/// - Complexity: O(C² · D) for C profiles and D = Σ values of the key's soft
///   rules, plus O(C² · (required key rules + merged rules)).
struct ProfileWeights: Sendable {
    let count: Int
    /// Row-major C×C.
    let weights: [Double]
    /// Per profile, the largest W̄ to an allowed partner profile (itself only
    /// when it has two members or more); `-infinity` when there is none.
    let best: [Double]

    @inline(__always)
    func weight(_ p: Int, _ q: Int) -> Double { weights[p * count + q] }

    init(profiles: BlockProfiles, tables: RuleTables) {
        let c = profiles.count
        count = c
        // Columns of the product: one per (soft key rule, value).
        var offsets: [Int] = []
        var depth = 0
        for r in profiles.keyRules {
            offsets.append(depth)
            if !tables.rules[r].required { depth += tables.rules[r].count + 1 }
        }
        var weights = [Double](repeating: 0, count: c * c)
        let merged = profiles.mergedRules.count
        if merged > 0 {
            for p in 0..<c {
                for q in 0..<c {
                    var total = 0.0
                    for j in 0..<merged { total += min(profiles.caps[p * merged + j], profiles.caps[q * merged + j]) }
                    weights[p * c + q] = total
                }
            }
        }
        if depth > 0 && c > 0 {
            var f = [Double](repeating: 0, count: c * depth)
            var g = [Double](repeating: 0, count: c * depth)
            for (j, r) in profiles.keyRules.enumerated() where !tables.rules[r].required {
                let rule = tables.rules[r]
                for p in 0..<c {
                    let v = profiles.value(p, j)
                    f[p * depth + offsets[j] + Int(v)] = rule.weight
                    for u in 0...rule.count where rule.holds(Int32(u), v) { g[p * depth + offsets[j] + u] = 1 }
                }
            }
            f.withUnsafeBufferPointer { fp in
                g.withUnsafeBufferPointer { gp in
                    weights.withUnsafeMutableBufferPointer { wp in
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(c), Int32(c), Int32(depth),
                                    1.0, fp.baseAddress, Int32(depth), gp.baseAddress, Int32(depth),
                                    1.0, wp.baseAddress, Int32(c))
                    }
                }
            }
        }
        for (j, r) in profiles.keyRules.enumerated() where tables.rules[r].required {
            let rule = tables.rules[r]
            for p in 0..<c {
                for q in 0..<c where !rule.holds(profiles.value(p, j), profiles.value(q, j)) { weights[p * c + q] = -.infinity }
            }
        }
        var best = [Double](repeating: -.infinity, count: c)
        for p in 0..<c {
            for q in 0..<c where q != p || profiles.sizes[p] >= 2 { best[p] = max(best[p], weights[p * c + q]) }
        }
        self.weights = weights
        self.best = best
    }
}

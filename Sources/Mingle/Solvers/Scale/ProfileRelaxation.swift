import Foundation
import MingleGLPK

/// The profile-level relaxation of one block, and the upper bound it proves.
///
/// **The bound.** Let u be prices on the profiles with
///
///     u_p + u_q ≥ W̄_pq   for every allowed pair of profiles p ≠ q,
///     2 u_p   ≥ W̄_pp     for every profile with two members or more.
///
/// A group of size s scores Σ_{pairs i<j} w_ij ≤ Σ_{pairs} (u_p(i) + u_p(j))
/// = Σ_{i in group} (s − 1) u_p(i). So any solution that places P members, B
/// of them in groups of k+1, scores at most Σ m_i u_p(i) with multipliers m_i
/// = k for B members, k − 1 for P − B and 0 for the rest; by the rearrangement
/// inequality that is at most k·S(B) + (k − 1)·(S(P) − S(B)), where S(n) is the
/// sum of the n largest member prices. Maximising over the (P, B) that a
/// solution at least as good could have gives the bound (`bound(...)`); it
/// holds for any feasible u, whatever produced it.
///
/// **The prices.** The best u solves the dual of the fractional b-matching
/// between profiles (a transportation problem on the bipartite double cover;
/// Schrijver, *Combinatorial Optimization*, 2003, ch. 30–31):
///
///     maximise   Σ_{p≤q} W̄_pq x_pq
///     subject to Σ_{q≠p} x_pq + 2 x_pp − (k−1) a_p − b_p = 0   (dual u_p)
///                b_p ≤ a_p,  0 ≤ a_p, b_p ≤ n_p,  x ≥ 0
///                Σ a_p = P,  Σ b_p = (k+1) O
///
/// where x_pq counts pairs between profiles, a_p members of p placed, b_p
/// those in groups of k+1, and (P, O) the placement the block is expected to
/// reach. GLPK's primal simplex solves it (`solveLP`; on these degenerate
/// transportation-like LPs it is 20 to 30 times faster than the dual simplex
/// at 80 profiles); its row duals are u. They are
/// then repaired to be exactly feasible (raising u_p to max_q(W̄_pq − u_q)
/// profile by profile keeps every earlier constraint), so the bound is valid
/// even when the LP stops early or fails; without the LP, u starts from
/// u_p = max_q W̄_pq / 2 and is lowered coordinate by coordinate.
///
/// - Complexity: the LP has C(C+1)/2 columns for C profiles; the repair and
///   each descent pass are O(C²).
struct ProfileRelaxation: Sendable {
    /// The prices u, one per profile.
    let prices: [Double]
    /// Whether the prices come from an optimal LP basis.
    let fromLP: Bool

    /// Given prices (which must be feasible for the bound to hold).
    init(prices: [Double]) {
        self.prices = prices
        fromLP = false
    }

    /// - Parameters:
    ///   - lpLimit: solve the LP on at most this many profiles (coarsening the
    ///     profiles when there are more; coarse prices, lifted to the profiles
    ///     they contain, stay feasible since coarse weights bound fine ones);
    ///     nil to skip the LP.
    init(profiles: BlockProfiles, weights: ProfileWeights, tables: RuleTables, groupSize k: Int, remainder: RemainderPolicy,
         lpLimit: Int?, budget: SolveBudget) {
        var prices: [Double]? = nil
        if let lpLimit, profiles.count > 0 {
            if let (coarse, parent) = profiles.coarsened(limit: lpLimit, rules: tables.rules) {
                let coarseWeights = ProfileWeights(profiles: coarse, tables: tables)
                prices = ProfileRelaxation.solveLP(profiles: coarse, weights: coarseWeights, k: k, remainder: remainder, budget: budget)
                    .map { coarsePrices in parent.map { coarsePrices[Int($0)] } }
            } else {
                prices = ProfileRelaxation.solveLP(profiles: profiles, weights: weights, k: k, remainder: remainder, budget: budget)
            }
        }
        fromLP = prices != nil
        var u = prices ?? weights.best.map { $0 > -.infinity ? $0 / 2 : 0 }
        ProfileRelaxation.repair(&u, profiles: profiles, weights: weights)
        for _ in 0..<3 { ProfileRelaxation.descend(&u, profiles: profiles, weights: weights) }
        self.prices = u
    }

    /// The lowest price profile p can take given the others: the largest
    /// W̄_pq − u_q over its allowed partners, with a relative margin so that
    /// the inequalities hold after rounding.
    private static func floor(_ p: Int, _ u: [Double], profiles: BlockProfiles, weights: ProfileWeights) -> Double {
        var need = -Double.infinity
        for q in 0..<profiles.count {
            let w = weights.weight(p, q)
            guard w > -.infinity else { continue }
            if q == p {
                if profiles.sizes[p] >= 2 { need = max(need, w / 2 + 1e-12 * (1 + abs(w))) }
            } else {
                need = max(need, w - u[q] + 1e-12 * (1 + abs(w) + abs(u[q])))
            }
        }
        return need
    }

    /// Makes u feasible: each u_p is raised to its floor in turn; later raises
    /// only loosen the constraints already met.
    static func repair(_ u: inout [Double], profiles: BlockProfiles, weights: ProfileWeights) {
        for p in 0..<profiles.count {
            let need = floor(p, u, profiles: profiles, weights: weights)
            if need > u[p] { u[p] = need }
        }
    }

    /// One pass of coordinate descent on the bound: each u_p is lowered to its
    /// floor (a profile with no allowed partner keeps 0: its members are never
    /// placed). Feasibility is kept.
    static func descend(_ u: inout [Double], profiles: BlockProfiles, weights: ProfileWeights) {
        for p in 0..<profiles.count {
            let need = floor(p, u, profiles: profiles, weights: weights)
            u[p] = need > -.infinity ? need : 0
        }
    }

    /// The expected placement of a block: everyone, with as few groups of k+1
    /// as the remainder needs; k·⌊n/k⌋ when that cannot be.
    static func expectedPlacement(members n: Int, groupSize k: Int, remainder: RemainderPolicy) -> (placed: Int, oversized: Int) {
        if remainder == .merge, n >= k, (k + 1) * (n % k) <= n { return (n, n % k) }
        return (n - n % k, 0)
    }

    private static func solveLP(profiles: BlockProfiles, weights: ProfileWeights, k: Int, remainder: RemainderPolicy,
                                budget: SolveBudget) -> [Double]? {
        let c = profiles.count
        let merge = remainder == .merge
        let target = expectedPlacement(members: profiles.members.count, groupSize: k, remainder: remainder)
        let rowsPerProfile = merge ? 2 : 1
        let sumA = rowsPerProfile * c, sumB = sumA + 1
        do {
            return try GLPK.withProblem(direction: .maximize) { lp throws(GLPKError) -> [Double]? in
                var rows = (0..<c).map { _ in Row(columns: [], coefficients: [], bounds: .fixed(0)) }
                if merge { rows += (0..<c).map { _ in Row(columns: [], coefficients: [], bounds: .upper(0)) } }
                rows.append(Row(columns: [], coefficients: [], bounds: .fixed(Double(target.placed))))
                if merge { rows.append(Row(columns: [], coefficients: [], bounds: .fixed(Double((k + 1) * target.oversized)))) }
                try lp.addRows(rows)
                var columns: [Column] = []
                for p in 0..<c {
                    for q in p..<c {
                        let w = weights.weight(p, q)
                        guard w > -.infinity, q != p || profiles.sizes[p] >= 2 else { continue }
                        columns.append(q == p ? Column(objective: w, rows: [p], coefficients: [2])
                                              : Column(objective: w, rows: [p, q], coefficients: [1, 1]))
                    }
                    let n = Double(profiles.sizes[p])
                    columns.append(merge ? Column(bounds: .range(lower: 0, upper: n), rows: [p, c + p, sumA], coefficients: [-Double(k - 1), -1, 1])
                                         : Column(bounds: .range(lower: 0, upper: n), rows: [p, sumA], coefficients: [-Double(k - 1), 1]))
                    if merge {
                        columns.append(Column(bounds: .range(lower: 0, upper: n), rows: [p, c + p, sumB], coefficients: [-1, 1, 1]))
                    }
                }
                try lp.addColumns(columns)
                // Stopped by simplex iterations (deterministic); a quarter of
                // the time left is the safety net, recorded when it fires.
                let iterations = SolveBudget.simplexIterations(rows: rows.count, columns: columns.count)
                let solution = try lp.solveLP(LPOptions(timeLimit: max(0.01, budget.secondsLeft / 4), iterationLimit: iterations,
                                                        method: .primal))
                if solution.termination == .timeLimit { budget.recordCut() }
                guard solution.status == .optimal, solution.termination == .completed else { return nil }
                return Array(solution.rowDuals.prefix(c))
            }
        } catch {
            return nil
        }
    }

    /// The bound of docs/format.md (the output) for this block: the largest
    /// k·S(B) + (k−1)·(S(P) − S(B)) over placed counts P in `placed` and members
    /// in groups of k+1, B = (k+1)·O for O in `oversizedGroups`, B ≤ P.
    ///
    /// - Complexity: O(C log C + |oversizedGroups| · log C).
    func bound(sizes: [Int], groupSize k: Int, placed: ClosedRange<Int>, oversizedGroups: ClosedRange<Int>) -> Double {
        let order = prices.indices.sorted { prices[$0] > prices[$1] || (prices[$0] == prices[$1] && $0 < $1) }
        var counts = [0], sums = [0.0]
        for p in order {
            counts.append(counts.last! + sizes[p])
            sums.append(sums.last! + Double(sizes[p]) * prices[p])
        }
        /// The sum of the n largest member prices.
        func top(_ n: Int) -> Double {
            // The last profile boundary at or below n, then part of the next profile.
            var lo = 0, hi = counts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if counts[mid] <= n { lo = mid } else { hi = mid - 1 }
            }
            guard lo < order.count, counts[lo] < n else { return sums[lo] }
            return sums[lo] + Double(n - counts[lo]) * prices[order[lo]]
        }
        // The placed count maximising S: members with a positive price.
        let positive = order.reduce(0) { $0 + (prices[$1] > 0 ? sizes[$1] : 0) }
        var best = -Double.infinity
        for o in oversizedGroups {
            let b = (k + 1) * o
            guard b <= placed.upperBound else { break }
            let p = min(max(positive, b, placed.lowerBound), placed.upperBound)
            best = max(best, Double(k) * top(b) + Double(k - 1) * (top(p) - top(b)))
        }
        return best
    }
}

import Foundation

/// `exact`: a proven best solution (docs/format.md (what the solver looks for)), block by block (no
/// allowed pair crosses two blocks, so the best solution is the union of the
/// blocks' best solutions).
///
/// Per block:
/// - small blocks: dynamic programming over subsets (`SubsetDP`);
/// - k = 2: maximum-cardinality maximum-weight matching (`PairMatching`, Edmonds'
///   blossom algorithm with its dual certificate). With `leaveOut`, or when the
///   matching is perfect, that is the block's optimum. Under `merge` with exposed
///   participants, triples may place more: the set-packing model below when the
///   block is small enough, otherwise the matching plus the exposed participant
///   in its best pair, with a proven bound (see `mergeBound`);
/// - otherwise: the set-packing program over the allowed groups in three
///   lexicographic stages, by branch and price (`BranchAndPrice`: column
///   generation with GLPK's simplex, an exact bounded pricing search, Ryan–Foster
///   branching), starting from the heuristic's groups; it never lists every
///   allowed group, and its Lagrangian bound holds whenever the time ends.
///
/// A block whose proof does not finish in time keeps its best groups and the
/// result is `feasible`, with `bound` when every block has one. GLPK failures
/// never crash: the block keeps the heuristic's groups and a note says why.
///
/// Which methods run on a session (a block beyond the matching's or branch and
/// price's reach goes to the scale solver; large blocks with k ≥ 3 try the
/// scale solver's profile bound first) is decided in one place,
/// `AutoSolver.exact`, which `solve` calls.
public struct ExactSolver: GroupingSolver {
    public var name: String { "exact" }
    /// Whether small blocks are solved by subset DP (off in tests of the other methods).
    public var subsetDP: Bool
    /// Whether k = 2 blocks use the matching algorithm (off in tests of the GLPK model).
    public var matching: Bool

    /// The largest block the set-packing model is tried on (nil: any block
    /// whose allowed groups can be listed). `auto` sets it so that it stays fast.
    public var groupModelLimit: Int?

    /// The largest block branch and price takes for k ≥ 3; sessions with a
    /// larger block are solved at scale, with the profile bound (decided by
    /// `AutoSolver.exact`).
    public var branchAndPriceReach: Int
    /// The default reach: the blocks whose pair table is dense (`BlockPairs`).
    public static let branchAndPriceLimit = 4_096

    public init(subsetDP: Bool = true, matching: Bool = true, groupModelLimit: Int? = nil,
                branchAndPriceReach: Int = ExactSolver.branchAndPriceLimit) {
        self.subsetDP = subsetDP
        self.matching = matching
        self.groupModelLimit = groupModelLimit
        self.branchAndPriceReach = min(branchAndPriceReach, BlockPairs.denseLimit)
    }

    /// The largest pairs block the matching takes: its pair list is O(m²) in
    /// memory (about 1 GB at 10,000 participants) and the blossom algorithm
    /// O(m³) in time and not interruptible (measured on one dense block of
    /// 10,000: 67 s on a loaded 2-core machine), so the reach shrinks with the
    /// time limit: m ≤ 10,000·(limit/30 s)^(1/3).
    static func matchingReach(timeLimit: Double) -> Int {
        min(10_000, Int(10_000 * cbrt(Swift.max(timeLimit, 0.001) / 30)))
    }

    /// `exact` as users choose it: routed by `AutoSolver.exact`, so that every
    /// output for k ≥ 3 has a bound and no block beyond the methods' reach is tried.
    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        AutoSolver.exact(self, problem: problem, limits: limits, budget: SolveBudget(limits))
    }

    /// Every block by the exact methods, within `budget`; `AutoSolver.exact`
    /// has decided that they run (the blocks are within their reach).
    func solveBlocks(_ problem: Problem, limits: SolveLimits, budget: SolveBudget) -> SolverResult {
        var tally = BlockTally()
        for (b, block) in problem.blocks.enumerated() {
            limits.progress?("exact", Double(b) / Double(max(1, problem.blocks.count)))
            guard block.count >= problem.groupSize else { continue }
            let pairs = BlockPairs(problem: problem, members: block)
            tally.add(solveBlock(pairs, problem: problem, index: b, seed: limits.seed, budget: budget), members: block)
        }
        limits.progress?("exact", 1)
        return tally.result(problem, solver: name, budget: budget)
    }

    func solveBlock(_ pairs: BlockPairs, problem: Problem, index: Int, seed: UInt64, budget: SolveBudget) -> BlockOutcome {
        let k = problem.groupSize, sizes = problem.allowedSizes
        if subsetDP, let exact = SubsetDP.solve(pairs, sizes: sizes, k: k) {
            return BlockOutcome(groups: exact, optimal: true, bound: pairs.value(of: exact, k: k).score)
        }
        var matched: PairMatching.Solution?
        if matching && k == 2 {
            let model = PairMatching(pairs: pairs)
            let solution = model.solve(stop: { budget.isOver })
            if solution.verified {
                if problem.remainder == .leaveOut || solution.exposed.isEmpty {
                    return BlockOutcome(groups: solution.pairs, optimal: true, bound: pairs.value(of: solution.pairs, k: 2).score)
                }
                matched = solution
            }
        }
        // The start of the integer program and the fallback: the matching with the
        // exposed attached when that places everyone with the fewest triples the
        // parity allows, else the heuristic's groups (or the better of the two).
        let search = { (start: [[Int]]?) in
            HeuristicSolver().searchBlock(pairs, problem: problem, rng: HeuristicSolver.blockStream(seed: seed, block: index),
                                          budget: budget, start: start)
        }
        let start: [[Int]]
        var matchedBound: Double?
        if let matched {
            (start, matchedBound) = Self.mergeStart(matched, pairs: pairs, search: search)
        } else {
            start = search(nil)
        }
        // The cheap proof first: the merge bound, when the start reaches it.
        if let matchedBound, matchedBound <= pairs.value(of: start, k: k).score + 1e-9 * (1 + abs(matchedBound)) {
            return BlockOutcome(groups: start, optimal: true, bound: matchedBound)
        }
        if pairs.m <= groupModelLimit ?? .max, pairs.isDense {
            switch BranchAndPrice(pairs: pairs, sizes: sizes, k: k).solveStages(start: start, budget: budget) {
            case .optimal(let best):
                return BlockOutcome(groups: best, optimal: true, bound: pairs.value(of: best, k: k).score)
            case .bounded(let best, let bound):
                // Stages 1 and 2 are proven: a bound that the groups reach proves them.
                let chosen = pairs.value(of: best, k: k) >= pairs.value(of: start, k: k) ? best : start
                let proven = min(bound, matchedBound ?? bound)
                guard proven.isFinite else { return kept(chosen, matchedBound: nil, note: nil) }
                let score = pairs.value(of: chosen, k: k).score
                if proven <= score + 1e-9 * (1 + abs(score)) { return BlockOutcome(groups: chosen, optimal: true, bound: score) }
                return BlockOutcome(groups: chosen, optimal: false, bound: proven)
            case .unproven(let note):
                return kept(start, matchedBound: matchedBound, note: note)
            }
        }
        return kept(start, matchedBound: matchedBound, note: matchedBound != nil ? nil
            : budget.isOver ? "the time limit ended the exact methods on a block of \(pairs.m) participants; kept the heuristic's groups"
            : "a block of \(pairs.m) participants is too large for the exact model; kept the heuristic's groups")

        /// No exact method finished: the start's groups with the merge bound,
        /// else the star bound (`BlockPairs.starBound`, on a tabulated block).
        func kept(_ groups: [[Int]], matchedBound: Double?, note: String?) -> BlockOutcome {
            if let matchedBound { return BlockOutcome(groups: groups, optimal: false, bound: matchedBound, note: note) }
            let star = HeuristicSolver().outcome(groups, pairs: pairs, problem: problem, bounds: [])
            return BlockOutcome(groups: groups, optimal: star.optimal, bound: star.bound, note: note)
        }
    }

    /// Under `merge` with k = 2, from a verified matching that leaves some
    /// participants exposed: the start groups and the merge bound. The start is
    /// the matching with the exposed attached (`attachExposed`) improved by
    /// `search`, or `search`'s own groups (`search(nil)`) when those are better
    /// and the first does not place everyone with the fewest triples the parity
    /// allows. The heuristic and `exact` both begin here.
    static func mergeStart(_ matched: PairMatching.Solution, pairs: BlockPairs,
                           search: ([[Int]]?) -> [[Int]]) -> (groups: [[Int]], bound: Double?) {
        var start = search(attachExposed(matched, pairs: pairs))
        let startValue = pairs.value(of: start, k: 2)
        if startValue.placed < pairs.m || startValue.oversized > pairs.m % 2 {
            let plain = search(nil)
            if pairs.value(of: plain, k: 2) > startValue { start = plain }
        }
        return (start, mergeBound(matched, start: start, pairs: pairs))
    }

    /// Under `merge` with k = 2: the matching, with each exposed participant
    /// added to the pair where it adds the most (if allowed).
    static func attachExposed(_ matched: PairMatching.Solution, pairs: BlockPairs) -> [[Int]] {
        var groups = matched.pairs
        for u in matched.exposed {
            var best = -Double.infinity, bestGroup = -1
            for (g, group) in groups.enumerated() where group.count == 2 {
                let add = pairs.w(u, group[0]) + pairs.w(u, group[1])
                if add > best { best = add; bestGroup = g }
            }
            if bestGroup >= 0 { groups[bestGroup].append(u) }
        }
        return groups
    }

    /// A proven bound for `merge`, k = 2, when the block has an odd number m of
    /// participants, the maximum matching leaves exactly one exposed and the
    /// solution places all m with one triple (so placed and oversized are
    /// proven best: m is everyone and one triple is forced by parity).
    ///
    /// Any such solution is a triple {a, b, c} plus a perfect matching of the
    /// rest; dropping c leaves a matching of maximum cardinality (m-1)/2, whose
    /// weight is at most W, the matching's weight (maximum among maximum
    /// cardinality matchings). So its score is at most W + w(c,a) + w(c,b)
    /// <= W + max_c (sum of c's two largest allowed weights).
    static func mergeBound(_ matched: PairMatching.Solution, start: [[Int]], pairs: BlockPairs) -> Double? {
        guard matched.exposed.count == 1, pairs.m % 2 == 1 else { return nil }
        let placed = start.reduce(0) { $0 + $1.count }
        let triples = start.filter { $0.count == 3 }.count
        guard placed == pairs.m, triples == 1 else { return nil }
        var best = -Double.infinity
        for c in 0..<pairs.m {
            var first = -Double.infinity, second = -Double.infinity
            for a in 0..<pairs.m where a != c {
                let w = pairs.w(c, a)
                if w > first { second = first; first = w } else if w > second { second = w }
            }
            best = max(best, first + second)
        }
        guard best > -.infinity else { return nil }
        return pairs.value(of: matched.pairs, k: 2).score + best
    }
}

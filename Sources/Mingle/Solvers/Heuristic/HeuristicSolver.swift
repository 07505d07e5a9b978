/// The fast solver: works block by block (blocks are the classes of the
/// required `same` rules, which no allowed pair crosses).
///
/// - A block of at most `SubsetDP.maxMembers` participants whose allowed
///   groups are few enough is solved exactly by dynamic programming over subsets.
/// - Pairs (k = 2): the maximum-cardinality maximum-weight matching
///   (`PairMatching`, Edmonds' blossom algorithm), which is the block's optimum
///   under `leaveOut` or when it is perfect; under `merge` the exposed join
///   their best pair and the local search below starts from there.
/// - Otherwise: greedy construction (most constrained first, best gain),
///   placement repair (insertions, new groups from the unplaced and from
///   groups of k+1, one-step ejections, then k unplaced re-partitioned exactly
///   with one or two groups into one group more), then iterated local search
///   on the score (`BlockSearch.iterate`: descent on swaps between groups,
///   with the unplaced, and moves out of groups of k+1, kicked by random
///   cyclic exchanges), with exact re-partitions of a group and its most
///   related groups before and after (`BlockSearch.repartitionSweep`).
///
/// Deterministic for a seed: the search is bounded by work (`Effort`: kicks,
/// kicks without improvement, sweeps; on large blocks candidate pairs
/// examined: `SolveBudget`), not by time; the time limit and cancellation
/// only stop it early as a safety net, and then the result says so
/// (`timeLimitReached`).
///
/// When every block was solved exactly, the status is `optimal` with
/// `bound == objective`; otherwise `feasible` with a bound when every block
/// has one: the matching's (`ExactSolver.mergeBound`) or the star relaxation
/// (`BlockPairs.starBound`) at the block's placed and oversized counts.
///
/// Any size is handled, with the same moves: on blocks larger than
/// `ScaleSolver.largeBlock` the construction scans fewer candidates, the kicks
/// are those of a block of `largeBlock` and the descent examines a bounded
/// number of pairs, so the work stays about that of such a block; the matching
/// runs only within its reach (`ExactSolver.matchingReach`) and the star bound
/// only on tabulated blocks. There `ScaleSolver` is better and proves a bound;
/// `AutoSolver` (the only place that chooses a solver) runs it.
public struct HeuristicSolver: GroupingSolver {
    public var name: String { "heuristic" }
    /// Iterated-local-search kicks per participant of a block at most (each O(k² m)).
    public var kicksPerMember: Int
    /// Whether small blocks may be solved exactly by subset DP.
    public var exactSmallBlocks: Bool

    public init(kicksPerMember: Int = 2, exactSmallBlocks: Bool = true) {
        self.kicksPerMember = kicksPerMember
        self.exactSmallBlocks = exactSmallBlocks
    }

    /// The work the search may do on one block, as counts (never time), so the
    /// same input and seed give the same groups on any machine. Every stop of
    /// the heuristic's search reads its counts from here.
    struct Effort {
        /// Iterated-local-search kicks in all.
        var kicks: Int
        /// Kicks in a row without a strict improvement before the search stops:
        /// easy blocks (no kick gains) stop early, hard ones run to `kicks`.
        var stall: Int
        /// Sweeps of exact re-partitions of a few groups (`BlockSearch.repartitionSweep`).
        var sweeps: Int
    }

    /// Kicks on any block, however small: small blocks with many forbidden
    /// pairs have few allowed moves and need more tries (each kick costs O(k² m)).
    static let minimumKicks = 1000
    /// Kicks without improvement before stopping: `stallPerMember` per member,
    /// at least `minimumStall`. Measured (heuristic-quality.py): a stall of 200
    /// on small blocks lost up to 50 points of score on 20-member quads, so
    /// blocks up to 2,000 members keep the full `minimumKicks`.
    static let minimumStall = 1000
    static let stallPerMember = 0.5
    static let sweeps = 4

    /// The effort for a block of m participants.
    func effort(members m: Int) -> Effort {
        Effort(kicks: max(kicksPerMember * min(m, ScaleSolver.largeBlock), Self.minimumKicks),
               stall: max(Self.minimumStall, Int(Self.stallPerMember * Double(m))),
               sweeps: Self.sweeps)
    }

    /// What the heuristic established on one block (local indices).
    struct BlockOutcome {
        var groups: [[Int]]
        /// Proven optimal.
        var optimal: Bool
        /// An upper bound on the block's score (docs/format.md), when one holds.
        var bound: Double?
    }

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        solve(problem, limits: limits, budget: SolveBudget(limits))
    }

    func solve(_ problem: Problem, limits: SolveLimits, budget: SolveBudget) -> SolverResult {
        var groups: [[Int32]] = []
        var allExact = true
        var anyGroupPossible = false
        var bound: Double? = 0
        let total = max(1, problem.count)
        var done = 0
        for (b, block) in problem.blocks.enumerated() {
            limits.progress?("heuristic", Double(done) / Double(total))
            done += block.count
            guard block.count >= problem.groupSize else { continue }
            let pairs = BlockPairs(problem: problem, members: block)
            if exactSmallBlocks, let exact = SubsetDP.solve(pairs, sizes: problem.allowedSizes, k: problem.groupSize) {
                if !exact.isEmpty { anyGroupPossible = true }
                groups += exact.map { $0.map { block[$0] } }
                bound = bound.map { $0 + pairs.value(of: exact, k: problem.groupSize).score }
                continue
            }
            anyGroupPossible = true // unknown; no proof of infeasibility
            let outcome = solveBlock(pairs, problem: problem, rng: HeuristicSolver.blockStream(seed: limits.seed, block: b), budget: budget)
            allExact = allExact && outcome.optimal
            if let blockBound = outcome.bound, let sum = bound { bound = sum + blockBound } else { bound = nil }
            groups += outcome.groups.map { $0.map { block[$0] } }
        }
        limits.progress?("heuristic", 1)
        groups = Problem.canonical(groups)
        let score = problem.value(of: groups).score
        if allExact {
            if !anyGroupPossible { return SolverResult(groups: [], status: .infeasible, bound: 0, solver: name) }
            return SolverResult(groups: groups, status: .optimal, bound: score, solver: name)
        }
        return SolverResult(groups: groups, status: .feasible, bound: bound.map { max($0, score) }, solver: name,
                            timeLimitReached: budget.wasCut)
    }

    /// One block beyond subset DP: the matching for pairs, the local search
    /// otherwise, with the bound that holds for the groups found.
    func solveBlock(_ pairs: BlockPairs, problem: Problem, rng: SplitMix64, budget: SolveBudget) -> BlockOutcome {
        let k = problem.groupSize
        // The matching is O(m³) and cannot be interrupted: only within its reach.
        if k == 2, pairs.isDense, pairs.m <= ExactSolver.matchingReach(timeLimit: budget.timeLimit),
           let matched = pairsBlock(pairs, problem: problem, rng: rng, budget: budget) { return matched }
        let groups = searchBlock(pairs, problem: problem, rng: rng, budget: budget)
        return outcome(groups, pairs: pairs, problem: problem, bounds: [])
    }

    /// The outcome of groups with the star bound and any `bounds` given: optimal
    /// when the placed and oversized counts are the most any grouping reaches
    /// (everyone placed with `m mod k` groups of k+1 under `merge`, `m - m mod k`
    /// placed under `leaveOut`) and the smallest bound is reached.
    func outcome(_ groups: [[Int]], pairs: BlockPairs, problem: Problem, bounds: [Double?]) -> BlockOutcome {
        let k = problem.groupSize, m = pairs.m
        let value = pairs.value(of: groups, k: k)
        // O(m²) weights: only on a tabulated block.
        let star = pairs.isDense ? pairs.starBound(k: k, placed: value.placed, oversized: value.oversized) : nil
        guard let bound = (bounds + [star]).compactMap({ $0 }).min() else { return BlockOutcome(groups: groups, optimal: false, bound: nil) }
        let bestCounts = problem.remainder == .merge ? value.placed == m && value.oversized == m % k : value.placed == m - m % k
        let optimal = bestCounts && bound <= value.score + 1e-9 * (1 + abs(bound))
        return BlockOutcome(groups: groups, optimal: optimal, bound: optimal ? value.score : max(bound, value.score))
    }

    /// Pairs by the matching (nil when its certificate fails): optimal under
    /// `leaveOut` or when perfect; under `merge` with exposed participants, the
    /// matching with the exposed attached and improved by the local search, or
    /// the local search alone when that places more, with the matching's bound
    /// when it applies, else the star bound.
    func pairsBlock(_ pairs: BlockPairs, problem: Problem, rng: SplitMix64, budget: SolveBudget) -> BlockOutcome? {
        let solution = PairMatching(pairs: pairs).solve()
        guard solution.verified else { return nil }
        if problem.remainder == .leaveOut || solution.exposed.isEmpty {
            return BlockOutcome(groups: solution.pairs, optimal: true, bound: pairs.value(of: solution.pairs, k: 2).score)
        }
        let start = ExactSolver.mergeStart(solution, pairs: pairs) {
            searchBlock(pairs, problem: problem, rng: rng, budget: budget, start: $0)
        }
        return outcome(start.groups, pairs: pairs, problem: problem, bounds: [start.bound])
    }

    /// The local search on one block (no subset DP): construction, placement
    /// repair, iterated local search on the score, placement repair again.
    /// Local indices. With `start`, the search begins from those groups (local
    /// indices) instead of the greedy construction.
    func searchBlock(_ pairs: BlockPairs, problem: Problem, rng: SplitMix64, budget: SolveBudget, start: [[Int]]? = nil) -> [[Int]] {
        var search = BlockSearch(pairs: pairs, k: problem.groupSize, maxSize: problem.allowedSizes.upperBound,
                                 rng: rng, budget: budget)
        if let start {
            for group in start { search.addGroup(group) }
        } else {
            search.construct()
        }
        search.improvePlacement()
        if search.placeByRepartition() { search.improvePlacement() }
        search.iterate(effort(members: pairs.m))
        search.improvePlacement()
        search.descend(Array(0..<pairs.m))
        return search.groups.filter { !$0.isEmpty }.map { $0.map(Int.init) }
    }

    /// The random stream of block `b` for a seed: the same in every solver, so
    /// that `exact` and `auto` start from the heuristic's own groups.
    static func blockStream(seed: UInt64, block b: Int) -> SplitMix64 {
        SplitMix64(seed: seed).fork(UInt64(b))
    }
}

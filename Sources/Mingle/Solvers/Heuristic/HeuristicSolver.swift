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
///   groups of k+1, one-step ejections), then iterated local search on the
///   score (`BlockSearch.iterate`: descent on swaps between groups, with the
///   unplaced, and moves out of groups of k+1, kicked by random cyclic
///   exchanges), then large-neighbourhood moves that only improve (k unplaced
///   re-partitioned exactly with one or two groups into one group more,
///   `BlockSearch.placeByRepartition`; exact re-partitions of a group and its
///   most related groups, `BlockSearch.repartitionSweep`); on small blocks of
///   groups of 3 or more, more such runs from new constructions, the best kept.
///
/// Deterministic for a seed: the search is bounded by work (`Effort`: kicks,
/// sweeps, restarts; on large blocks candidate pairs examined:
/// `SolveBudget`), not by time; the time limit and cancellation
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

    /// Whether the search goes on after the kicks with the large-neighbourhood
    /// moves and the restarts (`Effort.sweeps`, `Effort.restarts`); off, the
    /// groups are those of the kicks alone, a floor for the full search (tests).
    var largeNeighbourhood = true

    /// The work the search may do on one block, as counts (never time), so the
    /// same input and seed give the same groups on any machine. Every stop of
    /// the heuristic's search reads its counts from here.
    struct Effort {
        /// Iterated-local-search kicks of one run.
        var kicks: Int
        /// Sweeps of exact re-partitions of a few groups (`BlockSearch.repartitionSweep`)
        /// after the kicks; 0 turns off the re-partitions to place more
        /// (`BlockSearch.placeByRepartition`) too.
        var sweeps: Int
        /// Runs after the first, each from its own construction and random
        /// stream, kept only when better than the best so far.
        var restarts: Int
    }

    /// Kicks on any block, however small: small blocks with many forbidden
    /// pairs have few allowed moves and need more tries (each kick costs O(k² m)).
    static let minimumKicks = 1000
    static let sweeps = 4
    /// Restarts on blocks of groups of 3 or more: `restartMembers / m - 1`,
    /// at most `maximumRestarts`, so that the runs of a block cover about
    /// `restartMembers` members' worth of kicks (none above 50 members).
    /// Measured (heuristic-quality.py, 12 seeds of the same session): on
    /// blocks of 20 to 25 members one run's local optimum varies with the seed
    /// by up to 60% of the optimum (quads with many forbidden pairs and repeat
    /// penalties), and the best of a few runs reaches it far more often.
    static let restartMembers = 100
    static let maximumRestarts = 3

    /// The effort for a block of m participants in groups of k. Above
    /// `ScaleSolver.largeBlock` the kicks are those of a block of `largeBlock`
    /// and there are no re-partitions (finding a group's related groups costs
    /// O(k m) weights); pairs (whose start is the matching) get no restarts.
    func effort(members m: Int, groupSize k: Int) -> Effort {
        let extra = largeNeighbourhood && m <= ScaleSolver.largeBlock
        return Effort(kicks: max(kicksPerMember * min(m, ScaleSolver.largeBlock), Self.minimumKicks),
                      sweeps: extra ? Self.sweeps : 0,
                      restarts: extra && k >= 3 ? min(Self.maximumRestarts, max(0, Self.restartMembers / max(m, 1) - 1)) : 0)
    }

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        solve(problem, limits: limits, budget: SolveBudget(limits))
    }

    func solve(_ problem: Problem, limits: SolveLimits, budget: SolveBudget) -> SolverResult {
        var tally = BlockTally()
        let total = max(1, problem.count)
        var done = 0
        for (b, block) in problem.blocks.enumerated() {
            limits.progress?("heuristic", Double(done) / Double(total))
            done += block.count
            guard block.count >= problem.groupSize else { continue }
            let pairs = BlockPairs(problem: problem, members: block)
            if exactSmallBlocks, let exact = SubsetDP.solve(pairs, sizes: problem.allowedSizes, k: problem.groupSize) {
                tally.add(BlockOutcome(groups: exact, optimal: true, bound: pairs.value(of: exact, k: problem.groupSize).score), members: block)
                continue
            }
            let outcome = solveBlock(pairs, problem: problem, rng: HeuristicSolver.blockStream(seed: limits.seed, block: b), budget: budget)
            tally.add(outcome, members: block)
        }
        limits.progress?("heuristic", 1)
        return tally.result(problem, solver: name, budget: budget)
    }

    /// One block beyond subset DP: the matching for pairs, the local search
    /// otherwise, with the bound that holds for the groups found.
    func solveBlock(_ pairs: BlockPairs, problem: Problem, rng: SplitMix64, budget: SolveBudget) -> BlockOutcome {
        let k = problem.groupSize
        // The matching is O(m³): only within its reach (and the budget's safety
        // net stops it, the local search taking over).
        if k == 2, pairs.isDense, pairs.m <= ExactSolver.matchingReach(timeLimit: budget.timeLimit),
           let matched = pairsBlock(pairs, problem: problem, rng: rng, budget: budget) { return matched }
        let groups = bestOfRuns(pairs, problem: problem, rng: rng, budget: budget)
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
        let solution = PairMatching(pairs: pairs).solve(stop: { budget.isOver })
        guard solution.verified else { return nil }
        if problem.remainder == .leaveOut || solution.exposed.isEmpty {
            return BlockOutcome(groups: solution.pairs, optimal: true, bound: pairs.value(of: solution.pairs, k: 2).score)
        }
        let start = ExactSolver.mergeStart(solution, pairs: pairs) {
            searchBlock(pairs, problem: problem, rng: rng, budget: budget, start: $0)
        }
        return outcome(start.groups, pairs: pairs, problem: problem, bounds: [start.bound])
    }

    /// The heuristic's own search of a block: `searchBlock`, then under
    /// `Effort.restarts` more runs from new constructions, each on its own
    /// stream (`SplitMix64.fork`), the best kept (local indices). The exact
    /// solver's start is `searchBlock` alone, so its time is unchanged.
    func bestOfRuns(_ pairs: BlockPairs, problem: Problem, rng: SplitMix64, budget: SolveBudget) -> [[Int]] {
        let k = problem.groupSize
        let effort = effort(members: pairs.m, groupSize: k)
        var best = searchBlock(pairs, problem: problem, rng: rng, budget: budget)
        var bestValue = pairs.value(of: best, k: k)
        for run in 0..<effort.restarts where !budget.isOver {
            let groups = searchBlock(pairs, problem: problem, rng: rng.fork(UInt64(run + 1)), budget: budget)
            let value = pairs.value(of: groups, k: k)
            if value > bestValue { (best, bestValue) = (groups, value) }
        }
        return best
    }

    /// One run of the local search on a block (no subset DP): construction
    /// (or `start`, local indices), placement repair, iterated local search on
    /// the score, placement repair again, then the large-neighbourhood moves,
    /// each of which only improves the value (docs/format.md order): k
    /// unplaced re-partitioned with one or two groups into one group more, and
    /// sweeps of exact re-partitions of a group and its most related groups.
    /// So the groups are never worse than those of the kicks alone
    /// (`largeNeighbourhood` off). Local indices.
    func searchBlock(_ pairs: BlockPairs, problem: Problem, rng: SplitMix64, budget: SolveBudget, start: [[Int]]? = nil) -> [[Int]] {
        let effort = effort(members: pairs.m, groupSize: problem.groupSize)
        var search = BlockSearch(pairs: pairs, k: problem.groupSize, maxSize: problem.allowedSizes.upperBound,
                                 rng: rng, budget: budget)
        if let start {
            for group in start { search.addGroup(group) }
        } else {
            search.construct()
        }
        search.improvePlacement()
        search.iterate(kicks: effort.kicks)
        search.improvePlacement()
        search.descend(Array(0..<pairs.m))
        if effort.sweeps > 0 {
            if search.placeByRepartition() {
                search.improvePlacement()
                search.descend(Array(0..<pairs.m))
            }
            search.polish(sweeps: effort.sweeps)
        }
        return search.groups.filter { !$0.isEmpty }.map { $0.map(Int.init) }
    }

    /// The random stream of block `b` for a seed: the same in every solver, so
    /// that `exact` and `auto` start from the heuristic's own groups.
    static func blockStream(seed: UInt64, block b: Int) -> SplitMix64 {
        SplitMix64(seed: seed).fork(UInt64(b))
    }
}

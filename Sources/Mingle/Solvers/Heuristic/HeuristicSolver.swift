import Foundation

/// The fast solver: works block by block (blocks are the classes of the
/// required `same` rules, which no allowed pair crosses).
///
/// - A block of at most `SubsetDP.maxMembers` participants whose allowed
///   groups are few enough is solved exactly by dynamic programming over subsets.
/// - Larger blocks: greedy construction (most constrained first, best gain),
///   then placement repair (insertions, new groups from the unplaced and from
///   groups of k+1, one-step ejections), then first-improvement local search on
///   the score (swaps between groups, with the unplaced, and moves out of groups
///   of k+1).
///
/// Deterministic for a seed: the search is bounded by passes, not by time; the
/// time limit only stops it early on instances too large for the passes to
/// finish, and then the output depends on the machine's speed.
///
/// When every block was solved exactly, the status is `optimal` with
/// `bound == objective`; otherwise `feasible` without a bound.
///
/// Sessions with a block larger than `ScaleSolver.largeBlock` go to
/// `ScaleSolver`, which is as good there, far faster, and proves a bound.
public struct HeuristicSolver: GroupingSolver {
    public var name: String { "heuristic" }
    /// Local-search passes per block (each O(m² k)).
    public var maxPasses: Int
    /// Whether small blocks may be solved exactly by subset DP.
    public var exactSmallBlocks: Bool

    public init(maxPasses: Int = 50, exactSmallBlocks: Bool = true) {
        self.maxPasses = maxPasses
        self.exactSmallBlocks = exactSmallBlocks
    }

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        if ScaleSolver.isLarge(problem) { return ScaleSolver().solve(problem, limits: limits) }
        let deadline = Date(timeIntervalSinceNow: limits.timeLimit)
        var groups: [[Int32]] = []
        var allExact = true
        var anyGroupPossible = false
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
                continue
            }
            allExact = false
            anyGroupPossible = true // unknown; no proof of infeasibility
            let local = searchBlock(pairs, problem: problem, rng: HeuristicSolver.blockStream(seed: limits.seed, block: b), deadline: deadline)
            groups += local.map { $0.map { block[$0] } }
        }
        limits.progress?("heuristic", 1)
        groups = Problem.canonical(groups)
        if allExact {
            if !anyGroupPossible { return SolverResult(groups: [], status: .infeasible, bound: 0, solver: name) }
            return SolverResult(groups: groups, status: .optimal, bound: problem.value(of: groups).score, solver: name)
        }
        return SolverResult(groups: groups, status: .feasible, bound: nil, solver: name)
    }

    /// The local search on one block (no subset DP): construction, placement
    /// repair, score improvement, placement repair again. Local indices.
    /// With `start`, the search begins from those groups (local indices)
    /// instead of the greedy construction.
    func searchBlock(_ pairs: BlockPairs, problem: Problem, rng: SplitMix64, deadline: Date, start: [[Int]]? = nil) -> [[Int]] {
        var search = BlockSearch(pairs: pairs, k: problem.groupSize, maxSize: problem.allowedSizes.upperBound,
                                 rng: rng, deadline: deadline)
        if let start {
            for group in start { search.addGroup(group) }
        } else {
            search.construct()
        }
        search.improvePlacement()
        search.improveScore(maxPasses: maxPasses)
        search.improvePlacement()
        return search.groups.filter { !$0.isEmpty }.map { $0.map(Int.init) }
    }

    /// The random stream of block `b` for a seed: the same in every solver, so
    /// that `exact` and `auto` start from the heuristic's own groups.
    static func blockStream(seed: UInt64, block b: Int) -> SplitMix64 {
        SplitMix64(seed: seed).fork(UInt64(b))
    }
}

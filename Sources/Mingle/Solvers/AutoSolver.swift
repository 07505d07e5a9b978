/// `auto`: the exact solver when the instance is within its reach, the
/// scale solver or the heuristic otherwise. The only place that chooses a
/// solver; one `SolveBudget` serves every solver it runs.
///
/// The exact methods are affordable when every block is (a) a pairs block
/// (k = 2) of at most `matchingLimit` participants — the blossom matching is
/// O(m³) and takes about a second at 5,000 participants — or (b) a block of at
/// most `groupModelLimit` participants for k >= 3, whose allowed groups the
/// set-packing model can list. Then `exact` runs under the time limit and
/// returns a proof, or its best groups with a bound when the limit ends first.
/// Pairs blocks under `merge` whose cheap proof does not close are not handed
/// to the set-packing model when larger than `groupModelLimit`: they keep the
/// matching's groups and its proven bound (a gap of at most a few points).
/// Otherwise sessions with a block above `ScaleSolver.largeBlock` go to
/// `ScaleSolver`, all others to the heuristic (exact on tiny blocks).
/// Large sessions within exact's reach try `ScaleSolver` first, and keep its
/// groups when its bound proves them optimal.
public struct AutoSolver: GroupingSolver {
    public var name: String { "auto" }
    public static let matchingLimit = 8_000
    public static let groupModelLimit = 120

    public init() {}

    /// Whether `exact` is chosen for this problem.
    public static func prefersExact(_ problem: Problem) -> Bool {
        let largest = problem.blocks.map(\.count).max() ?? 0
        return largest <= (problem.groupSize == 2 ? matchingLimit : groupModelLimit)
    }

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        let budget = SolveBudget(limits)
        if AutoSolver.prefersExact(problem) {
            let exact = ExactSolver(groupModelLimit: AutoSolver.groupModelLimit)
            // On large sessions the scale solver's bound often proves its own
            // groups optimal, in a fraction of the matching's O(m³).
            if ScaleSolver.isLarge(problem) {
                let quick = ScaleSolver().solve(problem, limits: limits, budget: budget)
                if quick.status == .optimal { return quick }
            }
            return AutoSolver.exact(exact, problem: problem, limits: limits, budget: budget)
        }
        if ScaleSolver.isLarge(problem) { return ScaleSolver().solve(problem, limits: limits, budget: budget) }
        return HeuristicSolver().solve(problem, limits: limits, budget: budget)
    }
}

extension AutoSolver {
    /// `exact` (chosen by the user, or by `auto`): which methods run.
    ///
    /// - A block beyond the exact methods' reach — a pairs block beyond the
    ///   matching's (`ExactSolver.matchingReach`), or a block of more than
    ///   `exact.branchAndPriceReach` members for k ≥ 3 (branch and price keeps an
    ///   m×m pair table and pricing graph) — sends the session to the scale
    ///   solver (with its proven profile bound) and a note saying so.
    /// - Large sessions with k ≥ 3 try the scale solver first, on a quarter of
    ///   the time limit: its profile bound is often tight there (one dense
    ///   block of 2,000 in triples: 0.02% in 0.2 s) and may prove its groups at
    ///   once; otherwise branch and price runs and the better groups are kept,
    ///   with the lower bound.
    /// - Otherwise every block by the exact methods (`ExactSolver.solveBlocks`).
    ///
    /// So every output of `exact` for k ≥ 3 has a bound.
    static func exact(_ exact: ExactSolver, problem: Problem, limits: SolveLimits, budget: SolveBudget) -> SolverResult {
        if let largest = problem.blocks.map(\.count).max() {
            let beyond: String?
            if problem.groupSize == 2 {
                beyond = largest > ExactSolver.matchingReach(timeLimit: limits.timeLimit)
                    ? "the exact matching's reach within the time limit" : nil
            } else {
                beyond = largest > exact.branchAndPriceReach ? "branch and price's reach" : nil
            }
            if let beyond {
                var result = ScaleSolver().solve(problem, limits: limits, budget: budget)
                result.notes.append("a block of \(largest) participants is beyond \(beyond); solved at scale, with a proven bound")
                return result
            }
        }
        guard problem.groupSize >= 3, ScaleSolver.isLarge(problem) else {
            return exact.solveBlocks(problem, limits: limits, budget: budget)
        }
        let quick = ScaleSolver().solve(problem, limits: limits, budget: budget.share(0.25))
        if quick.status == .optimal { return quick }
        return better(exact.solveBlocks(problem, limits: limits, budget: budget), quick, problem: problem)
    }

    /// The better groups of two results on one problem, with the lower of
    /// their bounds (each bounds the best solution's score, so both hold).
    private static func better(_ a: SolverResult, _ b: SolverResult, problem: Problem) -> SolverResult {
        if a.status == .optimal || a.status == .infeasible { return a }
        var result = problem.value(of: a.groups) >= problem.value(of: b.groups) ? a : b
        let bounds = [a.bound, b.bound].compactMap { $0 }
        result.bound = bounds.min().map { max($0, problem.value(of: result.groups).score) }
        result.notes = a.notes + b.notes
        result.timeLimitReached = a.timeLimitReached || b.timeLimitReached
        return result
    }
}

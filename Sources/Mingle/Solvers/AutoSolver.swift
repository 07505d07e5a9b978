import Foundation

/// `auto`: the exact solver when the instance is within its reach, the
/// heuristic otherwise.
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
/// Otherwise the heuristic runs (it is exact on tiny blocks, and hands
/// sessions with a block above `ScaleSolver.largeBlock` to `ScaleSolver`).
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
        if AutoSolver.prefersExact(problem) {
            let exact = ExactSolver(groupModelLimit: AutoSolver.groupModelLimit)
            // On large sessions the scale solver's bound often proves its own
            // groups optimal, in a fraction of the matching's O(m³).
            if ScaleSolver.isLarge(problem) {
                let start = Date()
                let quick = ScaleSolver().solve(problem, limits: limits)
                if quick.status == .optimal { return quick }
                var rest = limits
                rest.timeLimit = max(0.01, limits.timeLimit - Date().timeIntervalSince(start))
                return exact.solve(problem, limits: rest)
            }
            return exact.solve(problem, limits: limits)
        }
        return HeuristicSolver().solve(problem, limits: limits)
    }
}

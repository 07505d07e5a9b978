/// `auto`: proves optimality when the instance allows it within the time
/// limit, otherwise returns the heuristic's solution; sessions with a block
/// of more than `ScaleSolver.largeBlock` participants go to `ScaleSolver`.
public struct AutoSolver: GroupingSolver {
    public var name: String { "auto" }
    public init() {}

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        if ScaleSolver.isLarge(problem) { return ScaleSolver().solve(problem, limits: limits) }
        return HeuristicSolver().solve(problem, limits: limits)
    }
}

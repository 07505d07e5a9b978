/// `exact`: placeholder until the GLPK-backed solver lands.
public struct ExactSolver: GroupingSolver {
    public var name: String { "exact" }
    public init() {}

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        HeuristicSolver().solve(problem, limits: limits)
    }
}

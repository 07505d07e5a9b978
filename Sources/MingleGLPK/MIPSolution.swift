// MIPSolution.swift

/// Result of ``LinearProgram/solveMIP(_:incumbent:cuts:)``.
///
/// Arrays are indexed by 0-based column/row index and hold the integer
/// solution (`glp_mip_col_val`, `glp_mip_row_val`); they are meaningful
/// only when ``status`` is ``SolutionStatus/optimal`` or
/// ``SolutionStatus/feasible`` (otherwise GLPK reports zeros).
public struct MIPSolution: Sendable, Hashable {
    /// `glp_mip_status`: ``SolutionStatus/optimal``,
    /// ``SolutionStatus/feasible`` (incumbent, optimality not proven),
    /// ``SolutionStatus/noFeasible`` (proven integer infeasible, or LP
    /// relaxation infeasible), ``SolutionStatus/unbounded`` (LP relaxation
    /// unbounded) or ``SolutionStatus/undefined`` (no incumbent yet).
    public var status: SolutionStatus
    /// Whether the search completed or stopped at a limit.
    public var termination: Termination
    /// Objective value of the integer solution.
    public var objective: Double
    /// Integer solution values, one per column.
    public var columnValues: [Double]
    /// Row activities of the integer solution, one per row.
    public var rowActivities: [Double]
    /// Best global bound on the optimal objective (lower bound when
    /// minimizing, upper bound when maximizing).
    ///
    /// Recorded from the branch-and-bound tree on every callback
    /// (`glp_ios_best_node` + `glp_ios_node_bound`), so when the time limit
    /// or the gap tolerance stops the search it is the bound known at that
    /// point. Equal to ``objective`` when the search completed with an
    /// optimal solution; nil when no bound is known (e.g. infeasible).
    public var bestBound: Double?
    /// `|objective - bestBound| / (|objective| + DBL_EPSILON)` (GLPK's
    /// formula) when both are known; 0 for a proven optimum.
    public var relativeGap: Double?
    /// Optimal objective of the root LP relaxation (only when the MIP
    /// presolver is off, because then the wrapper solves it itself).
    public var rootRelaxationObjective: Double?
    /// Number of branch-and-bound nodes created (`glp_ios_tree_size`).
    public var nodes: Int
    /// Solutions from the incumbent provider that GLPK accepted as a new
    /// incumbent.
    public var heuristicSolutionsAccepted: Int
    /// Solutions from the incumbent provider that were rejected: violating
    /// a bound or constraint, fractional in an integer column, or not
    /// better than the incumbent.
    public var heuristicSolutionsRejected: Int
    /// Cuts handed to GLPK's cut pool by the cut generator.
    public var cutsAdded: Int
}

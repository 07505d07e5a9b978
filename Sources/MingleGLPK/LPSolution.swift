// LPSolution.swift

/// Result of ``LinearProgram/solveLP(_:)``: the basic solution.
///
/// Arrays are indexed by 0-based column/row index. Values come from the
/// final basis and are meaningful as an optimum only when ``status`` is
/// ``SolutionStatus/optimal``.
///
/// Sign conventions are GLPK's: the dual value of row `i` is
/// `lambda_i = d z / d r_i` (the change of the objective per unit change
/// of the active bound), and the reduced cost of column `j` is
/// `d_j = c_j - sum_i a_ij * lambda_i`. For a minimization, a binding
/// `>=` row has `lambda_i >= 0` and a binding `<=` row `lambda_i <= 0`;
/// for a maximization the signs flip.
public struct LPSolution: Sendable, Hashable {
    /// Generic status (`glp_get_status`).
    public var status: SolutionStatus
    /// Status of the primal basic solution (`glp_get_prim_stat`).
    public var primalStatus: SolutionStatus
    /// Status of the dual basic solution (`glp_get_dual_stat`).
    public var dualStatus: SolutionStatus
    /// Whether the simplex ran to completion or stopped at a limit.
    public var termination: Termination
    /// Objective value `c^T x + c_0` (`glp_get_obj_val`).
    public var objective: Double
    /// Primal values `x_j` (`glp_get_col_prim`).
    public var columnValues: [Double]
    /// Reduced costs `d_j` (`glp_get_col_dual`).
    public var reducedCosts: [Double]
    /// Row activities `r_i = (A x)_i` (`glp_get_row_prim`).
    public var rowActivities: [Double]
    /// Row duals `lambda_i` (`glp_get_row_dual`).
    public var rowDuals: [Double]
    /// Cumulative simplex iteration count of the problem object
    /// (`glp_get_it_cnt`).
    public var iterations: Int
}

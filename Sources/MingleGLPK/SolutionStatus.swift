// SolutionStatus.swift

/// The status of a solution, as reported by `glp_get_status`,
/// `glp_get_prim_stat`/`glp_get_dual_stat` (basic solution) or
/// `glp_mip_status` (MIP solution).
///
/// This answers "what did the solve find?". Whether the call itself worked
/// is answered by throwing ``GLPKError``.
public enum SolutionStatus: Sendable, Hashable, CaseIterable {
    /// `GLP_OPT`: the solution is optimal (MIP: integer optimal within
    /// GLPK's objective tolerance).
    case optimal
    /// `GLP_FEAS`: the solution is feasible; optimality not proven (e.g.
    /// the search stopped at a time limit or the MIP gap tolerance).
    case feasible
    /// `GLP_INFEAS`: the solution is infeasible (e.g. the simplex stopped
    /// at a limit during phase 1).
    case infeasible
    /// `GLP_NOFEAS`: the problem has no feasible solution (proven).
    case noFeasible
    /// `GLP_UNBND`: the problem has an unbounded solution. For a MIP this
    /// means the LP relaxation is unbounded (the MIP itself is then
    /// unbounded or integer infeasible; GLPK does not decide which).
    case unbounded
    /// `GLP_UNDEF`: the solution is undefined (nothing found yet).
    case undefined

    /// True for ``optimal`` and ``feasible``: the values satisfy all
    /// constraints (within tolerances).
    public var hasFeasibleSolution: Bool {
        self == .optimal || self == .feasible
    }
}

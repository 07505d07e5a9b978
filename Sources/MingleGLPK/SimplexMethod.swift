// SimplexMethod.swift

/// Simplex variant used by `glp_simplex` (`meth` in `glp_smcp`).
public enum SimplexMethod: Sendable, Hashable, CaseIterable {
    /// `GLP_PRIMAL`: two-phase primal simplex (GLPK's default).
    case primal
    /// `GLP_DUAL`: two-phase dual simplex. Usually the better choice to
    /// re-optimize after adding rows (cutting planes) to a solved LP.
    case dual
    /// `GLP_DUALP`: dual simplex, falling back to primal if it fails.
    case dualThenPrimal
}

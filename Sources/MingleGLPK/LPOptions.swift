// LPOptions.swift

/// Options for ``LinearProgram/solveLP(_:)`` (a subset of `glp_smcp`).
public struct LPOptions: Sendable, Hashable {
    /// GLPK terminal output level (`msg_lev`). Default ``MessageLevel/off``.
    public var messageLevel: MessageLevel
    /// Wall-clock limit in seconds (`tm_lim`, rounded up to whole
    /// milliseconds). nil = unlimited. Must be finite and > 0.
    public var timeLimit: Double?
    /// Simplex iteration limit (`it_lim`). nil = unlimited. Must be >= 0.
    public var iterationLimit: Int?
    /// Use GLPK's LP presolver. Default false: without presolve GLPK keeps
    /// the final basis, so row duals and reduced costs are always available
    /// and a re-solve after adding rows/columns warm-starts from it. With
    /// presolve, an infeasible or unbounded LP yields no basis (values are
    /// zeros).
    public var presolve: Bool
    /// Primal (default), dual, or dual-then-primal simplex.
    public var method: SimplexMethod

    public init(
        messageLevel: MessageLevel = .off,
        timeLimit: Double? = nil,
        iterationLimit: Int? = nil,
        presolve: Bool = false,
        method: SimplexMethod = .primal
    ) {
        self.messageLevel = messageLevel
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.presolve = presolve
        self.method = method
    }
}

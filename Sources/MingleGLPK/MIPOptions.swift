// MIPOptions.swift

/// Options for ``LinearProgram/solveMIP(_:incumbent:cuts:)`` (a subset of
/// `glp_iocp`).
public struct MIPOptions: Sendable, Hashable {
    /// GLPK terminal output level (`msg_lev`), used for the root LP and the
    /// branch-and-cut search. Default ``MessageLevel/off``.
    public var messageLevel: MessageLevel
    /// Wall-clock limit in seconds for the whole call (root LP plus
    /// search; `tm_lim`, rounded up to whole milliseconds). nil =
    /// unlimited. Must be finite and > 0. When it is reached the result
    /// has ``Termination/timeLimit`` and carries the incumbent (if any) and
    /// the best bound known at that point.
    public var timeLimit: Double?
    /// Relative gap tolerance (`mip_gap`): the search stops once
    /// `|best_mip - best_bound| / (|best_mip| + DBL_EPSILON) <= relativeGap`.
    /// Default 0 (prove optimality). Must be finite and >= 0.
    public var relativeGap: Double
    /// Use GLPK's MIP presolver (`presolve`). Default false.
    ///
    /// With presolve the branch-and-cut tree works on a transformed problem
    /// whose columns differ from the model's, so the incumbent and cut
    /// callbacks cannot be used with it (``GLPKError/invalidArgument(_:)``).
    /// Without presolve the root LP relaxation is first solved with
    /// `glp_simplex`, as `glp_intopt` requires.
    public var presolve: Bool
    /// GLPK's built-in Gomory mixed-integer cuts (`gmi_cuts`).
    public var gomoryCuts: Bool
    /// GLPK's built-in mixed-integer rounding cuts (`mir_cuts`).
    public var mirCuts: Bool
    /// GLPK's built-in mixed cover cuts (`cov_cuts`).
    public var coverCuts: Bool
    /// GLPK's built-in clique cuts (`clq_cuts`).
    public var cliqueCuts: Bool

    public init(
        messageLevel: MessageLevel = .off,
        timeLimit: Double? = nil,
        relativeGap: Double = 0,
        presolve: Bool = false,
        gomoryCuts: Bool = false,
        mirCuts: Bool = false,
        coverCuts: Bool = false,
        cliqueCuts: Bool = false
    ) {
        self.messageLevel = messageLevel
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.gomoryCuts = gomoryCuts
        self.mirCuts = mirCuts
        self.coverCuts = coverCuts
        self.cliqueCuts = cliqueCuts
    }
}

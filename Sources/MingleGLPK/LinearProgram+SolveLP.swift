// LinearProgram+SolveLP.swift

extension LinearProgram {
    /// Solves the LP relaxation with the simplex method (`glp_simplex`) and
    /// returns the basic solution: status, objective, primal column values,
    /// reduced costs, row activities and row duals.
    ///
    /// Integer/binary kinds are ignored (this is the LP relaxation).
    ///
    /// Errors vs. status:
    /// * An infeasible or unbounded LP is *not* an error: the result has
    ///   status ``SolutionStatus/noFeasible`` / ``SolutionStatus/unbounded``.
    ///   With presolve on, GLPK's "no primal feasible solution" becomes
    ///   ``SolutionStatus/noFeasible``, and "no dual feasible solution"
    ///   (unbounded *or* infeasible) is settled by re-solving once without
    ///   presolve.
    /// * A time or iteration limit is reported in
    ///   ``LPSolution/termination``, with whatever solution the simplex had.
    /// * Everything else throws ``GLPKError`` (e.g. ``GLPKError/bounds`` when
    ///   a range has lower > upper). If GLPK rejects the stored basis
    ///   (``GLPKError/badBasis``, ``GLPKError/singular``,
    ///   ``GLPKError/conditioning``, e.g. after deleting rows or columns) the
    ///   solve is retried once from the standard basis.
    ///
    /// Presolve is off by default, so the final basis and duals are kept
    /// and a later call (after adding rows or columns) warm-starts from it.
    /// Complexity: that of the simplex method; collecting the solution is
    /// O(m + n).
    public mutating func solveLP(_ options: LPOptions = LPOptions()) throws(GLPKError) -> LPSolution {
        activateTerminal()
        let timeLimit = try Self.milliseconds(options.timeLimit)
        let iterationLimit = try Self.iterationLimit(options.iterationLimit)
        let P = handle
        var parameters = SimplexParameters(
            messageLevel: options.messageLevel, method: options.method,
            timeLimitMilliseconds: timeLimit, iterationLimit: iterationLimit,
            presolve: options.presolve)
        let start = ContinuousClock.now

        var termination = Termination.completed
        var forcedStatus: SolutionStatus?
        var outcome = Self.runSimplex(P, parameters)
        if outcome == .noDualFeasible && parameters.presolve {
            // Dual infeasible means "unbounded or infeasible"; without
            // presolve GLPK's simplex tells which.
            parameters.presolve = false
            parameters.timeLimitMilliseconds = Self.remaining(timeLimit, since: start)
            outcome = Self.runSimplex(P, parameters)
        }
        switch outcome {
        case nil: break
        case .timeLimit?: termination = .timeLimit
        case .iterationLimit?: termination = .iterationLimit
        case .noPrimalFeasible?: forcedStatus = .noFeasible
        case let error?: throw error
        }

        let m = numberOfRows
        let n = numberOfColumns
        return LPSolution(
            status: forcedStatus ?? glpk_get_status(P),
            primalStatus: forcedStatus ?? glpk_get_prim_stat(P),
            dualStatus: glpk_get_dual_stat(P),
            termination: termination,
            objective: glpk_get_obj_val(P),
            columnValues: (0..<n).map { glpk_get_col_prim(P, $0 + 1) },
            reducedCosts: (0..<n).map { glpk_get_col_dual(P, $0 + 1) },
            rowActivities: (0..<m).map { glpk_get_row_prim(P, $0 + 1) },
            rowDuals: (0..<m).map { glpk_get_row_dual(P, $0 + 1) },
            iterations: glpk_get_it_cnt(P))
    }

    /// `glp_simplex`, retried once from the standard basis when GLPK
    /// cannot start from the stored one.
    static func runSimplex(_ P: ProblemHandle, _ parameters: SimplexParameters) -> GLPKError? {
        let error = GLPKError(glpkCode: glpk_simplex(P, parameters))
        switch error {
        case .badBasis?, .singular?, .conditioning?:
            glpk_std_basis(P)
            return GLPKError(glpkCode: glpk_simplex(P, parameters))
        default:
            return error
        }
    }

    static func iterationLimit(_ limit: Int?) throws(GLPKError) -> Int32? {
        guard let limit else { return nil }
        guard limit >= 0 else {
            throw .invalidArgument("iteration limit must be >= 0, got \(limit)")
        }
        return Int32(clamping: min(limit, Int(Int32.max) - 1))
    }

    /// What is left of a millisecond budget (nil = unlimited), >= 0.
    static func remaining(_ limit: Int32?, since start: ContinuousClock.Instant) -> Int32? {
        guard let limit else { return nil }
        let elapsed = (ContinuousClock.now - start) / .milliseconds(1)
        let left = (Double(limit) - elapsed).rounded(.up)
        return left <= 0 ? 0 : Int32(left)
    }
}

// LinearProgram+SolveMIP.swift

extension LinearProgram {
    /// Solves the mixed-integer program with GLPK's branch-and-cut
    /// (`glp_intopt`).
    ///
    /// Without presolve (the default) the root LP relaxation is solved
    /// first with `glp_simplex`, as `glp_intopt` requires; its optimum is
    /// reported as ``MIPSolution/rootRelaxationObjective`` and is the first
    /// global bound. If the relaxation is infeasible the result has status
    /// ``SolutionStatus/noFeasible``; if it is unbounded,
    /// ``SolutionStatus/unbounded``.
    ///
    /// A branch-and-cut callback (`cb_func`) is always installed; on every
    /// call it records the best global bound (`glp_ios_best_node` +
    /// `glp_ios_node_bound`) so that ``MIPSolution/bestBound`` is available
    /// also when the time limit or the gap tolerance stops the search.
    ///
    /// - Parameters:
    ///   - options: Time limit, relative gap, presolve, built-in cuts,
    ///     message level.
    ///   - incumbent: Optional incumbent provider, called during GLPK's
    ///     `GLP_IHEUR` reason (the node's LP relaxation is optimal but
    ///     fractional; at the root this happens before GLPK's own
    ///     heuristics) with the node, returning a full solution (one value
    ///     per column) or nil. The solution is checked against the model's
    ///     bounds and rows (GLPK does not check them), integer columns are
    ///     rounded when within 1e-5, and it is handed to GLPK with
    ///     `glp_ios_heur_sol`, which accepts it if it improves on the
    ///     incumbent. Return nil for nodes you do not care about (e.g.
    ///     `node.isRoot ? start : nil`). A solution of the wrong length or
    ///     with non-finite values stops the search and the call throws
    ///     ``GLPKError/invalidArgument(_:)``. Note: if the time limit
    ///     expires before the root LP is solved, the provider is never
    ///     called.
    ///   - cuts: Optional cut generator, called during `GLP_ICUTGEN` with
    ///     the node (its `relaxationValues` are the current LP relaxation,
    ///     `glp_get_col_prim` on `glp_ios_get_prob`). Returned cuts are added
    ///     with `glp_ios_add_row`; GLPK re-optimizes the node and calls the
    ///     generator again, so return only cuts violated by the given
    ///     values, and an empty array when there are none. An invalid cut
    ///     (index out of range, duplicate, non-finite) stops the search and
    ///     the call throws ``GLPKError/invalidArgument(_:)``.
    ///
    ///   - stop: Optional, asked on every call of the branch-and-cut
    ///     callback (several times per node): when it returns true the
    ///     search is ended with `glp_ios_terminate` and the result has
    ///     ``Termination/stopped``, the incumbent (if any) and the best bound
    ///     known at that point. For a cancellation flag or a work budget; it
    ///     cannot interrupt the root LP, which only `timeLimit` bounds.
    ///
    /// The closures run inside GLPK on the calling thread and must not
    /// call GLPK. They require `options.presolve == false` (with presolve
    /// the tree works on a transformed problem with different columns).
    ///
    /// Errors vs. status: limits and the gap tolerance end the search
    /// normally (see ``MIPSolution/termination``); infeasible or unbounded
    /// models are statuses; everything else throws ``GLPKError`` (e.g.
    /// ``GLPKError/bounds`` for an integer column with fractional bounds).
    public mutating func solveMIP(
        _ options: MIPOptions = MIPOptions(),
        incumbent: ((MIPNode) -> [Double]?)? = nil,
        cuts: ((MIPNode) -> [Cut])? = nil,
        stop: (() -> Bool)? = nil
    ) throws(GLPKError) -> MIPSolution {
        activateTerminal()
        let timeLimit = try Self.milliseconds(options.timeLimit)
        guard options.relativeGap.isFinite, options.relativeGap >= 0 else {
            throw .invalidArgument("relative gap must be finite and >= 0, got \(options.relativeGap)")
        }
        if options.presolve && (incumbent != nil || cuts != nil) {
            throw .invalidArgument("incumbent and cut callbacks require MIPOptions.presolve == false")
        }
        let P = handle
        let n = numberOfColumns
        let m = numberOfRows
        let maximize = direction == .maximize
        let start = ContinuousClock.now

        /// Result when the search never started (root LP not optimal).
        func rootOnly(_ status: SolutionStatus, _ termination: Termination) -> MIPSolution {
            MIPSolution(
                status: status, termination: termination, objective: 0,
                columnValues: Array(repeating: 0, count: n),
                rowActivities: Array(repeating: 0, count: m),
                bestBound: nil, relativeGap: nil, rootRelaxationObjective: nil, nodes: 0,
                heuristicSolutionsAccepted: 0, heuristicSolutionsRejected: 0, cutsAdded: 0)
        }

        // Root LP relaxation (glp_intopt without presolve needs its optimal basis).
        var rootObjective: Double?
        if !options.presolve {
            let outcome = Self.runSimplex(P, SimplexParameters(
                messageLevel: options.messageLevel, method: .primal,
                timeLimitMilliseconds: timeLimit, iterationLimit: nil, presolve: false))
            switch outcome {
            case nil: break
            case .timeLimit?: return rootOnly(.undefined, .timeLimit)
            case let error?: throw error
            }
            switch glpk_get_status(P) {
            case .optimal: rootObjective = glpk_get_obj_val(P)
            case .noFeasible: return rootOnly(.noFeasible, .completed)
            case .unbounded: return rootOnly(.unbounded, .completed)
            default: throw .rootLPNotOptimal
            }
        }

        // State shared with the branch-and-cut callback (runs synchronously
        // inside glp_intopt on this thread).
        var bestBound = rootObjective
        var nodes = 0
        var accepted = 0
        var rejected = 0
        var cutsAdded = 0
        var callbackError: GLPKError?
        var stopped = false
        let checker = incumbent == nil ? nil : IncumbentChecker(snapshotOf: P)
        var cutValidator = SparseValidator(limit: n, indexName: "column")

        let parameters = IntoptParameters(
            messageLevel: options.messageLevel,
            timeLimitMilliseconds: Self.remaining(timeLimit, since: start),
            mipGap: options.relativeGap, presolve: options.presolve,
            gomoryCuts: options.gomoryCuts, mirCuts: options.mirCuts,
            coverCuts: options.coverCuts, cliqueCuts: options.cliqueCuts)

        let code = glpk_intopt(P, parameters) { tree in
            nodes = glpk_ios_total_nodes(tree)
            let best = glpk_ios_best_node(tree)
            if best != 0 {
                let bound = glpk_ios_node_bound(tree, best)
                // GLPK uses +-DBL_MAX for "no bound yet".
                if abs(bound) < Double.greatestFiniteMagnitude { bestBound = bound }
            }
            guard callbackError == nil, !stopped else { return }
            if let stop, stop() {
                stopped = true
                return glpk_ios_terminate(tree)
            }

            func fail(_ error: GLPKError) {
                callbackError = error
                glpk_ios_terminate(tree)
            }
            func node() -> MIPNode {
                let Q = glpk_ios_get_prob(tree)
                let current = glpk_ios_curr_node(tree)
                let incumbentStatus = glpk_mip_status(Q)
                return MIPNode(
                    level: current == 0 ? 0 : glpk_ios_node_level(tree, current),
                    relaxationValues: (0..<n).map { glpk_get_col_prim(Q, $0 + 1) },
                    relaxationObjective: glpk_get_obj_val(Q),
                    incumbentObjective: incumbentStatus == .feasible || incumbentStatus == .optimal
                        ? glpk_mip_obj_val(Q) : nil,
                    bestBound: bestBound)
            }

            switch glpk_ios_reason(tree) {
            case .heuristic:
                guard let incumbent, let checker, let x = incumbent(node()) else { return }
                guard x.count == n else {
                    return fail(.invalidArgument("incumbent has \(x.count) values for \(n) columns"))
                }
                guard x.allSatisfy(\.isFinite) else {
                    return fail(.invalidArgument("incumbent contains non-finite values"))
                }
                guard let candidate = checker.accept(x) else {
                    rejected += 1
                    return
                }
                let ok = candidate.withUnsafeBufferPointer { glpk_ios_heur_sol(tree, $0.baseAddress!) }
                if ok { accepted += 1 } else { rejected += 1 }

            case .cutGeneration:
                guard let cuts else { return }
                for (k, cut) in cuts(node()).enumerated() {
                    do throws(GLPKError) {
                        try cutValidator.validate(indices: cut.columns, values: cut.coefficients,
                                                  context: "cut \(k)")
                        try Self.checkFinite(cut.rhs, "right-hand side of cut \(k)")
                    } catch {
                        return fail(error)
                    }
                    let type: GLPKBoundType = switch cut.sense {
                    case .lessOrEqual: .upper
                    case .greaterOrEqual: .lower
                    case .equal: .fixed
                    }
                    let ind = [0] + cut.columns.map { Int32($0 + 1) }
                    let val = [0] + cut.coefficients
                    ind.withUnsafeBufferPointer { ip in
                        val.withUnsafeBufferPointer { vp in
                            glpk_ios_add_row(tree, cut.columns.count, ip.baseAddress!, vp.baseAddress!,
                                             type, cut.rhs)
                        }
                    }
                    cutsAdded += 1
                }

            default:
                break
            }
        }

        if let callbackError { throw callbackError }
        var termination = Termination.completed
        var status: SolutionStatus?
        let outcome: GLPKError? = GLPKError(glpkCode: code)
        switch outcome {
        case nil: break
        case .timeLimit?: termination = .timeLimit
        case .mipGap?: termination = .gapTolerance
        case .stopped? where stopped: termination = .stopped
        case .noPrimalFeasible?: status = .noFeasible        // presolver
        case .noDualFeasible?: status = .unbounded           // presolver: LP relaxation unbounded
        case let error?: throw error
        }
        let finalStatus = status ?? glpk_mip_status(P)
        let hasSolution = finalStatus.hasFeasibleSolution
        let objective = hasSolution ? glpk_mip_obj_val(P) : 0

        let bound: Double? = switch finalStatus {
        case .optimal: objective
        case .noFeasible, .unbounded: nil
        default: bestBound
        }
        var gap: Double?
        if finalStatus == .optimal {
            gap = 0
        } else if hasSolution, let bound {
            // Guard against a stale bound on the wrong side of the incumbent.
            let difference = maximize ? bound - objective : objective - bound
            gap = max(0, difference) / (abs(objective) + Double.ulpOfOne)
        }

        return MIPSolution(
            status: finalStatus, termination: termination, objective: objective,
            columnValues: (0..<n).map { glpk_mip_col_val(P, $0 + 1) },
            rowActivities: (0..<m).map { glpk_mip_row_val(P, $0 + 1) },
            bestBound: bound, relativeGap: gap,
            rootRelaxationObjective: rootObjective, nodes: nodes,
            heuristicSolutionsAccepted: accepted, heuristicSolutionsRejected: rejected,
            cutsAdded: cutsAdded)
    }
}

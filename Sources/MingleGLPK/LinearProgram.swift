// LinearProgram.swift

/// A linear or mixed-integer program: one GLPK problem object
/// (`glp_prob`).
///
/// Obtain one with ``GLPK/withProblem(direction:output:_:)``; it is freed
/// when that call ends, also when the body throws. The type is `~Copyable`
/// and not `Sendable`: a problem belongs to the thread that created it
/// (see ``GLPK``).
///
/// The model is
///
///     minimize or maximize  c^T x + c_0
///     subject to            r = A x,  bounds on r,  bounds on x,
///                           x_j integer for integer/binary columns
///
/// with 0-based row and column indices. Rows and columns can be added at
/// any time, including after a solve (cutting planes, column generation);
/// a later ``solveLP(_:)`` warm-starts from the previous basis (new rows
/// are basic, new columns non-basic).
public struct LinearProgram: ~Copyable {
    let handle: ProblemHandle
    let terminal: TerminalSink

    init(direction: ObjectiveDirection, output: ((String) -> Void)?) {
        terminal = TerminalSink(handler: output)
        glpk_route_terminal(to: terminal)
        handle = glpk_create_prob()
        glpk_set_obj_dir(handle, maximize: direction == .maximize)
    }

    deinit {
        // Never leave a hook pointing at a sink that is about to die; the
        // discarding hook keeps GLPK off stdout.
        glpk_route_terminal(to: nil)
        glpk_delete_prob(handle)
    }

    /// Number of rows `m`. O(1).
    public var numberOfRows: Int { glpk_get_num_rows(handle) }

    /// Number of columns `n`. O(1).
    public var numberOfColumns: Int { glpk_get_num_cols(handle) }

    /// Number of non-zero constraint coefficients. O(1).
    public var numberOfNonzeros: Int { glpk_get_num_nz(handle) }

    /// Optimization direction (`glp_set_obj_dir` / `glp_get_obj_dir`).
    public var direction: ObjectiveDirection {
        get { glpk_get_obj_dir_is_max(handle) ? .maximize : .minimize }
        set { glpk_set_obj_dir(handle, maximize: newValue == .maximize) }
    }
}

@available(*, unavailable, message: "a GLPK problem belongs to the thread that created it")
extension LinearProgram: Sendable {}

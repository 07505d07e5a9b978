// GLPKError.swift

/// Why a GLPK call did not work.
///
/// This answers "did the call work?". It is deliberately separate from
/// ``SolutionStatus``, which answers "what is the status of the solution
/// the call produced?": an infeasible or unbounded model is a *successful*
/// solve with status ``SolutionStatus/noFeasible`` or
/// ``SolutionStatus/unbounded``, not an error.
///
/// One case exists for every `GLP_E*` return code in `glpk.h`
/// (GLPK 5.0), plus ``invalidArgument(_:)`` for input the Swift layer
/// rejects *before* calling GLPK (GLPK itself would `abort()` the process
/// on such input).
///
/// Return codes that describe a normal way for a search to end are not
/// thrown by ``LinearProgram/solveLP(_:)`` and
/// ``LinearProgram/solveMIP(_:incumbent:cuts:)``: a time limit, iteration
/// limit or reached MIP gap is reported in the result's `termination`
/// together with the best solution found, and "no primal/dual feasible
/// solution" from the presolvers becomes a ``SolutionStatus``. The
/// corresponding cases (``timeLimit``, ``iterationLimit``, ``mipGap``,
/// ``noPrimalFeasible``, ``noDualFeasible``) exist so that every GLPK code
/// has a name, e.g. for ``init(code:)``.
public enum GLPKError: Error, Hashable, Sendable {
    /// `GLP_EBADB`: the initial basis is invalid (number of basic
    /// variables differs from the number of rows).
    case badBasis
    /// `GLP_ESING`: the initial basis matrix is singular.
    case singular
    /// `GLP_ECOND`: the initial basis matrix is ill-conditioned.
    case conditioning
    /// `GLP_EBOUND`: some double-bounded variable has lower >= upper, or
    /// (MIP) an integer variable has a non-integer bound.
    case bounds
    /// `GLP_EFAIL`: the solver failed (numerical trouble).
    case fault
    /// `GLP_EOBJLL`: objective lower limit reached (dual simplex only).
    case objectiveLowerLimit
    /// `GLP_EOBJUL`: objective upper limit reached (dual simplex only).
    case objectiveUpperLimit
    /// `GLP_EITLIM`: simplex iteration limit exceeded.
    case iterationLimit
    /// `GLP_ETMLIM`: time limit exceeded.
    case timeLimit
    /// `GLP_ENOPFS`: no primal feasible solution (presolver).
    case noPrimalFeasible
    /// `GLP_ENODFS`: no dual feasible solution (presolver).
    case noDualFeasible
    /// `GLP_EROOT`: no optimal basis of the root LP relaxation was
    /// provided to the MIP solver.
    case rootLPNotOptimal
    /// `GLP_ESTOP`: the search was terminated by the application.
    case stopped
    /// `GLP_EMIPGAP`: the relative MIP gap tolerance was reached.
    case mipGap
    /// `GLP_ENOFEAS`: no primal/dual feasible solution (interior point).
    case noFeasible
    /// `GLP_ENOCVG`: no convergence (interior point).
    case noConvergence
    /// `GLP_EINSTAB`: numerical instability (interior point).
    case instability
    /// `GLP_EDATA`: invalid data.
    case invalidData
    /// `GLP_ERANGE`: result out of range.
    case outOfRange
    /// A return code this wrapper does not know.
    case unknown(code: Int32)
    /// The Swift layer rejected an argument before it reached GLPK (index
    /// out of range, duplicate index, non-finite value, mismatched array
    /// lengths, unsupported option combination, ...). The problem object
    /// is left unchanged.
    case invalidArgument(String)

    /// Creates the error for a GLPK return code; nil for `0` (success).
    public init?(code: Int32) {
        self.init(glpkCode: code)
    }

    /// The GLPK return code, or nil for ``invalidArgument(_:)``.
    public var code: Int32? { glpkCode }
}

extension GLPKError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .badBasis: "GLPK: invalid initial basis (GLP_EBADB)"
        case .singular: "GLPK: singular basis matrix (GLP_ESING)"
        case .conditioning: "GLPK: ill-conditioned basis matrix (GLP_ECOND)"
        case .bounds: "GLPK: incorrect bounds (GLP_EBOUND)"
        case .fault: "GLPK: solver failure (GLP_EFAIL)"
        case .objectiveLowerLimit: "GLPK: objective lower limit reached (GLP_EOBJLL)"
        case .objectiveUpperLimit: "GLPK: objective upper limit reached (GLP_EOBJUL)"
        case .iterationLimit: "GLPK: iteration limit exceeded (GLP_EITLIM)"
        case .timeLimit: "GLPK: time limit exceeded (GLP_ETMLIM)"
        case .noPrimalFeasible: "GLPK: no primal feasible solution (GLP_ENOPFS)"
        case .noDualFeasible: "GLPK: no dual feasible solution (GLP_ENODFS)"
        case .rootLPNotOptimal: "GLPK: root LP relaxation not optimal (GLP_EROOT)"
        case .stopped: "GLPK: search terminated by application (GLP_ESTOP)"
        case .mipGap: "GLPK: relative MIP gap tolerance reached (GLP_EMIPGAP)"
        case .noFeasible: "GLPK: no primal/dual feasible solution (GLP_ENOFEAS)"
        case .noConvergence: "GLPK: no convergence (GLP_ENOCVG)"
        case .instability: "GLPK: numerical instability (GLP_EINSTAB)"
        case .invalidData: "GLPK: invalid data (GLP_EDATA)"
        case .outOfRange: "GLPK: result out of range (GLP_ERANGE)"
        case .unknown(let code): "GLPK: unknown return code \(code)"
        case .invalidArgument(let message): "MingleGLPK: invalid argument: \(message)"
        }
    }
}

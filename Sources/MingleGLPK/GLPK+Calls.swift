// GLPK+Calls.swift
//
// The one place where MingleGLPK talks to GLPK's C API.
//
// Every `glp_*` call in this module goes through a thin wrapper in this
// file, in the style of apple/swift-system's `system_*` syscall wrappers:
// the wrappers do no validation and no index translation beyond
// Int <-> Int32. Indices passed to them are GLPK's 1-based row/column
// numbers; callers (the `LinearProgram` extensions) translate from the
// 0-based public API and validate everything *before* calling here,
// because GLPK reports invalid arguments with `glp_error`, which prints a
// message and calls `abort()`.
//
// Nothing in this file keeps global state. The only per-thread state is
// GLPK's own environment (terminal hook), which GLPK 5 keeps thread-local.

internal import CGLPK
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A `glp_prob *`. Owned by exactly one `LinearProgram`.
typealias ProblemHandle = OpaquePointer
/// A `glp_tree *`. Only valid during a `glp_intopt` callback.
typealias TreeHandle = OpaquePointer

// MARK: - Environment, version, terminal

func glpk_version() -> String {
    String(cString: glp_version())
}

func glpk_config_tls() -> String? {
    guard let value = glp_config("TLS") else { return nil }
    return String(cString: value)
}

/// Number of memory blocks GLPK currently has allocated in the calling
/// thread's environment (creates the environment if absent).
func glpk_mem_count() -> Int {
    var count: Int32 = 0
    glp_mem_usage(&count, nil, nil, nil)
    return Int(count)
}

/// Frees the calling thread's GLPK environment (`glp_free_env`).
/// Invalidates every problem object created on this thread.
func glpk_free_env() {
    _ = glp_free_env()
}

/// Routes GLPK terminal output of the calling thread to `sink` (or discards
/// it when `sink` is nil). GLPK's own `fputs(stdout)` is always suppressed
/// because the hook returns non-zero. While GLPK is in its fatal-error path
/// (`glp_at_error() != 0`, i.e. inside `glp_error` right before `abort()`),
/// the text is additionally written to standard error so a crash caused
/// by GLPK is never silent.
///
/// The sink is passed unretained: the caller must reinstall (or clear) the
/// hook before the sink is deallocated. `LinearProgram.deinit` does that.
func glpk_route_terminal(to sink: TerminalSink?) {
    let info = sink.map { Unmanaged.passUnretained($0).toOpaque() }
    glp_term_hook({ info, text in
        guard let text else { return 1 }
        if glp_at_error() != 0 {
            _ = write(2, text, strlen(text))
        }
        if let info {
            Unmanaged<TerminalSink>.fromOpaque(info)
                .takeUnretainedValue()
                .receive(String(cString: text))
        }
        return 1  // non-zero: GLPK must not write the text to stdout
    }, info)
}

// MARK: - Problem object

func glpk_create_prob() -> ProblemHandle {
    glp_create_prob()
}

func glpk_delete_prob(_ P: ProblemHandle) {
    glp_delete_prob(P)
}

func glpk_set_obj_dir(_ P: ProblemHandle, maximize: Bool) {
    glp_set_obj_dir(P, maximize ? GLP_MAX : GLP_MIN)
}

func glpk_get_obj_dir_is_max(_ P: ProblemHandle) -> Bool {
    glp_get_obj_dir(P) == GLP_MAX
}

func glpk_get_num_rows(_ P: ProblemHandle) -> Int { Int(glp_get_num_rows(P)) }
func glpk_get_num_cols(_ P: ProblemHandle) -> Int { Int(glp_get_num_cols(P)) }
func glpk_get_num_nz(_ P: ProblemHandle) -> Int { Int(glp_get_num_nz(P)) }

/// Returns the 1-based number of the first added row. `count` must be >= 1.
func glpk_add_rows(_ P: ProblemHandle, _ count: Int) -> Int {
    Int(glp_add_rows(P, Int32(count)))
}

/// Returns the 1-based number of the first added column. `count` must be >= 1.
func glpk_add_cols(_ P: ProblemHandle, _ count: Int) -> Int {
    Int(glp_add_cols(P, Int32(count)))
}

/// `num[1...count]` are 1-based row numbers (`num[0]` unused).
func glpk_del_rows(_ P: ProblemHandle, _ count: Int, _ num: UnsafePointer<Int32>) {
    glp_del_rows(P, Int32(count), num)
}

/// `num[1...count]` are 1-based column numbers (`num[0]` unused).
func glpk_del_cols(_ P: ProblemHandle, _ count: Int, _ num: UnsafePointer<Int32>) {
    glp_del_cols(P, Int32(count), num)
}

/// GLPK's bound types (GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX).
enum GLPKBoundType: Sendable, Hashable {
    case free, lower, upper, doubleBounded, fixed

    var code: Int32 {
        switch self {
        case .free: GLP_FR
        case .lower: GLP_LO
        case .upper: GLP_UP
        case .doubleBounded: GLP_DB
        case .fixed: GLP_FX
        }
    }

    init(code: Int32) {
        switch code {
        case GLP_LO: self = .lower
        case GLP_UP: self = .upper
        case GLP_DB: self = .doubleBounded
        case GLP_FX: self = .fixed
        default: self = .free
        }
    }
}

func glpk_set_row_bnds(_ P: ProblemHandle, _ i: Int, _ type: GLPKBoundType, _ lb: Double, _ ub: Double) {
    glp_set_row_bnds(P, Int32(i), type.code, lb, ub)
}

func glpk_set_col_bnds(_ P: ProblemHandle, _ j: Int, _ type: GLPKBoundType, _ lb: Double, _ ub: Double) {
    glp_set_col_bnds(P, Int32(j), type.code, lb, ub)
}

func glpk_get_row_type(_ P: ProblemHandle, _ i: Int) -> GLPKBoundType { GLPKBoundType(code: glp_get_row_type(P, Int32(i))) }
func glpk_get_row_lb(_ P: ProblemHandle, _ i: Int) -> Double { glp_get_row_lb(P, Int32(i)) }
func glpk_get_row_ub(_ P: ProblemHandle, _ i: Int) -> Double { glp_get_row_ub(P, Int32(i)) }
func glpk_get_col_type(_ P: ProblemHandle, _ j: Int) -> GLPKBoundType { GLPKBoundType(code: glp_get_col_type(P, Int32(j))) }
func glpk_get_col_lb(_ P: ProblemHandle, _ j: Int) -> Double { glp_get_col_lb(P, Int32(j)) }
func glpk_get_col_ub(_ P: ProblemHandle, _ j: Int) -> Double { glp_get_col_ub(P, Int32(j)) }

/// `j == 0` sets the objective constant term.
func glpk_set_obj_coef(_ P: ProblemHandle, _ j: Int, _ coef: Double) {
    glp_set_obj_coef(P, Int32(j), coef)
}

func glpk_get_obj_coef(_ P: ProblemHandle, _ j: Int) -> Double {
    glp_get_obj_coef(P, Int32(j))
}

/// GLPK column kinds (GLP_CV, GLP_IV, GLP_BV).
func glpk_set_col_kind(_ P: ProblemHandle, _ j: Int, _ kind: VariableKind) {
    let code: Int32 = switch kind {
    case .continuous: GLP_CV
    case .integer: GLP_IV
    case .binary: GLP_BV
    }
    glp_set_col_kind(P, Int32(j), code)
}

/// True for GLP_IV and GLP_BV columns.
func glpk_col_is_integer(_ P: ProblemHandle, _ j: Int) -> Bool {
    glp_get_col_kind(P, Int32(j)) != GLP_CV
}

/// `ind[1...len]` (1-based column numbers) and `val[1...len]`; slot 0 unused.
func glpk_set_mat_row(_ P: ProblemHandle, _ i: Int, _ len: Int,
                      _ ind: UnsafePointer<Int32>, _ val: UnsafePointer<Double>) {
    glp_set_mat_row(P, Int32(i), Int32(len), ind, val)
}

/// `ind[1...len]` (1-based row numbers) and `val[1...len]`; slot 0 unused.
func glpk_set_mat_col(_ P: ProblemHandle, _ j: Int, _ len: Int,
                      _ ind: UnsafePointer<Int32>, _ val: UnsafePointer<Double>) {
    glp_set_mat_col(P, Int32(j), Int32(len), ind, val)
}

/// Fills `ind[1...len]`, `val[1...len]`; buffers need room for `n + 1`.
func glpk_get_mat_row(_ P: ProblemHandle, _ i: Int,
                      _ ind: UnsafeMutablePointer<Int32>, _ val: UnsafeMutablePointer<Double>) -> Int {
    Int(glp_get_mat_row(P, Int32(i), ind, val))
}

// MARK: - Return codes and statuses

extension GLPKError {
    /// Maps a non-zero GLPK return code (GLP_E*) to a case; nil for 0.
    init?(glpkCode code: Int32) {
        switch code {
        case 0: return nil
        case GLP_EBADB: self = .badBasis
        case GLP_ESING: self = .singular
        case GLP_ECOND: self = .conditioning
        case GLP_EBOUND: self = .bounds
        case GLP_EFAIL: self = .fault
        case GLP_EOBJLL: self = .objectiveLowerLimit
        case GLP_EOBJUL: self = .objectiveUpperLimit
        case GLP_EITLIM: self = .iterationLimit
        case GLP_ETMLIM: self = .timeLimit
        case GLP_ENOPFS: self = .noPrimalFeasible
        case GLP_ENODFS: self = .noDualFeasible
        case GLP_EROOT: self = .rootLPNotOptimal
        case GLP_ESTOP: self = .stopped
        case GLP_EMIPGAP: self = .mipGap
        case GLP_ENOFEAS: self = .noFeasible
        case GLP_ENOCVG: self = .noConvergence
        case GLP_EINSTAB: self = .instability
        case GLP_EDATA: self = .invalidData
        case GLP_ERANGE: self = .outOfRange
        default: self = .unknown(code: code)
        }
    }

    /// The GLPK return code (GLP_E*) this error stands for, or nil for
    /// errors raised by the Swift layer itself.
    var glpkCode: Int32? {
        switch self {
        case .badBasis: GLP_EBADB
        case .singular: GLP_ESING
        case .conditioning: GLP_ECOND
        case .bounds: GLP_EBOUND
        case .fault: GLP_EFAIL
        case .objectiveLowerLimit: GLP_EOBJLL
        case .objectiveUpperLimit: GLP_EOBJUL
        case .iterationLimit: GLP_EITLIM
        case .timeLimit: GLP_ETMLIM
        case .noPrimalFeasible: GLP_ENOPFS
        case .noDualFeasible: GLP_ENODFS
        case .rootLPNotOptimal: GLP_EROOT
        case .stopped: GLP_ESTOP
        case .mipGap: GLP_EMIPGAP
        case .noFeasible: GLP_ENOFEAS
        case .noConvergence: GLP_ENOCVG
        case .instability: GLP_EINSTAB
        case .invalidData: GLP_EDATA
        case .outOfRange: GLP_ERANGE
        case .unknown(let code): code
        case .invalidArgument: nil
        }
    }
}

extension SolutionStatus {
    /// Maps GLP_OPT/FEAS/INFEAS/NOFEAS/UNBND/UNDEF.
    init(glpkCode code: Int32) {
        switch code {
        case GLP_OPT: self = .optimal
        case GLP_FEAS: self = .feasible
        case GLP_INFEAS: self = .infeasible
        case GLP_NOFEAS: self = .noFeasible
        case GLP_UNBND: self = .unbounded
        default: self = .undefined
        }
    }
}

extension MessageLevel {
    var glpkCode: Int32 {
        switch self {
        case .off: GLP_MSG_OFF
        case .errors: GLP_MSG_ERR
        case .normal: GLP_MSG_ON
        case .all: GLP_MSG_ALL
        case .debug: GLP_MSG_DBG
        }
    }
}

// MARK: - Simplex (basic solution)

struct SimplexParameters {
    var messageLevel: MessageLevel
    var method: SimplexMethod
    /// nil = unlimited (INT_MAX); otherwise >= 0 milliseconds.
    var timeLimitMilliseconds: Int32?
    /// nil = unlimited (INT_MAX); otherwise >= 0.
    var iterationLimit: Int32?
    var presolve: Bool
}

func glpk_simplex(_ P: ProblemHandle, _ p: SimplexParameters) -> Int32 {
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = p.messageLevel.glpkCode
    parm.meth = switch p.method {
    case .primal: GLP_PRIMAL
    case .dual: GLP_DUAL
    case .dualThenPrimal: GLP_DUALP
    }
    if let t = p.timeLimitMilliseconds { parm.tm_lim = t }
    if let it = p.iterationLimit { parm.it_lim = it }
    parm.presolve = p.presolve ? GLP_ON : GLP_OFF
    return glp_simplex(P, &parm)
}

/// Resets the basis to the standard one: all rows basic, all columns
/// non-basic (`glp_std_basis`). Always valid and non-singular.
func glpk_std_basis(_ P: ProblemHandle) {
    glp_std_basis(P)
}

func glpk_get_status(_ P: ProblemHandle) -> SolutionStatus { SolutionStatus(glpkCode: glp_get_status(P)) }
func glpk_get_prim_stat(_ P: ProblemHandle) -> SolutionStatus { SolutionStatus(glpkCode: glp_get_prim_stat(P)) }
func glpk_get_dual_stat(_ P: ProblemHandle) -> SolutionStatus { SolutionStatus(glpkCode: glp_get_dual_stat(P)) }
func glpk_get_obj_val(_ P: ProblemHandle) -> Double { glp_get_obj_val(P) }
func glpk_get_row_prim(_ P: ProblemHandle, _ i: Int) -> Double { glp_get_row_prim(P, Int32(i)) }
func glpk_get_row_dual(_ P: ProblemHandle, _ i: Int) -> Double { glp_get_row_dual(P, Int32(i)) }
func glpk_get_col_prim(_ P: ProblemHandle, _ j: Int) -> Double { glp_get_col_prim(P, Int32(j)) }
func glpk_get_col_dual(_ P: ProblemHandle, _ j: Int) -> Double { glp_get_col_dual(P, Int32(j)) }
func glpk_get_it_cnt(_ P: ProblemHandle) -> Int { Int(glp_get_it_cnt(P)) }

// MARK: - Branch-and-cut (MIP solution)

struct IntoptParameters {
    var messageLevel: MessageLevel
    /// nil = unlimited (INT_MAX); otherwise >= 0 milliseconds.
    var timeLimitMilliseconds: Int32?
    var mipGap: Double
    var presolve: Bool
    var gomoryCuts: Bool
    var mirCuts: Bool
    var coverCuts: Bool
    var cliqueCuts: Bool
}

/// Why GLPK invoked the branch-and-cut callback (`glp_ios_reason`).
enum TreeReason {
    case rowGeneration, betterSolution, heuristic, cutGeneration
    case branching, selection, preprocessing, other
}

/// Runs `glp_intopt` with `treeCallback` installed as `cb_func`.
///
/// The closure is bridged to C with an `Unmanaged` context box passed as
/// `cb_info`; the box lives exactly as long as this call, so no state
/// outlives the solve and nothing is global.
func glpk_intopt(_ P: ProblemHandle, _ p: IntoptParameters,
                 treeCallback: (TreeHandle) -> Void) -> Int32 {
    var parm = glp_iocp()
    glp_init_iocp(&parm)
    parm.msg_lev = p.messageLevel.glpkCode
    if let t = p.timeLimitMilliseconds { parm.tm_lim = t }
    parm.mip_gap = p.mipGap
    parm.presolve = p.presolve ? GLP_ON : GLP_OFF
    parm.gmi_cuts = p.gomoryCuts ? GLP_ON : GLP_OFF
    parm.mir_cuts = p.mirCuts ? GLP_ON : GLP_OFF
    parm.cov_cuts = p.coverCuts ? GLP_ON : GLP_OFF
    parm.clq_cuts = p.cliqueCuts ? GLP_ON : GLP_OFF
    return withoutActuallyEscaping(treeCallback) { callback in
        let box = TreeCallbackBox(callback)
        return withExtendedLifetime(box) {
            parm.cb_func = { tree, info in
                guard let tree, let info else { return }
                Unmanaged<TreeCallbackBox>.fromOpaque(info)
                    .takeUnretainedValue()
                    .body(tree)
            }
            parm.cb_info = Unmanaged.passUnretained(box).toOpaque()
            return glp_intopt(P, &parm)
        }
    }
}

/// Context box carrying the Swift closure through `cb_info`.
private final class TreeCallbackBox {
    let body: (TreeHandle) -> Void
    init(_ body: @escaping (TreeHandle) -> Void) { self.body = body }
}

func glpk_ios_reason(_ T: TreeHandle) -> TreeReason {
    switch glp_ios_reason(T) {
    case GLP_IROWGEN: .rowGeneration
    case GLP_IBINGO: .betterSolution
    case GLP_IHEUR: .heuristic
    case GLP_ICUTGEN: .cutGeneration
    case GLP_IBRANCH: .branching
    case GLP_ISELECT: .selection
    case GLP_IPREPRO: .preprocessing
    default: .other
    }
}

func glpk_ios_get_prob(_ T: TreeHandle) -> ProblemHandle { glp_ios_get_prob(T) }
func glpk_ios_curr_node(_ T: TreeHandle) -> Int { Int(glp_ios_curr_node(T)) }
/// `p` must be a valid (non-zero) node reference number.
func glpk_ios_node_level(_ T: TreeHandle, _ p: Int) -> Int { Int(glp_ios_node_level(T, Int32(p))) }
/// 0 when the active list is empty.
func glpk_ios_best_node(_ T: TreeHandle) -> Int { Int(glp_ios_best_node(T)) }
/// `p` must be a valid (non-zero) node reference number.
func glpk_ios_node_bound(_ T: TreeHandle, _ p: Int) -> Double { glp_ios_node_bound(T, Int32(p)) }

/// Total number of nodes created so far (`t_cnt`).
func glpk_ios_total_nodes(_ T: TreeHandle) -> Int {
    var total: Int32 = 0
    glp_ios_tree_size(T, nil, nil, &total)
    return Int(total)
}

/// `x[1...n]`; slot 0 unused. Returns true when GLPK accepted the solution.
func glpk_ios_heur_sol(_ T: TreeHandle, _ x: UnsafePointer<Double>) -> Bool {
    glp_ios_heur_sol(T, x) == 0
}

/// Adds a cut `sum val[k] * x[ind[k]]  (>=, <=, =)  rhs` to the local cut
/// pool. Only allowed during GLP_ICUTGEN. `type` must be lower/upper/fixed.
func glpk_ios_add_row(_ T: TreeHandle, _ len: Int,
                      _ ind: UnsafePointer<Int32>, _ val: UnsafePointer<Double>,
                      _ type: GLPKBoundType, _ rhs: Double) {
    // klass 101: an application-defined cut class (GLPK's own classes are 1...4).
    _ = glp_ios_add_row(T, nil, 101, 0, Int32(len), ind, val, type.code, rhs)
}

func glpk_ios_terminate(_ T: TreeHandle) { glp_ios_terminate(T) }

func glpk_mip_status(_ P: ProblemHandle) -> SolutionStatus { SolutionStatus(glpkCode: glp_mip_status(P)) }
func glpk_mip_obj_val(_ P: ProblemHandle) -> Double { glp_mip_obj_val(P) }
func glpk_mip_row_val(_ P: ProblemHandle, _ i: Int) -> Double { glp_mip_row_val(P, Int32(i)) }
func glpk_mip_col_val(_ P: ProblemHandle, _ j: Int) -> Double { glp_mip_col_val(P, Int32(j)) }

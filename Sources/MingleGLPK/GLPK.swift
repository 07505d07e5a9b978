// GLPK.swift

/// Entry point of MingleGLPK, a thin Swift layer over GLPK 5's C API.
///
/// ## Using it
///
/// ```swift
/// // maximize 3x + 2y  subject to  x + y <= 4,  x + 3y <= 9,  x, y >= 0
/// let solution = try GLPK.withProblem(direction: .maximize) { lp in
///     try lp.addColumns([Column(objective: 3), Column(objective: 2)])   // x = 0, y = 1
///     try lp.addRows([
///         Row(columns: [0, 1], coefficients: [1, 1], bounds: .upper(4)),
///         Row(columns: [0, 1], coefficients: [1, 3], bounds: .upper(9)),
///     ])
///     return try lp.solveLP()   // .optimal, objective 12, rowDuals [3, 0]
/// }
/// ```
///
/// Formulation conventions: rows are `r = A x` with bounds on `r`
/// (see ``Bounds``); all indices are 0-based (GLPK's 1-based numbering is
/// hidden); GLPK's output goes to ``LinearProgram/output`` or nowhere,
/// never to stdout.
///
/// ## Concurrency and re-entrancy
///
/// * GLPK keeps all of its state (memory accounting, terminal hook, error
///   state) in an *environment*. Debian's GLPK 5 is built with
///   thread-local storage (``threadLocalStorage`` returns
///   `"_Thread_local"`), so every thread has its own environment and
///   different threads may use GLPK at the same time. If
///   ``threadLocalStorage`` is nil the library was built without TLS and
///   all GLPK use in the process must be serialized by the caller.
/// * A problem object belongs to the thread that created it: its memory
///   is tracked in that thread's environment, and deleting it on another
///   thread would corrupt both environments. That is why a
///   ``LinearProgram`` exists only inside the *synchronous* body of
///   ``withProblem(direction:output:_:)``: it is created, used and freed
///   on one thread, cannot escape (it is `~Copyable` and passed `inout`),
///   is not `Sendable`, and the body cannot `await` (which could resume on
///   another thread). One problem per thread at a time is the normal case;
///   nesting `withProblem` on one thread also works.
/// * GLPK is not re-entrant within a thread: the closures handed to a
///   solve (output handler, incumbent provider, cut generator) run *inside*
///   GLPK and must not call into GLPK (no `withProblem` inside them). They
///   only receive values, never the problem, so the API makes this hard to
///   do by accident.
/// * A solve blocks the calling thread. From async code, run long solves
///   on a thread you own rather than on the cooperative pool.
/// * GLPK never frees a thread's environment by itself (a few KB per
///   thread that ever used it). ``releaseThreadEnvironment()`` wraps
///   `glp_free_env`, which would invalidate every problem of the thread, so
///   it refuses while the thread still has GLPK allocations.
///
/// ## Fatal errors
///
/// GLPK reports invalid arguments (bad index, duplicate index, wrong
/// parameter) with `glp_error`, which prints a message and calls
/// `abort()`; it cannot be turned into a Swift error. This layer validates
/// every argument before calling GLPK and throws
/// ``GLPKError/invalidArgument(_:)`` instead. Should GLPK still hit a
/// fatal error (an internal assertion), its message is written to standard
/// error (and the output handler) before the process aborts.
public enum GLPK {}

import Synchronization

/// Tells a running solve to stop. Set from any thread (a cancelled task, a
/// client that went away); the solver's searches read it at the same safe
/// points where they check the time limit, and stop within a fraction of a
/// second with the best valid groups they have.
public final class SolveCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the solve to stop. Idempotent.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// What a solve may spend, and what stops it early.
///
/// Searches stop on **work budgets** that depend only on the session
/// (passes, moves examined, branch-and-price nodes, simplex iterations), so
/// that the same input and seed give byte-identical groups on any machine and
/// under any load. The **time limit** and the **cancellation flag** are a
/// safety net checked at the same safe points: when either stops a search
/// (or GLPK reports its own time limit), `wasCut` turns true and the output
/// says so (`stats.timeLimitReached`), since the groups may then depend on the
/// machine's speed.
///
/// One budget serves one solve; it is `Sendable` so that the blocks solved in
/// parallel share it.
final class SolveBudget: Sendable {
    /// Seconds the solve may use.
    let timeLimit: Double
    let cancellation: SolveCancellation?
    private let deadline: ContinuousClock.Instant
    /// This budget's safety net has fired (sticky: later checks are one load).
    private let over = Atomic<Bool>(false)
    /// A safety net cut a search of this budget or of one of its shares.
    private let cut = Atomic<Bool>(false)
    /// The budget this one is a share of: a cut here is recorded there (it
    /// does not stop the rest of the solve).
    private let parent: SolveBudget?

    /// - Parameter started: when the limit's clock started (default: now).
    init(timeLimit: Double, cancellation: SolveCancellation? = nil, started: ContinuousClock.Instant? = nil) {
        self.timeLimit = timeLimit
        self.cancellation = cancellation
        let seconds = timeLimit.isFinite ? max(0, min(timeLimit, 1e9)) : 1e9
        self.deadline = (started ?? ContinuousClock.now) + .milliseconds(Int64(seconds * 1000))
        self.parent = nil
    }

    private init(share fraction: Double, of parent: SolveBudget) {
        let seconds = max(0, parent.secondsLeft * fraction)
        self.timeLimit = seconds
        self.cancellation = parent.cancellation
        self.deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        self.parent = parent
    }

    /// A budget for a first stage: the same cancellation, a time limit of
    /// `fraction` of the time left; when its safety net cuts, this budget's
    /// `wasCut` turns true as well (the output depends on the machine then).
    func share(_ fraction: Double) -> SolveBudget {
        SolveBudget(share: fraction, of: self)
    }

    convenience init(_ limits: SolveLimits) {
        self.init(timeLimit: limits.timeLimit, cancellation: limits.cancellation, started: limits.started)
    }

    /// Whether the safety net has fired: the time limit has passed or the
    /// solve was cancelled. Records it (see `wasCut`). A clock read and an
    /// atomic load: call it every few thousand steps of an inner loop.
    var isOver: Bool {
        if over.load(ordering: .relaxed) { return true }
        if cancellation?.isCancelled == true || ContinuousClock.now >= deadline {
            over.store(true, ordering: .relaxed)
            recordCut()
            return true
        }
        return false
    }

    /// Seconds left before the time limit (0 when cancelled), for engines
    /// that take a time limit of their own (GLPK's `tm_lim`).
    var secondsLeft: Double {
        if cancellation?.isCancelled == true { return 0 }
        let left = deadline - ContinuousClock.now
        return Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
    }

    /// Records that an engine's own time limit (GLPK's `tm_lim`, set from
    /// `secondsLeft`) stopped it.
    func recordCut() {
        cut.store(true, ordering: .relaxed)
        parent?.recordCut()
    }

    /// Whether the time limit or a cancellation cut any search of this solve.
    var wasCut: Bool { cut.load(ordering: .relaxed) }

    // MARK: - Work budgets

    /// The most candidate pairs (a, b) the heuristic's descent examines in
    /// one block, over all its kicks. Unbounded on blocks of up to
    /// `ScaleSolver.largeBlock` members: there the kicks bound the work and each
    /// descent ends at a local optimum. Beyond, about what such a block takes:
    /// 64·largeBlock² pairs, a sixteenth of it when the block's weights are
    /// not tabulated (each then costs a rule evaluation).
    static func descentPairs(members m: Int, dense: Bool) -> Int {
        guard m > ScaleSolver.largeBlock else { return .max }
        return 64 * ScaleSolver.largeBlock * ScaleSolver.largeBlock / (dense ? 1 : 16)
    }

    /// The most candidates the greedy construction scans per group member in
    /// a block of m members: `window` on blocks of up to `ScaleSolver.largeBlock`,
    /// shrinking beyond so that a block's construction examines about
    /// `largeBlock · window` candidates (and at least 64 each).
    static func constructionWindow(_ window: Int, members m: Int) -> Int {
        guard m > ScaleSolver.largeBlock else { return window }
        return max(64, window * ScaleSolver.largeBlock / m)
    }

    /// Simplex iterations for one LP of `rows` rows and `columns` columns:
    /// generous (GLPK's primal simplex takes a few times the rows on these
    /// models), so that it binds only on a degenerate cycle, never on the
    /// machine's speed.
    static func simplexIterations(rows: Int, columns: Int) -> Int {
        min(Int(Int32.max), 50 * (rows + columns) + 10_000)
    }
}

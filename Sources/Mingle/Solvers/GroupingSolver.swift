/// A solver turns a compiled problem into groups. Every solver honours the
/// lexicographic order of docs/format.md (what the solver looks for): more participants placed, then fewer
/// groups of k+1, then a higher total score.
public protocol GroupingSolver: Sendable {
    /// The name written in the output's `solver` field.
    var name: String { get }
    /// Solves the problem within `limits`. A solver never fails: when it cannot
    /// do its job (an engine error), it returns the best valid groups it has
    /// with status `feasible` and says why in `notes`.
    func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult
}

/// How long a solver may run, its seed, where it reports progress, and the
/// flag that stops it.
///
/// Searches stop on work budgets that depend only on the problem
/// (`SolveBudget`); the time limit and `cancellation` are a safety net, and
/// when either cuts a search the result says so (`timeLimitReached`).
public struct SolveLimits: Sendable {
    /// Seconds the solver may use (a safety net: see `SolveBudget`), counted
    /// from `started`.
    public var timeLimit: Double
    /// When the time limit's clock started: the start of `SessionSolver.solve`,
    /// so that compiling the Problem counts against the limit; nil, when the
    /// solver starts. Only the safety net's deadline reads it: choices that
    /// depend on the limit (how large a block the matching takes) read
    /// `timeLimit`, so they do not depend on the machine's speed.
    package var started: ContinuousClock.Instant?
    public var seed: UInt64
    /// Called now and then from the solving thread with a phase name and a
    /// fraction in 0...1; must be cheap. The library never prints.
    public var progress: (@Sendable (_ phase: String, _ fraction: Double) -> Void)?
    /// When set, `cancel()` stops the solve within a fraction of a second: it
    /// returns the best valid groups it has, with `timeLimitReached`.
    public var cancellation: SolveCancellation?

    public init(timeLimit: Double = 10, seed: UInt64 = 0, progress: (@Sendable (String, Double) -> Void)? = nil,
                cancellation: SolveCancellation? = nil) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.progress = progress
        self.cancellation = cancellation
    }

    public init(_ options: SolveOptions, progress: (@Sendable (String, Double) -> Void)? = nil,
                cancellation: SolveCancellation? = nil) {
        self.init(timeLimit: options.timeLimit, seed: options.seed, progress: progress, cancellation: cancellation)
    }
}

/// What the solution is known to be (apart from whether the call worked).
public enum SolutionStatus: String, Sendable, Equatable {
    /// Proved best in the order of docs/format.md (what the solver looks for).
    case optimal
    /// Valid, without proof of optimality.
    case feasible
    /// No allowed group exists: no participant can be placed.
    case infeasible
}

/// A solver's answer: groups of participant indices, their status and, when
/// proved, an upper bound on the score of every solution at least as good on
/// placed and oversized groups.
public struct SolverResult: Sendable {
    public var groups: [[Int32]]
    public var status: SolutionStatus
    public var bound: Double?
    /// The engine that produced the groups (`heuristic`, `glpk`, ...).
    public var solver: String
    /// Warnings for the user (engine failures and fallbacks).
    public var notes: [String]
    /// Whether the time limit (or a cancellation) cut a search short, so that
    /// the groups may depend on the machine's speed; false when every search
    /// ended on its work budget.
    public var timeLimitReached: Bool

    public init(groups: [[Int32]], status: SolutionStatus, bound: Double? = nil, solver: String, notes: [String] = [],
                timeLimitReached: Bool = false) {
        self.groups = groups
        self.status = status
        self.bound = bound
        self.solver = solver
        self.notes = notes
        self.timeLimitReached = timeLimitReached
    }
}

/// The value of a solution in the lexicographic order of docs/format.md (what the solver looks for).
public struct GroupingValue: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var placed: Int
    public var oversized: Int
    public var score: Double

    public init(placed: Int = 0, oversized: Int = 0, score: Double = 0) {
        self.placed = placed
        self.oversized = oversized
        self.score = score
    }

    /// `a < b` when b is better: more placed, then fewer oversized, then a higher score.
    public static func < (a: GroupingValue, b: GroupingValue) -> Bool {
        if a.placed != b.placed { return a.placed < b.placed }
        if a.oversized != b.oversized { return a.oversized > b.oversized }
        return a.score < b.score
    }

    public static func + (a: GroupingValue, b: GroupingValue) -> GroupingValue {
        GroupingValue(placed: a.placed + b.placed, oversized: a.oversized + b.oversized, score: a.score + b.score)
    }

    public var description: String { "placed \(placed), oversized \(oversized), score \(score)" }
}

extension Problem {
    /// The value of a grouping (sizes and allowed pairs are not checked here;
    /// see `Validator`).
    public func value(of groups: [[Int32]]) -> GroupingValue {
        var v = GroupingValue()
        for g in groups {
            v.placed += g.count
            if g.count > groupSize { v.oversized += 1 }
            v.score += score(of: g)
        }
        return v
    }

    /// Puts groups in canonical order: members ascending, groups by first member.
    public static func canonical(_ groups: [[Int32]]) -> [[Int32]] {
        groups.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

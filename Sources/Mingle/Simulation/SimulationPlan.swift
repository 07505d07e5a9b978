/// How a program is simulated over many sessions (`ProgramSimulation`,
/// `mingle simulate`, `mingle compare`).
///
/// The model, drawn with SplitMix64 from `seed` alone (never from the rules, so
/// every rule set of a comparison sees the same draws; see `ParticipationSchedule`):
/// - the roster of the first session is the session's participants whose status
///   is `active` (every active member when `participants` is absent); paused
///   members stay paused;
/// - before every session after the first, each roster member leaves with
///   probability `leave`, then `join × (first roster size)` members join (the
///   integer part, plus one more with probability the fractional part): first
///   the session's `pending` members in member order, then new members whose
///   categories copy those of a member of the first roster drawn uniformly;
/// - each roster member takes part in a session with probability
///   `participation`, independently;
/// - each session is solved with its own seed, drawn from `seed`.
public struct SimulationPlan: Sendable, Equatable {
    /// How many sessions to run (>= 1).
    public var sessions: Int
    /// Probability that a roster member takes part in a session (0...1).
    public var participation: Double
    /// New members per session, as a share of the first roster (>= 0).
    public var join: Double
    /// Probability that a roster member leaves before a session (0...1).
    public var leave: Double
    public var seed: UInt64
    /// Overrides the session's `options.solver` when set; the heuristic by
    /// default, since a simulation solves many sessions (`auto` and `exact`
    /// also prove bounds, so the results have a gap, but take longer).
    public var solver: SolverChoice?
    /// Overrides the session's `options.timeLimit` (per session) when set.
    public var timeLimit: Double?

    public init(sessions: Int = 52, participation: Double = 0.8, join: Double = 0, leave: Double = 0,
                seed: UInt64 = 1, solver: SolverChoice? = .heuristic, timeLimit: Double? = nil) {
        self.sessions = sessions
        self.participation = participation
        self.join = join
        self.leave = leave
        self.seed = seed
        self.solver = solver
        self.timeLimit = timeLimit
    }

    /// What is wrong with the plan, in words a person can act on; empty when valid.
    public var problems: [String] {
        var problems: [String] = []
        if sessions < 1 { problems.append("sessions must be >= 1, found \(sessions)") }
        if !(0...1).contains(participation) { problems.append("participation must be from 0 to 1, found \(participation)") }
        if !(join >= 0 && join.isFinite) { problems.append("join must be a share >= 0 of the first roster, found \(join)") }
        if !(0...1).contains(leave) { problems.append("leave must be a probability from 0 to 1, found \(leave)") }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { problems.append("timeLimit must be > 0 seconds, found \(timeLimit)") }
        return problems
    }
}

/// A rule set: a program under a name.
public struct RuleSet: Sendable, Equatable {
    public var name: String
    public var program: Program

    public init(name: String, program: Program) {
        self.name = name
        self.program = program
    }
}

/// One simulated session as the solver saw it: its input session (with the
/// history so far and its participants) and the output.
public struct SimulatedSession: Sendable {
    /// 0 for the first simulated session.
    public var index: Int
    public var input: Session
    public var output: Output
}

/// Runs a program week after week (`mingle simulate`): each session's groups,
/// and who was left out, become the newest entry of the next session's history
/// (`unmatched`, read by the `fairness` extension), with participants drawn by
/// the model of `SimulationPlan`.
///
/// Deterministic for a plan: the same session, rule set and plan give the same
/// result, apart from the measured seconds (and apart from solvers that stop
/// on their time limit, whose groups depend on the machine's speed).
///
/// - Complexity: `plan.sessions` solves; each session also costs
///   O(members + history meetings) to compile and O(participants × rules) to measure.
public struct ProgramSimulation: Sendable {
    public var session: Session
    public var ruleSet: RuleSet
    public var plan: SimulationPlan
    /// Soft rules whose share of satisfied pairs is measured; the rule set's own
    /// soft rules by default.
    public var measuredRules: [Rule]

    public init(session: Session, ruleSet: RuleSet? = nil, plan: SimulationPlan, measuredRules: [Rule]? = nil) {
        self.session = session
        let ruleSet = ruleSet ?? RuleSet(name: session.program.id ?? "session", program: session.program)
        self.ruleSet = ruleSet
        self.plan = plan
        self.measuredRules = measuredRules ?? ruleSet.program.rules.filter { !$0.required }
    }

    /// Runs the simulation.
    ///
    /// - Parameters:
    ///   - schedule: the draws to use; by default those of `plan` (a comparison
    ///     passes one schedule to every rule set).
    ///   - observe: called after each session with its input and output.
    /// - Throws: `SessionError` when the session with the rule set is not valid.
    public func run(schedule: ParticipationSchedule? = nil, observe: ((SimulatedSession) -> Void)? = nil) throws(SessionError) -> SimulationResult {
        let schedule = schedule ?? ParticipationSchedule(session: session, plan: plan)
        var week = session
        week.program = ruleSet.program
        week.members = schedule.members
        var tracker = SimulationTracker(session: week, schedule: schedule, groupSize: ruleSet.program.groupSize,
                                        measuredRules: measuredRules)
        let solver = SessionSolver(solver: plan.solver, timeLimit: plan.timeLimit)
        for s in schedule.participants.indices {
            week.participants = schedule.participants[s]
            week.options.seed = schedule.seeds[s]
            let output = try solver.solve(week)
            observe?(SimulatedSession(index: s, input: week, output: output))
            let past = PastSession(date: schedule.dates[s], output: output)
            tracker.record(s, output: output, leftOut: past.unmatched)
            week.history.append(past)
        }
        return SimulationResult(name: ruleSet.name, plan: plan, measuredRules: measuredRules,
                                sessions: tracker.sessions, totals: tracker.totals())
    }
}

/// The same simulation for several rule sets (`mingle compare`): one
/// `ParticipationSchedule`, so every rule set sees the same members taking
/// part on the same sessions and the same solver seeds; the difference in the
/// results comes from the rules alone.
public struct RuleSetComparison: Sendable {
    public var session: Session
    public var ruleSets: [RuleSet]
    public var plan: SimulationPlan

    public init(session: Session, ruleSets: [RuleSet], plan: SimulationPlan) {
        self.session = session
        self.ruleSets = ruleSets
        self.plan = plan
    }

    /// The soft rules of every rule set, each once (by category, kind and
    /// distance), in order of first appearance.
    public var measuredRules: [Rule] {
        var labels = Set<String>()
        return ruleSets.flatMap { $0.program.rules.filter { !$0.required } }.filter { labels.insert($0.label).inserted }
    }

    /// Runs every rule set, one after the other, in order.
    ///
    /// - Parameter observe: called after each session with the rule set's index.
    /// - Throws: `SessionError` when the session with a rule set is not valid.
    public func run(observe: ((Int, SimulatedSession) -> Void)? = nil) throws(SessionError) -> [SimulationResult] {
        let schedule = ParticipationSchedule(session: session, plan: plan)
        let measured = measuredRules
        var results: [SimulationResult] = []
        for (r, ruleSet) in ruleSets.enumerated() {
            results.append(try ProgramSimulation(session: session, ruleSet: ruleSet, plan: plan, measuredRules: measured)
                .run(schedule: schedule) { observe?(r, $0) })
        }
        return results
    }
}

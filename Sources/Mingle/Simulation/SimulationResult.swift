/// What a simulation of one rule set measured: one `SessionMetrics` per
/// session and the totals.
public struct SimulationResult: Sendable, Equatable {
    /// The rule set's name (a file name in `mingle compare`).
    public var name: String
    public var plan: SimulationPlan
    /// The soft rules whose share of satisfied pairs is measured, in order
    /// (`SessionMetrics.ruleHolds`); in a comparison, those of every rule set.
    public var measuredRules: [Rule]
    public var sessions: [SessionMetrics]
    public var totals: SimulationTotals
}

/// One simulated session. "Left out" means a participant who could take part
/// (not outside the program's audience) in no group; "unlucky" means left out
/// or put in a group of k+1.
public struct SessionMetrics: Sendable, Equatable {
    /// 1 for the first simulated session.
    public var session: Int
    public var date: String?
    public var participants: Int
    public var placed: Int
    /// Participants left out (in no group, though inside the program's audience).
    public var unmatched: Int
    public var groups: Int
    public var oversizedGroups: Int
    /// Pairs inside the groups.
    public var pairs: Int
    /// Pairs inside the groups that met before (in the input's history or an
    /// earlier simulated session).
    public var repeats: Int
    /// Sum and minimum of the repeats' ages: sessions since the pair last met
    /// (1 = the session before).
    public var repeatAgeSum: Int
    public var minRepeatAge: Int?
    /// Distinct partners met in the simulated sessions so far, over the members
    /// of this session's roster: mean and 10th percentile (nearest rank).
    public var distinctPartnersMean: Double
    public var distinctPartnersP10: Int
    /// For each measured rule, the pairs inside the groups for which it holds.
    public var ruleHolds: [Int]
    /// Participants left out or put in a group of k+1.
    public var unlucky: Int
    /// Of those, the ones who were also unlucky the previous time they took part.
    public var unluckyAgain: Int
    public var status: SolutionStatus
    public var objective: Double
    public var bound: Double?
    /// Time to compile and solve (the output's `stats.seconds`).
    public var seconds: Double

    public var repeatRate: Double { pairs > 0 ? Double(repeats) / Double(pairs) : 0 }
    public var meanRepeatAge: Double? { repeats > 0 ? Double(repeatAgeSum) / Double(repeats) : nil }
    /// `(bound - objective) / max(1, |bound|)`, when a bound was proved.
    public var gap: Double? { bound.map { ($0 - objective) / max(1, abs($0)) } }
}

/// A member and how many times something happened to them.
public struct MemberCount: Sendable, Equatable {
    public var member: String
    public var times: Int
}

/// The whole simulation.
public struct SimulationTotals: Sendable, Equatable {
    public var sessions: Int
    /// Sum over sessions of the participants.
    public var participations: Int
    public var placed: Int
    public var unmatched: Int
    public var oversizedGroups: Int
    public var pairs: Int
    public var repeats: Int
    /// How many repeats had each age: `repeatAges[a - 1]` for age a.
    public var repeatAges: [Int]
    /// The first session with a repeat (1-based), nil when none.
    public var firstRepeatSession: Int?
    /// Distinct partners per member of the last roster at the end: mean and
    /// 10th percentile.
    public var distinctPartnersMean: Double
    public var distinctPartnersP10: Int
    /// Distinct members who took part at least once.
    public var members: Int
    public var ruleHolds: [Int]
    public var unlucky: Int
    public var unluckyAgain: Int
    /// Members left out more than once, most often first (then member order).
    public var leftOutMoreThanOnce: [MemberCount]
    /// Members put in a group of k+1 more than once, most often first.
    public var oversizedMoreThanOnce: [MemberCount]
    /// Members left out or put in a group of k+1 more than once, most often first.
    public var unluckyMoreThanOnce: [MemberCount]
    public var objective: Double
    /// Mean gap over the sessions that proved a bound; nil when none did.
    public var meanGap: Double?
    public var seconds: Double
    public var maxSeconds: Double

    public var repeatRate: Double { pairs > 0 ? Double(repeats) / Double(pairs) : 0 }
    public var meanRepeatAge: Double? {
        repeats > 0 ? Double(repeatAges.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }) / Double(repeats) : nil
    }
}

extension Rule {
    /// A short label: `department different`, `seniority within 1`.
    public var label: String {
        if case .within(let d) = kind { return "\(category) within \(d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : JSONWriter.format(d))" }
        return "\(category) \(kind.name)"
    }
}

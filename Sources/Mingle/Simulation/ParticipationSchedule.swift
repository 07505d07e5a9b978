import Foundation

/// Who is in the program and who takes part, session by session: the draws of
/// `SimulationPlan`'s model, made once from the plan's seed and the session's
/// members, so that every rule set simulated on it sees the same people on the
/// same weeks.
///
/// Draws per session s use the stream `SplitMix64(seed: plan.seed).fork(s)`,
/// in a fixed order: leaves (roster order), joins, copied profiles,
/// participation (roster order), the solver's seed.
public struct ParticipationSchedule: Sendable, Equatable {
    /// The members of every simulated session: the session's members (pending
    /// members who join are `active`), then the new members.
    public let members: [Member]
    /// Per session: indices into `members` of the roster, ascending.
    public let rosters: [[Int32]]
    /// Per session: ids of the members who take part, in member order.
    public let participants: [[String]]
    /// Per session: ids of the members who joined just before it.
    public let joined: [[String]]
    /// Per session: ids of the members who left just before it.
    public let left: [[String]]
    /// Per session: its date (a week after the previous one) when every past
    /// session of the input has a date, else nil (sessions are then in array order).
    public let dates: [String?]
    /// Per session: the solver's seed.
    public let seeds: [UInt64]

    /// Draws the schedule.
    ///
    /// - Complexity: O(sessions × roster + members).
    public init(session: Session, plan: SimulationPlan) {
        var members = session.members
        let requested = Set(session.participants ?? session.members.map(\.id))
        var roster: [Int32] = members.indices.filter { members[$0].status == .active && requested.contains(members[$0].id) }.map { Int32($0) }
        let firstRoster = roster
        var pending = members.indices.filter { members[$0].status == .pending }.reversed().map { Int32($0) }
        var usedIDs = Set(members.map(\.id))
        let root = SplitMix64(seed: plan.seed)
        var rosters: [[Int32]] = [], participants: [[String]] = [], joined: [[String]] = [], left: [[String]] = []
        var seeds: [UInt64] = []
        for s in 0..<max(0, plan.sessions) {
            var rng = root.fork(UInt64(s))
            var joinedNow: [String] = [], leftNow: [String] = []
            if s > 0 {
                roster = roster.filter { m in
                    let leaves = rng.unit() < plan.leave
                    if leaves { leftNow.append(members[Int(m)].id) }
                    return !leaves
                }
                let expected = plan.join * Double(firstRoster.count)
                var count = Int(expected)
                if rng.unit() < expected - Double(count) { count += 1 }
                for n in 0..<count {
                    if let m = pending.popLast() {
                        members[Int(m)].status = .active
                        roster.append(m)
                    } else if !firstRoster.isEmpty {
                        let model = members[Int(firstRoster[rng.below(firstRoster.count)])]
                        var id = "joiner-s\(s + 1)-\(n + 1)"
                        while usedIDs.contains(id) { id += "'" }
                        usedIDs.insert(id)
                        members.append(Member(id: id, status: .active, categories: model.categories))
                        roster.append(Int32(members.count - 1))
                    } else {
                        continue
                    }
                    joinedNow.append(members[Int(roster[roster.count - 1])].id)
                }
                roster.sort()
            }
            rosters.append(roster)
            participants.append(roster.filter { _ in rng.unit() < plan.participation }.map { members[Int($0)].id })
            joined.append(joinedNow)
            left.append(leftNow)
            seeds.append(rng.next())
        }
        self.members = members
        self.rosters = rosters
        self.participants = participants
        self.joined = joined
        self.left = left
        self.seeds = seeds
        self.dates = ParticipationSchedule.dates(after: session.history, count: rosters.count)
    }

    /// Weekly dates after the latest past session, when every past session has a date.
    static func dates(after history: [PastSession], count: Int) -> [String?] {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let latest = PastSession.inAgeOrder(history).last?.date, history.allSatisfy({ $0.date != nil }),
              let day = formatter.date(from: String(latest.prefix(10))) else {
            return [String?](repeating: nil, count: count)
        }
        return (0..<count).map { formatter.string(from: day.addingTimeInterval(7 * 86_400 * Double($0 + 1))) }
    }
}


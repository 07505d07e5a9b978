/// Measures a simulation as it runs: per member, distinct partners and bad
/// luck; per pair, when it last met (to date repeats).
struct SimulationTracker {
    let schedule: ParticipationSchedule
    let groupSize: Int
    /// Index into `schedule.members` of each member id.
    let memberIndex: [String: Int32]
    let measured: [CompiledRule]
    /// Position in the timeline (input history, then simulated sessions) of the
    /// last meeting of each pair, keyed `low << 32 | high`.
    var lastMet: [UInt64: Int] = [:]
    /// Number of past sessions in the input.
    let pastSessions: Int
    var partners: [Set<Int32>]
    var leftOut: [Int]
    var oversized: [Int]
    var tookPart: [Bool]
    /// Whether the member was unlucky the last time they took part.
    var wasUnlucky: [Bool]
    var repeatAges: [Int] = []
    var sessions: [SessionMetrics] = []

    init(session: Session, schedule: ParticipationSchedule, groupSize: Int, measuredRules: [Rule]) {
        self.schedule = schedule
        self.groupSize = groupSize
        var index: [String: Int32] = [:]
        for (i, m) in schedule.members.enumerated() where index[m.id] == nil { index[m.id] = Int32(i) }
        memberIndex = index
        measured = measuredRules.map { CompiledRule(rule: $0, members: schedule.members) }
        let n = schedule.members.count
        partners = Array(repeating: [], count: n)
        leftOut = Array(repeating: 0, count: n)
        oversized = leftOut
        tookPart = Array(repeating: false, count: n)
        wasUnlucky = tookPart
        let past = PastSession.inAgeOrder(session.history)
        pastSessions = past.count
        for (position, p) in past.enumerated() {
            for group in p.groups { forEachPair(of: group) { lastMet[$0] = position } }
        }
    }

    private func forEachPair(of ids: [String], _ body: (UInt64) -> Void) {
        let members = Set(ids.compactMap { memberIndex[$0] }).sorted()
        for x in 0..<members.count {
            for y in (x + 1)..<members.count { body(UInt64(UInt32(members[x])) << 32 | UInt64(UInt32(members[y]))) }
        }
    }

    /// Records simulated session `s` (0-based); `leftOut` are the participants
    /// who could take part but are in no group.
    ///
    /// - Complexity: O(participants × measured rules + roster).
    mutating func record(_ s: Int, output: Output, leftOut ids: [String]) {
        let position = pastSessions + s
        var metrics = SessionMetrics(
            session: s + 1, date: schedule.dates[s], participants: schedule.participants[s].count, placed: output.stats.placed,
            unmatched: 0, groups: output.groups.count, oversizedGroups: 0, pairs: 0, repeats: 0, repeatAgeSum: 0,
            minRepeatAge: nil, distinctPartnersMean: 0, distinctPartnersP10: 0,
            ruleHolds: Array(repeating: 0, count: measured.count), unlucky: 0, unluckyAgain: 0,
            status: output.status, objective: output.objective, bound: output.bound, seconds: output.stats.seconds)
        var unlucky = Set<Int32>()
        for group in output.groups {
            let members = group.members.compactMap { memberIndex[$0] }
            if members.count > groupSize {
                metrics.oversizedGroups += 1
                for m in members {
                    oversized[Int(m)] += 1
                    unlucky.insert(m)
                }
            }
            forEachPair(of: group.members) { key in
                let a = Int32(truncatingIfNeeded: key >> 32), b = Int32(truncatingIfNeeded: key)
                metrics.pairs += 1
                if let last = lastMet[key] {
                    let age = position - last
                    metrics.repeats += 1
                    metrics.repeatAgeSum += age
                    metrics.minRepeatAge = min(metrics.minRepeatAge ?? age, age)
                    if repeatAges.count < age { repeatAges += Array(repeating: 0, count: age - repeatAges.count) }
                    repeatAges[age - 1] += 1
                }
                lastMet[key] = position
                partners[Int(a)].insert(b)
                partners[Int(b)].insert(a)
                for (r, rule) in measured.enumerated() where rule.holds(Int(a), Int(b)) { metrics.ruleHolds[r] += 1 }
            }
        }
        for id in ids {
            guard let m = memberIndex[id] else { continue }
            metrics.unmatched += 1
            leftOut[Int(m)] += 1
            unlucky.insert(m)
        }
        for id in schedule.participants[s] {
            guard let m = memberIndex[id] else { continue }
            tookPart[Int(m)] = true
            let isUnlucky = unlucky.contains(m)
            if isUnlucky && wasUnlucky[Int(m)] { metrics.unluckyAgain += 1 }
            wasUnlucky[Int(m)] = isUnlucky
        }
        metrics.unlucky = unlucky.count
        (metrics.distinctPartnersMean, metrics.distinctPartnersP10) = distinctPartners(schedule.rosters[s])
        sessions.append(metrics)
    }

    /// Mean and 10th percentile (nearest rank) of the distinct partners of the members.
    func distinctPartners(_ roster: [Int32]) -> (Double, Int) {
        guard !roster.isEmpty else { return (0, 0) }
        let counts = roster.map { partners[Int($0)].count }.sorted()
        let rank = max(1, Int((Double(counts.count) * 0.1).rounded(.up)))
        return (Double(counts.reduce(0, +)) / Double(counts.count), counts[rank - 1])
    }

    /// Members whose count is at least 2, most often first, then in member order.
    func moreThanOnce(_ counts: [Int]) -> [MemberCount] {
        counts.indices.filter { counts[$0] >= 2 }
            .sorted { (counts[$1], $0) < (counts[$0], $1) }
            .map { MemberCount(member: schedule.members[$0].id, times: counts[$0]) }
    }

    /// The totals over the sessions recorded so far.
    func totals() -> SimulationTotals {
        let gaps = sessions.compactMap(\.gap)
        let (mean, p10) = distinctPartners(schedule.rosters.last ?? [])
        return SimulationTotals(
            sessions: sessions.count,
            participations: sessions.reduce(0) { $0 + $1.participants },
            placed: sessions.reduce(0) { $0 + $1.placed },
            unmatched: sessions.reduce(0) { $0 + $1.unmatched },
            oversizedGroups: sessions.reduce(0) { $0 + $1.oversizedGroups },
            pairs: sessions.reduce(0) { $0 + $1.pairs },
            repeats: sessions.reduce(0) { $0 + $1.repeats },
            repeatAges: repeatAges,
            firstRepeatSession: sessions.first { $0.repeats > 0 }?.session,
            distinctPartnersMean: mean, distinctPartnersP10: p10,
            members: tookPart.lazy.filter { $0 }.count,
            ruleHolds: measured.indices.map { r in sessions.reduce(0) { $0 + $1.ruleHolds[r] } },
            unlucky: sessions.reduce(0) { $0 + $1.unlucky },
            unluckyAgain: sessions.reduce(0) { $0 + $1.unluckyAgain },
            leftOutMoreThanOnce: moreThanOnce(leftOut),
            oversizedMoreThanOnce: moreThanOnce(oversized),
            unluckyMoreThanOnce: moreThanOnce(zip(leftOut, oversized).map { $0 + $1 }),
            objective: sessions.reduce(0) { $0 + $1.objective },
            meanGap: gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count),
            seconds: sessions.reduce(0) { $0 + $1.seconds },
            maxSeconds: sessions.map(\.seconds).max() ?? 0)
    }
}

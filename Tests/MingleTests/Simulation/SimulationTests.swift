import Foundation
import Testing
@testable import Mingle

/// Every simulated session with its input, as the observer saw it.
final class SessionLog: @unchecked Sendable {
    var sessions: [SimulatedSession] = []
    var ruleSets: [Int] = []
}

@Suite("Simulation over many sessions")
struct SimulationTests {
    /// A small realistic session: 30 members in four cities, 4 weeks of history,
    /// some pending. Cities stay small (at most about 12 participants), so that
    /// the heuristic's subset DP solves them fast even in debug builds, and
    /// repeats happen.
    static let session: Session = {
        var s = SessionGenerator(members: 30, historySessions: 4, activeShare: 0.9, seed: 21).generate()
        s.options.solver = .heuristic
        return s
    }()

    static let plan = SimulationPlan(sessions: 12, participation: 0.8, join: 0.04, leave: 0.05, seed: 5, solver: .heuristic)

    /// The result without its measured times, which differ from run to run.
    static func withoutTimes(_ result: SimulationResult) -> SimulationResult {
        var r = result
        for i in r.sessions.indices { r.sessions[i].seconds = 0 }
        r.totals.seconds = 0
        r.totals.maxSeconds = 0
        return r
    }

    @Test func deterministicForASeed() throws {
        let a = try ProgramSimulation(session: Self.session, plan: Self.plan).run()
        let b = try ProgramSimulation(session: Self.session, plan: Self.plan).run()
        #expect(Self.withoutTimes(a) == Self.withoutTimes(b))
        #expect(SimulationResult.csvBytes([Self.withoutTimes(a)]) == SimulationResult.csvBytes([Self.withoutTimes(b)]))
        var other = Self.plan
        other.seed = 6
        let c = try ProgramSimulation(session: Self.session, plan: other).run()
        #expect(ParticipationSchedule(session: Self.session, plan: other).participants
                != ParticipationSchedule(session: Self.session, plan: Self.plan).participants)
        #expect(Self.withoutTimes(c) != Self.withoutTimes(a))
    }

    /// Every count of the result, recomputed from the simulated inputs and
    /// outputs alone (with the spec reference, not the compiled problem), and
    /// every output checked by the validator.
    @Test func countsAgreeWithRecomputationFromItsOutputs() throws {
        let log = SessionLog()
        let measured = Self.session.program.rules.filter { !$0.required }
        let result = try ProgramSimulation(session: Self.session, plan: Self.plan).run { log.sessions.append($0) }
        let schedule = ParticipationSchedule(session: Self.session, plan: Self.plan)
        #expect(log.sessions.count == Self.plan.sessions && result.sessions.count == Self.plan.sessions)
        var partners: [String: Set<String>] = [:]
        var leftOut: [String: Int] = [:], oversized: [String: Int] = [:], wasUnlucky: [String: Bool] = [:]
        var ages: [Int: Int] = [:]
        for (s, simulated) in log.sessions.enumerated() {
            let input = simulated.input, output = simulated.output
            let reference = SpecReference(input)
            #expect(Validator(session: input).check(output).issues.isEmpty, "session \(s + 1)")
            if s > 0 {
                // The previous session's groups and left-out participants are the newest past session.
                let previous = log.sessions[s - 1]
                let placedBefore = Set(previous.output.groups.flatMap(\.members))
                #expect(input.history.last?.groups == previous.output.groups.map(\.members))
                #expect(input.history.last?.unmatched == previous.input.participants!.filter { !placedBefore.contains($0) })
            }
            #expect(input.history.count == Self.session.history.count + s)
            let m = result.sessions[s]
            let k = input.program.groupSize
            let placed = Set(output.groups.flatMap(\.members))
            #expect(m.participants == input.participants!.count)
            #expect(m.placed == placed.count && m.groups == output.groups.count)
            #expect(m.unmatched == input.participants!.count - placed.count)
            #expect(m.oversizedGroups == output.groups.filter { $0.members.count > k }.count)
            var pairs = 0, repeats = 0, ageSum = 0, minAge: Int?
            var holds = [Int](repeating: 0, count: measured.count)
            var unlucky = Set<String>()
            for group in output.groups {
                if group.members.count > k {
                    for id in group.members { oversized[id, default: 0] += 1; unlucky.insert(id) }
                }
                for x in 0..<group.members.count {
                    for y in (x + 1)..<group.members.count {
                        let a = group.members[x], b = group.members[y]
                        pairs += 1
                        if let age = reference.ages(a, b).min() {
                            repeats += 1
                            ageSum += age
                            minAge = min(minAge ?? age, age)
                            ages[age, default: 0] += 1
                        }
                        for (r, rule) in measured.enumerated() where reference.holds(rule, a, b) { holds[r] += 1 }
                        partners[a, default: []].insert(b)
                        partners[b, default: []].insert(a)
                    }
                }
            }
            var again = 0
            for id in input.participants! {
                if !placed.contains(id) { leftOut[id, default: 0] += 1; unlucky.insert(id) }
                if unlucky.contains(id) && wasUnlucky[id] == true { again += 1 }
                wasUnlucky[id] = unlucky.contains(id)
            }
            #expect(m.pairs == pairs && m.repeats == repeats && m.repeatAgeSum == ageSum && m.minRepeatAge == minAge, "session \(s + 1)")
            #expect(m.ruleHolds == holds)
            #expect(m.unlucky == unlucky.count && m.unluckyAgain == again)
            #expect(m.objective == output.objective && m.status == output.status)
            let counts = schedule.rosters[s].map { partners[schedule.members[Int($0)].id]?.count ?? 0 }.sorted()
            #expect(abs(m.distinctPartnersMean - Double(counts.reduce(0, +)) / Double(counts.count)) < 1e-9)
            #expect(m.distinctPartnersP10 == counts[Int((Double(counts.count) / 10).rounded(.up)) - 1])
        }
        let t = result.totals
        #expect(t.sessions == Self.plan.sessions)
        #expect(t.placed == log.sessions.reduce(0) { $0 + Set($1.output.groups.flatMap(\.members)).count })
        #expect(t.repeats == ages.values.reduce(0, +))
        #expect(t.repeatAges.enumerated().filter { $0.element > 0 }.map { [$0.offset + 1, $0.element] }
                == ages.keys.sorted().map { [$0, ages[$0]!] })
        #expect(t.firstRepeatSession == result.sessions.first { $0.repeats > 0 }?.session)
        func moreThanOnce(_ counts: [String: Int]) -> Set<String> { Set(counts.filter { $0.value > 1 }.keys) }
        #expect(Set(t.leftOutMoreThanOnce.map(\.member)) == moreThanOnce(leftOut))
        #expect(Set(t.oversizedMoreThanOnce.map(\.member)) == moreThanOnce(oversized))
        #expect(t.oversizedMoreThanOnce.allSatisfy { oversized[$0.member] == $0.times })
        #expect(t.members == Set(log.sessions.flatMap { $0.input.participants! }).count)
        // The plan must have produced something to measure.
        #expect(t.repeats > 0 && t.oversizedGroups > 0)
    }

    /// Every rule set of a comparison sees the same members, participants and
    /// solver seeds, session by session, whatever its group size or fairness.
    @Test func compareUsesIdenticalDrawsForEveryRuleSet() throws {
        let base = Self.session.program
        var trios = base
        trios.groupSize = 3
        trios.remainder = .leaveOut
        var fair = base
        fair.fairness = FairnessPolicy(lookback: 2)
        var noRules = Program()
        noRules.repeats = RepeatPolicy(forbidWithin: 1, penalty: 1, halfLife: nil)
        let ruleSets = [RuleSet(name: "base", program: base), RuleSet(name: "trios", program: trios),
                        RuleSet(name: "fair", program: fair), RuleSet(name: "none", program: noRules)]
        let log = SessionLog()
        let results = try RuleSetComparison(session: Self.session, ruleSets: ruleSets, plan: Self.plan).run { r, simulated in
            log.ruleSets.append(r)
            log.sessions.append(simulated)
        }
        #expect(results.map(\.name) == ["base", "trios", "fair", "none"])
        let alone = ParticipationSchedule(session: Self.session, plan: Self.plan)
        for r in ruleSets.indices {
            let mine = log.sessions.indices.filter { log.ruleSets[$0] == r }.map { log.sessions[$0] }
            #expect(mine.map(\.input.participants) == alone.participants.map { $0 })
            #expect(mine.map(\.input.options.seed) == alone.seeds)
            #expect(mine.allSatisfy { $0.input.members == alone.members })
            #expect(results[r].sessions.map(\.participants) == alone.participants.map(\.count))
            for s in mine { #expect(Validator(session: s.input).check(s.output).issues.isEmpty) }
        }
        // Every rule set measures the same rules, so its columns line up.
        #expect(results.allSatisfy { $0.measuredRules == results[0].measuredRules })
        #expect(results[0].measuredRules.map(\.label) == ["department different", "seniority within 1", "interests overlap"])
        #expect(results[1].totals.oversizedGroups == 0)
    }

    /// Churn: leavers never come back, joiners take part only from their first
    /// session, pending members join first, and new ids are unique.
    @Test func churnFollowsTheModel() {
        let plan = SimulationPlan(sessions: 12, participation: 1, join: 0.08, leave: 0.06, seed: 3)
        let schedule = ParticipationSchedule(session: Self.session, plan: plan)
        #expect(Set(schedule.members.map(\.id)).count == schedule.members.count)
        let pending = Self.session.members.filter { $0.status == .pending }.map(\.id)
        let joinedInOrder = schedule.joined.flatMap { $0 }
        #expect(!pending.isEmpty && joinedInOrder.prefix(pending.count).elementsEqual(pending))
        #expect(joinedInOrder.count > pending.count, "new members joined after the pending ones")
        #expect(schedule.left.joined().count > 0)
        for s in 1..<plan.sessions {
            let before = Set(schedule.rosters[s - 1].map { schedule.members[Int($0)].id })
            let now = Set(schedule.rosters[s].map { schedule.members[Int($0)].id })
            #expect(now == before.subtracting(schedule.left[s]).union(schedule.joined[s]))
            #expect(Set(schedule.participants[s]) == now, "participation 1: everyone in the roster takes part")
        }
        let left = Set(schedule.left.joined())
        for s in 0..<plan.sessions {
            let everLeftBefore = Set(schedule.left[...s].joined())
            #expect(Set(schedule.participants[s]).isDisjoint(with: everLeftBefore))
        }
        #expect(!left.isEmpty)
        // The simulated members of a joiner copy a profile of the first roster.
        let profiles = Set(Self.session.members.map(\.categories))
        #expect(schedule.members.suffix(from: Self.session.members.count).allSatisfy { profiles.contains($0.categories) && $0.status == .active })
    }

    @Test func participationIsDrawnAtItsRate() {
        let session = SessionGenerator(members: 400, historySessions: 0, activeShare: 1, seed: 2).generate()
        let schedule = ParticipationSchedule(session: session, plan: SimulationPlan(sessions: 20, participation: 0.5, seed: 8))
        let share = Double(schedule.participants.joined().count) / Double(20 * 400)
        #expect(share > 0.47 && share < 0.53, "share \(share)")
    }

    /// Simulated sessions are dated weekly after the last past session.
    @Test func datesFollowTheHistory() {
        let schedule = ParticipationSchedule(session: Self.session, plan: Self.plan)
        let last = PastSession.inAgeOrder(Self.session.history).last!.date!
        #expect(schedule.dates[0]! > last)
        #expect(schedule.dates == schedule.dates.sorted { $0! < $1! })
        var undated = Self.session
        undated.history[0].date = nil
        #expect(ParticipationSchedule(session: undated, plan: Self.plan).dates.allSatisfy { $0 == nil })
    }

    @Test func csvAndJSONCarryEverySession() throws {
        let results = try RuleSetComparison(session: Self.session, ruleSets: [
            RuleSet(name: "a, quoted \"one\"", program: Self.session.program), RuleSet(name: "b", program: Self.session.program),
        ], plan: Self.plan).run()
        let csv = String(decoding: SimulationResult.csvBytes(results), as: UTF8.self)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 2 * (Self.plan.sessions + 1))
        #expect(lines[1].hasPrefix("\"a, quoted \"\"one\"\"\",1,"))
        let columns = results[0].sessionColumns.count + 1
        for line in lines.dropFirst() where line.hasPrefix("b,") {
            #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == columns)
        }
        let json = try JSONValue.parse(SimulationResult.jsonBytes(results))
        guard case .array(let sets)? = json["ruleSets"], case .array(let sessions)? = sets[1]["sessions"] else {
            Issue.record("ruleSets missing")
            return
        }
        #expect(sessions.count == Self.plan.sessions)
        if case .number(let repeats)? = sets[1]["totals"]?["repeats"] {
            #expect(Int(repeats.double) == results[1].totals.repeats)
        } else {
            Issue.record("totals.repeats missing")
        }
    }
}

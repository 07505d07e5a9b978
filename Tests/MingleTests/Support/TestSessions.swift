import Foundation
@testable import Mingle

/// Random small sessions covering every feature of docs/format.md (the session), for
/// comparisons against brute force and the spec reference.
struct RandomSessions {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func chance(_ percent: Int) -> Bool { rng.below(100) < percent }

    mutating func weight() -> Double {
        // Negative, zero and fractional weights.
        Double(rng.below(17) - 6) / 2
    }

    mutating func session(participants n: Int, groupSize k: Int, remainder: RemainderPolicy) -> Session {
        let cities = ["Paris", "Lyon", "Nice"]
        let departments = ["R&D", "Sales", "HR", "Ops"]
        let tags = ["a", "b", "c", "d", "e"]
        var members: [Member] = []
        for i in 0..<(n + 2) {
            var categories: [String: CategoryValue] = [:]
            if !chance(8) { categories["city"] = .string(cities[rng.below(chance(60) ? 1 : 3)]) }
            if !chance(10) {
                categories["department"] = chance(15) ? .strings([departments[rng.below(4)], departments[rng.below(4)]]) : .string(departments[rng.below(4)])
            }
            if !chance(10) { categories["seniority"] = .number(Double(1 + rng.below(5))) }
            if !chance(10) {
                categories["interests"] = chance(20) ? .string(tags[rng.below(5)]) : .strings((0..<rng.below(3)).map { _ in tags[rng.below(5)] })
            }
            if chance(50) { categories["remote"] = .bool(chance(50)) }
            members.append(Member(id: "p\(i)", status: .active, categories: categories))
        }
        // Two extra members: one paused participant, one non-participant.
        members[n].status = chance(50) ? .paused : .pending
        var rules: [Rule] = []
        if chance(60) { rules.append(Rule(category: "city", kind: .same, required: chance(60), weight: weight())) }
        if chance(60) { rules.append(Rule(category: "department", kind: .different, required: chance(20), weight: weight())) }
        if chance(60) { rules.append(Rule(category: "seniority", kind: .within(distance: Double(rng.below(3))), required: chance(15), weight: weight())) }
        if chance(60) { rules.append(Rule(category: "interests", kind: .overlap, required: chance(10), weight: weight())) }
        if chance(30) { rules.append(Rule(category: "remote", kind: .same, required: false, weight: weight())) }
        var history: [PastSession] = []
        let dated = chance(50)
        for s in 0..<rng.below(5) {
            var ids = (0..<n).map { "p\($0)" }
            ids.shuffle(using: &rng)
            var groups: [[String]] = []
            var start = 0
            while start + 2 <= ids.count {
                let size = 2 + rng.below(2)
                groups.append(Array(ids[start..<min(ids.count, start + size)]))
                start += size
            }
            if chance(30) { groups.append(["p\(rng.below(n))", "ghost"]) }
            let day = 1 + (dated ? rng.below(28) : s)
            history.append(PastSession(date: dated ? String(format: "2026-10-%02d", day) : nil, groups: groups))
        }
        var exclusions: [Exclusion] = []
        for _ in 0..<rng.below(3) {
            let a = rng.below(n), b = rng.below(n)
            if a != b { exclusions.append(Exclusion("p\(a)", "p\(b)")) }
        }
        let repeats = RepeatPolicy(forbidWithin: rng.below(3), penalty: Double(rng.below(12)), halfLife: chance(30) ? nil : Double(1 + rng.below(8)))
        let participants = (0...n).map { "p\($0)" } // p(n) is paused or pending
        return Session(program: Program(groupSize: k, remainder: remainder, rules: rules, repeats: repeats),
                       members: members, participants: participants, history: history, exclusions: exclusions,
                       options: SolveOptions(solver: .heuristic, timeLimit: 5, seed: rng.next()))
    }
}

extension RandomSessions {
    /// A random session small enough for brute force: shape (k, remainder)
    /// `HeuristicTests.shapes[seed % 6]`, 2 + seed % 9 participants.
    static func small(seed: Int, stream: UInt64) -> (session: Session, k: Int, remainder: RemainderPolicy, n: Int) {
        var sessions = RandomSessions(seed: stream + UInt64(seed))
        let (k, remainder) = HeuristicTests.shapes[seed % HeuristicTests.shapes.count]
        let n = 2 + seed % 9
        return (sessions.session(participants: n, groupSize: k, remainder: remainder), k, remainder, n)
    }
}

/// Exhaustive search over all groupings, straight from the spec (by id, with
/// `SpecReference`): the best value in the order of docs/format.md (what the solver looks for).
enum BruteForce {
    static func best(_ session: Session) -> GroupingValue {
        let reference = SpecReference(session)
        let ids = reference.participants.filter { reference.status(of: $0) == .active }
        let k = session.program.groupSize
        let sizes = session.program.remainder == .merge ? k...(k + 1) : k...k
        var best = GroupingValue(placed: -1)
        var used = [Bool](repeating: false, count: ids.count)
        func groupValue(_ group: [Int]) -> Double? {
            var score = 0.0
            for x in 0..<group.count {
                for y in (x + 1)..<group.count {
                    if reference.whyNotAllowed(ids[group[x]], ids[group[y]]) != nil { return nil }
                    score += reference.weight(ids[group[x]], ids[group[y]])
                }
            }
            return score
        }
        func recurse(_ value: GroupingValue) {
            guard let first = used.firstIndex(of: false) else {
                if best < value { best = value }
                return
            }
            used[first] = true
            recurse(value) // first stays unplaced
            var group = [first]
            func extend(_ from: Int) {
                if sizes.contains(group.count), let score = groupValue(group) {
                    recurse(value + GroupingValue(placed: group.count, oversized: group.count > k ? 1 : 0, score: score))
                }
                guard group.count < sizes.upperBound else { return }
                for c in from..<ids.count where !used[c] {
                    group.append(c)
                    used[c] = true
                    extend(c + 1)
                    used[c] = false
                    group.removeLast()
                }
            }
            extend(first + 1)
            used[first] = false
        }
        recurse(GroupingValue())
        return best
    }
}

/// The conformance sessions of ../shared/conformance, copied into Fixtures.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(relative))
    }

    static func session(_ relative: String) throws -> Session {
        try Session.decode([UInt8](data(relative)), file: relative).session
    }
}

func decodeSession(_ json: String) throws -> Session {
    try Session.decode(Array(json.utf8)).session
}

func decodeIssues(_ json: String) -> [SessionIssue] {
    do {
        _ = try Session.decode(Array(json.utf8))
        return []
    } catch {
        return error.issues
    }
}

extension Output {
    var value: GroupingValue { GroupingValue(placed: stats.placed, oversized: stats.oversizedGroups, score: objective) }
}

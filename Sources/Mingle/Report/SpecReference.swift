/// A direct, unoptimised reading of docs/format.md (the session, what the solver looks for) over a session, by
/// member id: which pairs are allowed and what they weigh.
///
/// It shares no code with `Problem` on purpose: the validator uses it to check
/// every solver's output against the spec itself, not against the compiled
/// problem the solvers saw.
public struct SpecReference: Sendable {
    let session: Session
    let members: [String: Member]
    /// For each unordered pair "a\u{0}b" (a < b), the ages at which they met.
    let meetings: [String: [Int]]
    let excluded: Set<String>

    public init(_ session: Session) {
        self.session = session
        var members: [String: Member] = [:]
        for m in session.members where members[m.id] == nil { members[m.id] = m }
        self.members = members
        // Ages: by date when every session has one, else array order; last is age 1.
        var order = Array(session.history.indices)
        if !session.history.isEmpty, session.history.allSatisfy({ $0.date != nil }) {
            let key = { (i: Int) in session.history[i].date.flatMap(ISODate.sortKey) ?? "" } // an invalid date is `validate`'s error, not a crash
            order.sort { (key($0), $0) < (key($1), $1) }
        }
        var meetings: [String: [Int]] = [:]
        for (position, index) in order.enumerated() {
            let h = session.history[index]
            let age = order.count - position
            var pairsThisSession = Set<String>()
            for group in h.groups {
                let ids = group.filter { members[$0] != nil }
                for x in ids {
                    for y in ids where x < y { pairsThisSession.insert(SpecReference.key(x, y)) }
                }
            }
            for key in pairsThisSession { meetings[key, default: []].append(age) }
        }
        self.meetings = meetings
        self.excluded = Set(session.exclusions.filter { members[$0.first] != nil && members[$0.second] != nil }
            .map { SpecReference.key($0.first, $0.second) })
    }

    static func key(_ a: String, _ b: String) -> String {
        a < b ? a + "\u{0}" + b : b + "\u{0}" + a
    }

    /// The participants of the session, in order, and who among them takes no part.
    public var participants: [String] {
        session.participants ?? session.members.filter { $0.status == .active }.map(\.id)
    }

    public func status(of id: String) -> MemberStatus? { members[id]?.status }

    /// The day member `id` is paused until when that day is after the
    /// session's date (or the session has none), read from the definition:
    /// `YYYY-MM-DD` texts compare as days.
    public func pausedUntil(of id: String) -> String? {
        guard let until = members[id]?.pausedUntil else { return nil }
        guard let date = session.date, date.count == 10, until.count == 10 else { return until }
        return date < until ? until : nil
    }

    /// Whether the rule holds for members a and b (docs/format.md (the session), Rules).
    public func holds(_ rule: Rule, _ a: String, _ b: String) -> Bool {
        guard let va = members[a]?.categories[rule.category], let vb = members[b]?.categories[rule.category] else { return false }
        let set = SpecReference.elements(of:)
        switch rule.kind {
        case .same: return set(va) == set(vb)
        case .different: return set(va) != set(vb)
        case .overlap: return !set(va).isDisjoint(with: set(vb))
        case .within(let distance):
            guard case .number(let x) = va, case .number(let y) = vb else { return false }
            return abs(x - y) <= distance
        }
    }

    /// The ages at which a and b met (any order).
    public func ages(_ a: String, _ b: String) -> [Int] {
        meetings[SpecReference.key(a, b)] ?? []
    }

    /// The pair's weight: soft rules that hold, minus decayed penalties for
    /// meetings older than `forbidWithin`.
    public func weight(_ a: String, _ b: String) -> Double {
        var w = 0.0
        for rule in session.program.rules where !rule.required && holds(rule, a, b) { w += rule.weight }
        let repeats = session.program.repeats
        for age in ages(a, b).sorted() where age > repeats.forbidWithin {
            if let h = repeats.halfLife {
                w -= repeats.penalty * pow(0.5, Double(age - 1) / h)
            } else {
                w -= repeats.penalty
            }
        }
        return w
    }

    /// Why the pair is not allowed, or nil when it is.
    public func whyNotAllowed(_ a: String, _ b: String) -> String? {
        for rule in session.program.rules where rule.required && !holds(rule, a, b) {
            return "required rule \(rule.kind.name) \(rule.category) does not hold"
        }
        if excluded.contains(SpecReference.key(a, b)) { return "the pair is excluded" }
        if let recent = ages(a, b).min(), recent <= session.program.repeats.forbidWithin {
            return "they met \(recent) session(s) ago, within forbidWithin \(session.program.repeats.forbidWithin)"
        }
        return nil
    }
}

import Foundation

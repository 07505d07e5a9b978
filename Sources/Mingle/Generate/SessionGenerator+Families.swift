/// Named session shapes for `mingle generate --family`, benchmarks and tests:
/// the shapes that are hard for the solvers (issue 9), next to the realistic one.
extension SessionGenerator {
    public enum Family: String, Sendable, CaseIterable {
        /// The realistic company of the datasets (the generator's defaults).
        case realistic
        /// Groups of 3 (merge) in ONE dense block: one city and no city rule;
        /// department different +3, seniority within 1 +1, interests overlap +0.5;
        /// 12 weeks of history, forbidWithin 2; every member active.
        case oneBlock = "one-block"
        /// A 66-member block in triples, leaveOut: department different +2,
        /// interests overlap +1; one city, 12 weeks of history, every member active.
        case leaveOut = "leave-out"
        /// Six cities with a required same-city rule and the realistic soft rules,
        /// 26 weeks of history, 36% of members without `interests`, interests
        /// 1...4 among 30, 80% opted in (an explicit `participants` list), 5%
        /// pending or paused.
        case sparse
        /// The realistic company with a tight required rule: department
        /// `different` required (seniority within 1 +1, interests overlap +0.5).
        case tight

        /// The family's generator for `members` members (nil: the family's own
        /// count, 66 for `leaveOut`, else 500) and `seed`.
        public func generator(members: Int? = nil, seed: UInt64 = 1) -> SessionGenerator {
            var g = SessionGenerator(members: members ?? (self == .leaveOut ? 66 : 500), seed: seed)
            switch self {
            case .realistic:
                break
            case .oneBlock:
                g.groupSize = 3
                g.cities = 1
                g.historySessions = 12
                g.activeShare = 1
                g.rules = [
                    Rule(category: "department", kind: .different, weight: 3),
                    Rule(category: "seniority", kind: .within(distance: 1), weight: 1),
                    Rule(category: "interests", kind: .overlap, weight: 0.5),
                ]
            case .leaveOut:
                g.groupSize = 3
                g.remainder = .leaveOut
                g.cities = 1
                g.historySessions = 12
                g.activeShare = 1
                g.rules = [
                    Rule(category: "department", kind: .different, weight: 2),
                    Rule(category: "interests", kind: .overlap, weight: 1),
                ]
            case .sparse:
                g.cities = 6
                g.missing = ["interests": 0.36]
                g.interestVocabulary = 30
                g.maxInterests = 4
                g.optInShare = 0.8
                g.activeShare = 0.95
            case .tight:
                g.rules = [
                    Rule(category: "city", kind: .same, required: true),
                    Rule(category: "department", kind: .different, required: true),
                    Rule(category: "seniority", kind: .within(distance: 1), weight: 1),
                    Rule(category: "interests", kind: .overlap, weight: 0.5),
                ]
            }
            return g
        }
    }
}

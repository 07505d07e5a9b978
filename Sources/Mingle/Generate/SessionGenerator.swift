import Foundation

/// Generates realistic company sessions, deterministically by seed, for
/// datasets, tests and benchmarks (`mingle generate`).
///
/// The model:
/// - cities Paris 40%, Lyon 25%, Marseille 20%, Lille 15%;
/// - eight departments (Engineering 25%, Sales 15%, Marketing 10%, Finance 10%,
///   HR 8%, Legal 7%, Operations 15%, Support 10%);
/// - seniority 1...5 (25%, 30%, 25%, 13%, 7%);
/// - 1 to `maxInterests` (3) interests, uniform among the first
///   `interestVocabulary` (12) of `interestWords`;
/// - status active with probability `activeShare`, else pending or paused (half each);
/// - with `cities` set, that many cities instead (`cityNames`, Zipf weights 1/i);
/// - with `missing` set, each listed category absent from a member with its share;
/// - with `optInShare` set, an explicit `participants` list: each member (whatever
///   the status) opted in with that probability;
/// - `historySessions` weekly past sessions (dated a week apart, the last one a
///   week before `date`), each with 80% of the active members drawn at random,
///   grouped at random within their city into groups of the program's size
///   (a leftover joins the last group);
/// - one exclusion per 100 members, between random members;
/// - the realistic rule set: same city required, different department
///   (weight 3), seniority within 1 (weight 1), interests overlap (weight 0.5);
///   repeats forbidden within 2 sessions, penalty 10, half-life 8 (`rules`
///   replaces the rule set when set).
///
/// Draws come from one SplitMix64 stream in a fixed order; the optional shapes
/// draw only when set, so the defaults reproduce the datasets byte for byte.
/// `SessionGenerator.Family` names the shapes that are hard for the solvers.
public struct SessionGenerator: Sendable {
    public var members: Int
    public var groupSize: Int
    public var remainder: RemainderPolicy
    public var historySessions: Int
    public var activeShare: Double
    public var seed: UInt64
    /// The date of the session being generated (history is dated before it).
    public var date: String
    /// The number of cities (1 makes one block); nil: the four-city table.
    public var cities: Int?
    /// Share of members lacking each category (absent from `categories`), by category name.
    public var missing: [String: Double]
    /// How many interests the members draw from (the first of `interestWords`).
    public var interestVocabulary: Int
    /// Each member has 1...maxInterests interests.
    public var maxInterests: Int
    /// Share of members in an explicit `participants` list; nil: no list (every active member).
    public var optInShare: Double?
    /// The rules; nil: the realistic rule set.
    public var rules: [Rule]?
    /// Members who met within this many sessions may not meet.
    public var forbidWithin: Int

    public init(members: Int = 500, groupSize: Int = 2, remainder: RemainderPolicy = .merge,
                historySessions: Int = 26, activeShare: Double = 0.92, seed: UInt64 = 1, date: String = "2026-11-23",
                cities: Int? = nil, missing: [String: Double] = [:], interestVocabulary: Int = 12, maxInterests: Int = 3,
                optInShare: Double? = nil, rules: [Rule]? = nil, forbidWithin: Int = 2) {
        self.members = members
        self.groupSize = groupSize
        self.remainder = remainder
        self.historySessions = historySessions
        self.activeShare = activeShare
        self.seed = seed
        self.date = date
        self.cities = cities
        self.missing = missing
        self.interestVocabulary = interestVocabulary
        self.maxInterests = maxInterests
        self.optInShare = optInShare
        self.rules = rules
        self.forbidWithin = forbidWithin
    }

    /// The categories a member may have, in the order their absence is drawn.
    public static let categoryNames = ["city", "department", "seniority", "interests"]

    static let cities: [(String, Double)] = [("Paris", 0.40), ("Lyon", 0.25), ("Marseille", 0.20), ("Lille", 0.15)]
    static let departments: [(String, Double)] = [
        ("Engineering", 0.25), ("Sales", 0.15), ("Marketing", 0.10), ("Finance", 0.10),
        ("HR", 0.08), ("Legal", 0.07), ("Operations", 0.15), ("Support", 0.10),
    ]
    static let seniority: [(Int, Double)] = [(1, 0.25), (2, 0.30), (3, 0.25), (4, 0.13), (5, 0.07)]
    /// The interests, most common first: the first twelve are the default vocabulary.
    public static let interestWords = [
        "books", "chess", "cinema", "climbing", "cooking", "football", "gaming", "hiking",
        "jazz", "photography", "running", "travel", "astronomy", "baking", "board games", "cycling",
        "dancing", "design", "gardening", "history", "languages", "music", "painting", "podcasts",
        "poetry", "pottery", "rugby", "sailing", "science", "skiing", "swimming", "tennis",
        "theatre", "volunteering", "wine", "yoga", "knitting", "birdwatching", "surfing", "opera",
    ]
    /// The cities of `cities`, in order.
    public static let cityNames = ["Paris", "Lyon", "Marseille", "Lille", "Toulouse", "Bordeaux", "Nantes", "Nice",
                                   "Strasbourg", "Rennes", "Grenoble", "Montpellier"]

    /// The city table: the four-city default, or `n` cities with weights proportional to 1/i.
    func cityTable() -> [(String, Double)] {
        guard let n = cities else { return SessionGenerator.cities }
        let total = (1...max(n, 1)).reduce(0.0) { $0 + 1 / Double($1) }
        return (0..<max(n, 1)).map { i in
            (i < SessionGenerator.cityNames.count ? SessionGenerator.cityNames[i] : "City \(i + 1)", 1 / Double(i + 1) / total)
        }
    }
    static let firstNames = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Katherine",
                             "Leslie", "Margaret", "Niklaus", "Radia", "Robin", "Shafi", "Tim", "Sophie", "Karen",
                             "Hedy", "Claude", "Jean", "Marie", "Louis", "Camille"]
    static let lastNames = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy",
                            "Johnson", "Lamport", "Hamilton", "Wirth", "Perlman", "Milner", "Goldwasser", "Berners-Lee",
                            "Wilson", "Jones", "Lamarr", "Shannon", "Sammet", "Curie", "Pasteur", "Claudel"]

    /// The program of the realistic rule set.
    public var program: Program {
        Program(id: "coffee-\(members)", groupSize: groupSize, remainder: remainder, rules: rules ?? [
            Rule(category: "city", kind: .same, required: true),
            Rule(category: "department", kind: .different, weight: 3),
            Rule(category: "seniority", kind: .within(distance: 1), weight: 1),
            Rule(category: "interests", kind: .overlap, weight: 0.5),
        ], repeats: RepeatPolicy(forbidWithin: forbidWithin, penalty: 10, halfLife: 8))
    }

    /// The first `size` interests of `interestWords`, then numbered topics.
    static func interestVocabulary(_ size: Int) -> [String] {
        (0..<max(size, 1)).map { $0 < interestWords.count ? interestWords[$0] : "topic \($0 + 1)" }
    }

    private static func pick<T>(_ table: [(T, Double)], _ rng: inout SplitMix64) -> T {
        let u = rng.unit()
        var acc = 0.0
        for (value, p) in table {
            acc += p
            if u < acc { return value }
        }
        return table[table.count - 1].0
    }

    /// Generates the session.
    ///
    /// - Complexity: O(members × historySessions).
    public func generate() -> Session {
        var rng = SplitMix64(seed: seed)
        var people: [Member] = []
        people.reserveCapacity(members)
        let width = String(max(members - 1, 1)).count
        let cityTable = cityTable()
        let vocabulary = SessionGenerator.interestVocabulary(interestVocabulary)
        let absent = SessionGenerator.categoryNames.compactMap { name in missing[name].map { (name, $0) } }
        var participants: [String]? = optInShare == nil ? nil : []
        for i in 0..<members {
            let first = SessionGenerator.firstNames[rng.below(SessionGenerator.firstNames.count)]
            let last = SessionGenerator.lastNames[rng.below(SessionGenerator.lastNames.count)]
            let number = String(i)
            let id = "m" + String(repeating: "0", count: width - number.count) + number
            var interests = Set<String>()
            let wanted = 1 + rng.below(min(maxInterests, vocabulary.count))
            while interests.count < wanted { interests.insert(vocabulary[rng.below(vocabulary.count)]) }
            let u = rng.unit()
            let status: MemberStatus = u < activeShare ? .active : (u < activeShare + (1 - activeShare) / 2 ? .pending : .paused)
            var categories: [String: CategoryValue] = [
                "city": .string(SessionGenerator.pick(cityTable, &rng)),
                "department": .string(SessionGenerator.pick(SessionGenerator.departments, &rng)),
                "seniority": .number(Double(SessionGenerator.pick(SessionGenerator.seniority, &rng))),
                "interests": .strings(interests.sorted()),
            ]
            for (name, share) in absent where rng.unit() < share { categories[name] = nil }
            if let optInShare, rng.unit() < optInShare { participants?.append(id) }
            people.append(Member(
                id: id, firstName: first, lastName: last,
                email: "\(first.lowercased()).\(last.lowercased()).\(i)@example.org", status: status,
                categories: categories))
        }
        // History: random groups within each city, weekly, oldest first.
        var history: [PastSession] = []
        let day = 86_400.0
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let today = formatter.date(from: date) ?? Date(timeIntervalSince1970: 0)
        let active = people.filter { $0.status == .active }
        var byCity: [String: [String]] = [:]
        for m in active {
            if case .string(let c)? = m.categories["city"] { byCity[c, default: []].append(m.id) }
        }
        let cities = byCity.keys.sorted()
        for s in 0..<historySessions {
            let when = today.addingTimeInterval(-7 * day * Double(historySessions - s))
            var groups: [[String]] = []
            for city in cities {
                var present = byCity[city]!.filter { _ in rng.below(100) < 80 }
                present.shuffle(using: &rng)
                var start = 0
                while present.count - start >= groupSize {
                    groups.append(Array(present[start..<(start + groupSize)]))
                    start += groupSize
                }
                if start < present.count, !groups.isEmpty, groups[groups.count - 1].count == groupSize, present.count - start == 1 {
                    groups[groups.count - 1].append(present[start])
                }
            }
            history.append(PastSession(date: formatter.string(from: when), groups: groups))
        }
        var exclusions: [Exclusion] = []
        if members >= 2 {
            for _ in 0..<(members / 100) {
                let a = rng.below(members), b = rng.below(members)
                if a != b { exclusions.append(Exclusion(people[a].id, people[b].id)) }
            }
        }
        return Session(program: program, members: people, participants: participants, history: history, exclusions: exclusions,
                       options: SolveOptions(seed: seed))
    }
}

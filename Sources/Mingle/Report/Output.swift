/// The result of a session, as docs/format.md (the output) defines it.
public struct Output: Sendable, Equatable {
    public var version: Int = 1
    public var status: SolutionStatus
    /// The engine that produced the groups.
    public var solver: String
    /// The total score: the sum of the groups' scores.
    public var objective: Double
    /// A proved upper bound on the score of every solution at least as good on
    /// placed and oversized groups; nil when none was proved.
    public var bound: Double?
    public var groups: [Group]
    public var unmatched: [Unmatched]
    public var stats: Stats
    /// Warnings from the solver (an extension of the spec: absent when empty).
    public var warnings: [String] = []

    /// A group. Equality compares what the JSON holds (members and score).
    public struct Group: Sendable, Equatable {
        public var members: [String]
        public var score: Double
        /// Which rules hold for each pair of members (`rulesHeld(_:_:)`), as bit
        /// sets of `Problem.ruleWords` words per pair, pairs (a, b) with a < b in
        /// order; nil for a group read back from JSON, which does not carry them.
        var ruleBits: [UInt64]?

        public init(members: [String], score: Double) {
            self.members = members
            self.score = score
        }

        init(members: [String], score: Double, ruleBits: [UInt64]) {
            self.init(members: members, score: score)
            self.ruleBits = ruleBits
        }

        /// The program's rules (indices in program order) that hold for the
        /// members at positions `a` and `b` of `members`, as the solve compiled
        /// them; nil for a group read back from JSON.
        public func rulesHeld(_ a: Int, _ b: Int) -> [Int]? {
            guard let ruleBits, a != b, members.indices.contains(a), members.indices.contains(b) else { return nil }
            let (x, y, n) = (min(a, b), max(a, b), members.count)
            let words = ruleBits.count / (n * (n - 1) / 2)
            let pair = x * n - x * (x + 1) / 2 + (y - x - 1)
            return (0..<(words * 64)).filter { ruleBits[pair * words + $0 / 64] & (1 << UInt64($0 % 64)) != 0 }
        }

        public static func == (a: Group, b: Group) -> Bool {
            a.members == b.members && a.score == b.score
        }
    }

    /// A participant in no group, and why. Equality compares what the JSON
    /// holds (member and reason).
    public struct Unmatched: Sendable, Equatable {
        public var member: String
        /// The cause in the format's words (`cause.description` when there is a cause).
        public var reason: String
        /// The cause as data: set by a solve (and by `Validator.score`); nil for
        /// an entry read back from JSON, which holds only the reason's text.
        public var cause: UnmatchedCause?

        public init(member: String, reason: String) {
            self.member = member
            self.reason = reason
        }

        public init(member: String, cause: UnmatchedCause) {
            self.init(member: member, reason: cause.description)
            self.cause = cause
        }

        public static func == (a: Unmatched, b: Unmatched) -> Bool {
            a.member == b.member && a.reason == b.reason
        }
    }

    public struct Stats: Sendable, Equatable {
        public var participants: Int
        public var placed: Int
        public var oversizedGroups: Int
        public var repeats: Int
        public var seconds: Double
        /// Whether the time limit (or a cancellation) cut the search short, so
        /// that the groups may depend on the machine's speed; written only when
        /// true (docs/format.md, the output).
        public var timeLimitReached: Bool
        public init(participants: Int, placed: Int, oversizedGroups: Int, repeats: Int, seconds: Double,
                    timeLimitReached: Bool = false) {
            self.participants = participants
            self.placed = placed
            self.oversizedGroups = oversizedGroups
            self.repeats = repeats
            self.seconds = seconds
            self.timeLimitReached = timeLimitReached
        }
    }

    public init(status: SolutionStatus, solver: String, objective: Double, bound: Double?, groups: [Group],
                unmatched: [Unmatched], stats: Stats, warnings: [String] = []) {
        self.status = status
        self.solver = solver
        self.objective = objective
        self.bound = bound
        self.groups = groups
        self.unmatched = unmatched
        self.stats = stats
        self.warnings = warnings
    }
}

extension Output {
    /// The output as JSON text (keys in the format's order), ending with a newline.
    ///
    /// - Parameter indent: spaces per level; 0 for one line (JSON Lines).
    public func jsonBytes(indent: Int = 2) -> [UInt8] {
        var w = JSONWriter(indent: indent)
        w.beginObject()
        w.key("version"); w.integer(version)
        w.key("status"); w.string(status.rawValue)
        w.key("solver"); w.string(solver)
        w.key("objective"); w.number(objective)
        if let bound { w.key("bound"); w.number(bound) }
        w.key("groups"); w.beginArray()
        for g in groups {
            w.beginObject()
            w.key("members"); w.inlineStrings(g.members)
            w.key("score"); w.number(g.score)
            w.endObject()
        }
        w.endArray()
        w.key("unmatched"); w.beginArray()
        for u in unmatched {
            w.beginObject()
            w.key("member"); w.string(u.member)
            w.key("reason"); w.string(u.reason)
            w.endObject()
        }
        w.endArray()
        w.key("stats"); w.beginObject()
        w.key("participants"); w.integer(stats.participants)
        w.key("placed"); w.integer(stats.placed)
        w.key("oversizedGroups"); w.integer(stats.oversizedGroups)
        w.key("repeats"); w.integer(stats.repeats)
        w.key("seconds"); w.number((stats.seconds * 1000).rounded() / 1000)
        if stats.timeLimitReached { w.key("timeLimitReached"); w.bool(true) }
        w.endObject()
        if !warnings.isEmpty {
            w.key("warnings"); w.beginArray()
            for s in warnings { w.string(s) }
            w.endArray()
        }
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }

    /// Reads an output back (for `mingle score` and tests).
    public static func decode(_ json: JSONValue) throws(OutputDecodingError) -> Output {
        func fail(_ path: String, _ message: String) -> OutputDecodingError { OutputDecodingError(path: path, message: message) }
        guard case .object = json else { throw fail("$", "an output must be an object") }
        if let version = json["version"] {
            guard case .number(let n) = version, n.double == 1 else { throw fail("$.version", "unsupported version; this Mingle reads version 1") }
        }
        guard case .string(let s)? = json["status"], let status = SolutionStatus(rawValue: s) else {
            throw fail("$.status", "status must be \"optimal\", \"feasible\" or \"infeasible\"")
        }
        guard case .array(let gs)? = json["groups"] else { throw fail("$.groups", "groups must be an array") }
        var groups: [Group] = []
        for (i, g) in gs.enumerated() {
            guard case .array(let ms)? = g["members"] else { throw fail("$.groups[\(i)].members", "members must be an array of ids") }
            var members: [String] = []
            for (j, m) in ms.enumerated() {
                guard case .string(let id) = m else { throw fail("$.groups[\(i)].members[\(j)]", "a member id must be a string") }
                members.append(id)
            }
            guard case .number(let score)? = g["score"] else { throw fail("$.groups[\(i)].score", "score must be a number") }
            groups.append(Group(members: members, score: score.double))
        }
        var unmatched: [Unmatched] = []
        if case .array(let us)? = json["unmatched"] {
            for (i, u) in us.enumerated() {
                guard case .string(let id)? = u["member"] else { throw fail("$.unmatched[\(i)].member", "member must be a string") }
                var reason = ""
                if case .string(let r)? = u["reason"] { reason = r }
                unmatched.append(Unmatched(member: id, reason: reason))
            }
        }
        func number(_ v: JSONValue?) -> Double? {
            if case .number(let n)? = v { return n.double }
            return nil
        }
        guard let objective = number(json["objective"]) else { throw fail("$.objective", "objective must be a number") }
        let st = json["stats"]
        func count(_ key: String) throws(OutputDecodingError) -> Int {
            guard let n = number(st?[key]) else { return 0 }
            guard let i = Int(exactly: n), i >= 0 else { throw fail("$.stats.\(key)", "\(key) must be an integer >= 0") }
            return i
        }
        let stats = Stats(participants: try count("participants"), placed: try count("placed"),
                          oversizedGroups: try count("oversizedGroups"), repeats: try count("repeats"),
                          seconds: number(st?["seconds"]) ?? 0, timeLimitReached: st?["timeLimitReached"] == .bool(true))
        var solver = ""
        if case .string(let s)? = json["solver"] { solver = s }
        return Output(status: status, solver: solver, objective: objective, bound: number(json["bound"]),
                      groups: groups, unmatched: unmatched, stats: stats)
    }
}

/// An output that could not be read back.
public struct OutputDecodingError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

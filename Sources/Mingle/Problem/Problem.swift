/// A session compiled for solvers (docs/format.md (what the solver looks for)): the participants who can be
/// placed, the rules turned into integer codes per participant, and the sparse
/// pair data of history and exclusions.
///
/// Pair weights and allowed pairs are computed on demand from contiguous arrays;
/// nothing is stored per pair except the few pairs that met before or are
/// excluded (compressed sparse rows), so memory is O(participants × rules +
/// meetings + exclusions) and a member with a thousand allowed partners costs
/// no dictionary.
public struct Problem: Sendable {
    /// k, the group size.
    public let groupSize: Int
    public let remainder: RemainderPolicy
    /// Member ids of the placeable participants; solvers work on indices into this array.
    public let participantIDs: [String]
    /// Index into `Session.members` of each placeable participant.
    public let memberIndices: [Int32]
    /// Participants who take no part (status pending or paused, or outside the
    /// program's audience), in participant order.
    public let absent: [AbsentParticipant]
    /// Rules in program order, compiled to codes.
    let rules: [CompiledRule]
    /// History and exclusions, per participant, partners sorted.
    let links: PairLinks
    /// Participants split by the required `same` rules: no allowed pair crosses two blocks.
    public let blocks: [[Int32]]
    /// Category names of the rules, by rule index (for messages).
    public let ruleCategories: [String]
    /// Pairs that met within this many sessions may not share a group.
    public let forbidWithin: Int
    /// Whether each participant is a priority member of the `fairness`
    /// extension (`Session.priorityMembers`), by participant index; empty when
    /// the program has no fairness policy.
    public let priority: [Bool]

    /// The number of placeable participants.
    public var count: Int { participantIDs.count }

    /// The group sizes a solution may use: k, and k+1 under `merge`.
    public var allowedSizes: ClosedRange<Int> {
        groupSize...(remainder == .merge ? groupSize + 1 : groupSize)
    }

    init(groupSize: Int, remainder: RemainderPolicy, participantIDs: [String], memberIndices: [Int32],
         absent: [AbsentParticipant], rules: [CompiledRule], links: PairLinks, ruleCategories: [String], forbidWithin: Int,
         priority: [Bool] = []) {
        self.forbidWithin = forbidWithin
        self.priority = priority
        self.groupSize = groupSize
        self.remainder = remainder
        self.participantIDs = participantIDs
        self.memberIndices = memberIndices
        self.absent = absent
        self.rules = rules
        self.links = links
        self.ruleCategories = ruleCategories
        self.blocks = Problem.makeBlocks(count: participantIDs.count, rules: rules)
    }
}

/// A participant who takes no part in this session, and why.
public struct AbsentParticipant: Sendable, Equatable {
    public var memberID: String
    public var status: MemberStatus
    public var cause: UnmatchedCause
    public var reason: String { cause.description }
}

extension Problem {
    /// The weight of the pair (i, j): the weights of the soft rules that hold,
    /// minus the history penalties (docs/format.md (what the solver looks for)).
    ///
    /// - Complexity: O(rules + log(links of i)).
    public func weight(_ i: Int, _ j: Int) -> Double {
        softWeight(i, j) - links.penalty(i, j)
    }

    /// Whether i and j may share a group: every required rule holds, they are not
    /// excluded and did not meet within `forbidWithin`.
    ///
    /// - Complexity: O(rules + log(links of i)).
    public func isAllowed(_ i: Int, _ j: Int) -> Bool {
        guard i != j, requiredRulesHold(i, j) else { return false }
        return !links.isForbidden(i, j)
    }

    /// Whether the pair met in any past session (for `stats.repeats`).
    public func haveMet(_ i: Int, _ j: Int) -> Bool {
        links.meetings(i, j) > 0
    }

    /// The weight of the pair when allowed, nil otherwise; one pass over the rules.
    public func allowedWeight(_ i: Int, _ j: Int) -> Double? {
        guard i != j else { return nil }
        var total = 0.0
        for rule in rules {
            let holds = rule.holds(i, j)
            if rule.required {
                if !holds { return nil }
            } else if holds {
                total += rule.weight
            }
        }
        guard let link = links.link(i, j) else { return total }
        if link.forbidden { return nil }
        return total - link.penalty
    }

    func softWeight(_ i: Int, _ j: Int) -> Double {
        var total = 0.0
        for rule in rules where !rule.required && rule.holds(i, j) { total += rule.weight }
        return total
    }

    func requiredRulesHold(_ i: Int, _ j: Int) -> Bool {
        for rule in rules where rule.required && !rule.holds(i, j) { return false }
        return true
    }

    /// Marks the rules that hold for the pair (i, j), by index in program
    /// order, in the `ruleWords` words of `words` from `offset`: rule r holds
    /// when bit r % 64 of word offset + r / 64 is set. Messages say what a pair
    /// shares from it (through `Output.Group.rulesHeld`).
    ///
    /// - Complexity: O(rules).
    func markRulesHeld(_ i: Int, _ j: Int, in words: inout [UInt64], at offset: Int) {
        for (r, rule) in rules.enumerated() where rule.holds(i, j) { words[offset + r / 64] |= 1 << UInt64(r % 64) }
    }

    /// Words of a pair's `rulesHeld` set.
    var ruleWords: Int { (rules.count + 63) / 64 }

    /// The index of the first required rule that fails for (i, j), if any.
    func failingRequiredRule(_ i: Int, _ j: Int) -> Int? {
        for (r, rule) in rules.enumerated() where rule.required && !rule.holds(i, j) { return r }
        return nil
    }

    /// Whether participant i has a value for rule r's category.
    func hasValue(_ i: Int, rule r: Int) -> Bool {
        rules[r].hasValue(i)
    }

    /// The score of a group: the sum of the weights of all its pairs.
    ///
    /// - Complexity: O(size² × rules).
    public func score<C: Collection>(of group: C) -> Double where C.Element == Int32 {
        let members = Array(group)
        var total = 0.0
        for a in 0..<members.count {
            for b in (a + 1)..<members.count { total += weight(Int(members[a]), Int(members[b])) }
        }
        return total
    }

    /// Whether every pair of the group is allowed (size is not checked).
    public func isAllowedGroup<C: Collection>(_ group: C) -> Bool where C.Element == Int32 {
        let members = Array(group)
        for a in 0..<members.count {
            for b in (a + 1)..<members.count where !isAllowed(Int(members[a]), Int(members[b])) { return false }
        }
        return true
    }

    /// Groups participants into blocks by the codes of the required `same`
    /// rules: union of equal code tuples; a participant lacking a value is alone.
    static func makeBlocks(count: Int, rules: [CompiledRule]) -> [[Int32]] {
        let sameRules = rules.filter { $0.required && $0.isSame }
        guard !sameRules.isEmpty else { return count == 0 ? [] : [Array(0..<Int32(count))] }
        var blockOf: [[Int32]: Int] = [:]
        var blocks: [[Int32]] = []
        for i in 0..<count {
            let key = sameRules.map { $0.code(i) }
            if key.contains(-1) {
                blocks.append([Int32(i)])
                continue
            }
            if let b = blockOf[key] {
                blocks[b].append(Int32(i))
            } else {
                blockOf[key] = blocks.count
                blocks.append([Int32(i)])
            }
        }
        return blocks
    }
}

extension Problem {
    /// Compiles a validated session into a problem (docs/format.md (the session, what the solver looks for)).
    ///
    /// Participants are `session.participants` in their order, or every `active`
    /// member in member order; those whose status is not active, who are paused
    /// until after the session's date, or who are outside the program's
    /// audience, become `absent`. Under a fairness policy, each participant's
    /// priority is compiled too. History sessions are
    /// ordered by date when every one has a date (a stable sort), otherwise by
    /// array order; the last is age 1.
    ///
    /// - Complexity: O(members × rules + Σ group sizes² over history + Σ r log r)
    ///   for r the number of links of each participant.
    public init(_ session: Session) {
        self.init(session, progress: nil)
    }

    /// As `init(_:)`, telling `progress` the fraction done after each stage.
    init(_ session: Session, progress: ((Double) -> Void)?) {
        var indexOfMember = MemberIDTable(session.members.map(\.id))

        // Who takes part.
        let requested: [Int] = session.participants.map { ids in ids.compactMap { indexOfMember.index(of: $0) } }
            ?? session.members.indices.filter { session.members[$0].status == .active }
        var ids: [String] = [], memberIndices: [Int32] = [], absent: [AbsentParticipant] = []
        for m in requested {
            let member = session.members[m]
            switch member.status {
            case .active:
                if let until = member.pausedUntil, !session.isOver(pauseUntil: until) {
                    absent.append(AbsentParticipant(memberID: member.id, status: .active, cause: .pausedUntil(until)))
                    continue
                }
                if let mismatch = session.program.audience?.mismatch(for: member) {
                    absent.append(AbsentParticipant(memberID: member.id, status: .active, cause: .outsideAudience(mismatch)))
                    continue
                }
                ids.append(member.id)
                memberIndices.append(Int32(m))
            case .pending:
                absent.append(AbsentParticipant(memberID: member.id, status: .pending, cause: .pending))
            case .paused:
                absent.append(AbsentParticipant(memberID: member.id, status: .paused, cause: .paused))
            case .expired:
                absent.append(AbsentParticipant(memberID: member.id, status: .expired, cause: .expired))
            case .left:
                absent.append(AbsentParticipant(memberID: member.id, status: .left, cause: .left))
            }
        }
        var participantOfMember = [Int32](repeating: -1, count: session.members.count)
        for (p, m) in memberIndices.enumerated() { participantOfMember[Int(m)] = Int32(p) }

        // From here on ids resolve to participants (-1: not a participant).
        indexOfMember.mapValues { participantOfMember[Int($0)] }
        let participantOf = indexOfMember

        progress?(0.1)
        let values = Problem.ruleValues(session, memberIndices: memberIndices)
        let rules = Parallel.map(session.program.rules.count) { [memberIndices] r in
            let base = r * memberIndices.count
            return CompiledRule(rule: session.program.rules[r], count: memberIndices.count) { values[base + $0] }
        }
        progress?(0.25)

        // History: ages, then meetings between participants.
        let repeats = session.program.repeats
        let ordered = PastSession.inAgeOrder(session.history)
        let ages = ordered.indices.map { ordered.count - $0 }
        var builder = PairLinks.Builder(
            count: ids.count,
            sessionPenalties: ages.map { $0 <= repeats.forbidWithin ? 0 : repeats.penalty(atAge: $0) },
            sessionForbids: ages.map { $0 <= repeats.forbidWithin })
        // Sessions in parallel: resolving ids is most of the work at scale, a
        // whole session at once (`appendIndices`).
        let meetings = Parallel.map(ordered.count) { position in
            let groups = ordered[position].groups
            var resolved: [Int32] = []
            participantOf.appendIndices(of: Array(groups.joined()), to: &resolved)
            var pairs: [(Int32, Int32)] = []
            pairs.reserveCapacity(resolved.count)
            resolved.withUnsafeMutableBufferPointer { resolved in
                var next = 0
                for ids in groups {
                    // The group's participants, sorted and each once (an id
                    // listed twice in a group counts once), in place.
                    let group = UnsafeMutableBufferPointer(rebasing: resolved[next..<(next + ids.count)])
                    next += ids.count
                    var kept = 0
                    for p in group where p >= 0 {
                        var at = kept
                        while at > 0 && group[at - 1] > p { at -= 1 }
                        if at > 0 && group[at - 1] == p { continue }
                        for moved in stride(from: kept, to: at, by: -1) { group[moved] = group[moved - 1] }
                        group[at] = p
                        kept += 1
                    }
                    for x in 0..<kept {
                        for y in (x + 1)..<kept { pairs.append((group[x], group[y])) }
                    }
                }
            }
            return pairs
        }
        progress?(0.6)
        for (position, pairs) in meetings.enumerated() { builder.meetings(pairs, session: position) }
        for exclusion in session.exclusions {
            guard let a = participantOf.index(of: exclusion.first), let b = participantOf.index(of: exclusion.second),
                  a >= 0, b >= 0, a != b else { continue }
            builder.exclusion(Int32(a), Int32(b))
        }

        // Fairness: who has priority, by participant.
        var priority: [Bool] = []
        if let policy = session.program.fairness {
            let wanted = Set(session.priorityMembers(policy))
            priority = ids.map(wanted.contains)
        }

        progress?(0.7)
        self.init(groupSize: session.program.groupSize, remainder: session.program.remainder,
                  participantIDs: ids, memberIndices: memberIndices, absent: absent, rules: rules,
                  links: builder.build(),
                  ruleCategories: session.program.rules.map(\.category), forbidWithin: repeats.forbidWithin,
                  priority: priority)
    }
}

extension Problem {
    /// Each participant's value of each rule's category, rule after rule
    /// (`values[r * participants + i]`), read in parallel over ranges of
    /// participants: each member's categories are visited once for all the
    /// rules (a member's dictionary is a cache miss at scale).
    ///
    /// - Complexity: O(participants × rules).
    static func ruleValues(_ session: Session, memberIndices: [Int32]) -> [CategoryValue?] {
        let categories = session.program.rules.map(\.category)
        let n = memberIndices.count
        var values = [CategoryValue?](repeating: nil, count: n * categories.count)
        guard !values.isEmpty else { return values }
        let parts = min(64, n)
        values.withUnsafeMutableBufferPointer { all in
            let shared = SharedBuffer(pointer: all)
            _ = Parallel.map(parts) { p in
                for i in (n * p / parts)..<(n * (p + 1) / parts) {
                    let member = Int(memberIndices[i])
                    for (r, category) in categories.enumerated() {
                        shared.pointer[r * n + i] = session.members[member].categories[category]
                    }
                }
            }
        }
        return values
    }
}

extension CompiledRule {
    /// Compiles one rule over the participants' category values.
    init(rule: Rule, members: [Member]) {
        self.init(rule: rule, count: members.count) { members[$0].categories[rule.category] }
    }

    /// Compiles one rule over `count` participants, participant i having
    /// `valueOf(i)` in the rule's category (nil: lacking it).
    init(rule: Rule, count: Int, valueOf: (Int) -> CategoryValue?) {
        self.kind = rule.kind
        self.required = rule.required
        self.weight = rule.weight
        switch rule.kind {
        case .same, .different:
            // Most members share a few values: each distinct value is turned into
            // its atom set once.
            var codeOf: [[Atom]: Int32] = [:]
            var codeOfValue: [CategoryValue: Int32] = [:]
            self.storage = .codes((0..<count).map { i in
                guard let value = valueOf(i) else { return -1 }
                if let code = codeOfValue[value] { return code }
                let set = Atom.set(of: value)
                let code = codeOf[set] ?? Int32(codeOf.count)
                codeOf[set] = code
                codeOfValue[value] = code
                return code
            })
        case .within(let distance):
            self.storage = .numbers((0..<count).map { i in
                if case .number(let x)? = valueOf(i) { return x }
                return .nan
            }, distance: distance)
        case .overlap:
            var atomID: [Atom: Int32] = [:]
            var idsOfValue: [CategoryValue: [Int32]] = [:]
            var perMember: [[Int32]] = []
            perMember.reserveCapacity(count)
            for i in 0..<count {
                guard let value = valueOf(i) else {
                    perMember.append([])
                    continue
                }
                if let ids = idsOfValue[value] {
                    perMember.append(ids)
                    continue
                }
                let ids = Atom.set(of: value).map { atom -> Int32 in
                    if let id = atomID[atom] { return id }
                    let id = Int32(atomID.count)
                    atomID[atom] = id
                    return id
                }.sorted()
                idsOfValue[value] = ids
                perMember.append(ids)
            }
            if atomID.count <= 64 {
                self.storage = .masks(perMember.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } })
            } else {
                var offsets: [Int32] = [0], atoms: [Int32] = []
                for ids in perMember {
                    atoms.append(contentsOf: ids)
                    offsets.append(Int32(atoms.count))
                }
                self.storage = .sets(offsets: offsets, atoms: atoms)
            }
        }
    }
}

/// One element of a category value seen as a set (a scalar is a one-element set).
/// Strings, numbers and booleans are distinct kinds of atoms: "3" is not 3.
enum Atom: Hashable, Sendable {
    case string(String)
    case number(UInt64) // bit pattern, -0 folded into 0
    case bool(Bool)

    static func set(of value: CategoryValue) -> [Atom] {
        switch value {
        case .string(let s): return [.string(s)]
        case .number(let x): return [.number((x == 0 ? 0.0 : x).bitPattern)]
        case .bool(let b): return [.bool(b)]
        case .strings(let ss): return Array(Set(ss)).sorted().map { .string($0) }
        }
    }
}

extension Problem {
    /// Compiles a validated session into a problem (SPEC sections 1 and 2).
    ///
    /// Participants are `session.participants` in their order, or every `active`
    /// member in member order; those whose status is pending or paused, or who
    /// are outside the program's audience, become `absent`. History sessions are
    /// ordered by date when every one has a date (a stable sort), otherwise by
    /// array order; the last is age 1.
    ///
    /// - Complexity: O(members × rules + Σ group sizes² over history + e log e).
    public init(_ session: Session) {
        var indexOfMember: [String: Int] = [:]
        indexOfMember.reserveCapacity(session.members.count)
        for (i, m) in session.members.enumerated() where indexOfMember[m.id] == nil { indexOfMember[m.id] = i }

        // Who takes part.
        let requested: [Int] = session.participants.map { ids in ids.compactMap { indexOfMember[$0] } }
            ?? session.members.indices.filter { session.members[$0].status == .active }
        var ids: [String] = [], memberIndices: [Int32] = [], absent: [AbsentParticipant] = []
        for m in requested {
            let member = session.members[m]
            switch member.status {
            case .active:
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
            }
        }
        var participantOfMember = [Int32](repeating: -1, count: session.members.count)
        for (p, m) in memberIndices.enumerated() { participantOfMember[Int(m)] = Int32(p) }

        let members = memberIndices.map { session.members[Int($0)] }
        let rules = session.program.rules.map { CompiledRule(rule: $0, members: members) }

        // History: ages, then meetings between participants.
        var entries: [LinkEntry] = []
        let repeats = session.program.repeats
        for (position, past) in Problem.orderedHistory(session.history).enumerated() {
            let age = session.history.count - position
            let forbidden = age <= repeats.forbidWithin
            let penalty = forbidden ? 0 : repeats.penalty(atAge: age)
            var sessionPairs: [UInt64] = []
            for group in past.groups {
                let ps = Set(group.compactMap { indexOfMember[$0] }.map { participantOfMember[$0] }.filter { $0 >= 0 }).sorted()
                for x in 0..<ps.count {
                    for y in (x + 1)..<ps.count { sessionPairs.append(UInt64(UInt32(ps[x])) << 32 | UInt64(UInt32(ps[y]))) }
                }
            }
            sessionPairs.sort()
            var last: UInt64? = nil
            for key in sessionPairs where key != last {
                last = key
                entries.append(LinkEntry(a: Int32(key >> 32), b: Int32(truncatingIfNeeded: key), penalty: penalty,
                                         flags: forbidden ? PairLinks.recentFlag : 0, meetings: 1))
            }
        }
        for exclusion in session.exclusions {
            guard let a = indexOfMember[exclusion.first], let b = indexOfMember[exclusion.second] else { continue }
            let pa = participantOfMember[a], pb = participantOfMember[b]
            guard pa >= 0, pb >= 0 else { continue }
            entries.append(LinkEntry(a: pa, b: pb, penalty: 0, flags: PairLinks.excludedFlag, meetings: 0))
        }

        self.init(groupSize: session.program.groupSize, remainder: session.program.remainder,
                  participantIDs: ids, memberIndices: memberIndices, absent: absent, rules: rules,
                  links: PairLinks(count: ids.count, entries: entries),
                  ruleCategories: session.program.rules.map(\.category), forbidWithin: repeats.forbidWithin)
    }

    /// History in age order, oldest first: by date when every session has one
    /// (same dates keep array order), else array order.
    public static func orderedHistory(_ history: [PastSession]) -> [PastSession] {
        guard !history.isEmpty, history.allSatisfy({ $0.date != nil }) else { return history }
        let keyed = history.enumerated().map { (key: ISODate.sortKey($0.element.date!) ?? $0.element.date!, index: $0.offset, session: $0.element) }
        return keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.session)
    }
}

extension CompiledRule {
    /// Compiles one rule over the participants' category values.
    init(rule: Rule, members: [Member]) {
        self.kind = rule.kind
        self.required = rule.required
        self.weight = rule.weight
        switch rule.kind {
        case .same, .different:
            var codeOf: [[Atom]: Int32] = [:]
            self.storage = .codes(members.map { member in
                guard let value = member.categories[rule.category] else { return -1 }
                let set = Atom.set(of: value)
                if let code = codeOf[set] { return code }
                let code = Int32(codeOf.count)
                codeOf[set] = code
                return code
            })
        case .within(let distance):
            self.storage = .numbers(members.map { member in
                if case .number(let x)? = member.categories[rule.category] { return x }
                return .nan
            }, distance: distance)
        case .overlap:
            var atomID: [Atom: Int32] = [:]
            var perMember: [[Int32]] = []
            for member in members {
                guard let value = member.categories[rule.category] else {
                    perMember.append([])
                    continue
                }
                let ids = Atom.set(of: value).map { atom -> Int32 in
                    if let id = atomID[atom] { return id }
                    let id = Int32(atomID.count)
                    atomID[atom] = id
                    return id
                }
                perMember.append(ids.sorted())
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

extension Session {
    /// The largest magnitude of a rule weight or a repeat penalty. Any sum a
    /// solver makes of them (a group's score, a session's objective) then stays
    /// finite and exact enough: 1e9 × 64 rules × 2,080 pairs of a group is far
    /// below the 2^58 the matching's integer weights hold after scaling.
    public static let weightLimit = 1e9

    /// Every problem with the values of a session, errors and warnings: the
    /// checks of docs/format.md (the session) that a type cannot make (group size, unique
    /// non-empty ids, participants that are members, `within` over numbers,
    /// dates, limits), with JSON paths as a file holding this session would
    /// have them.
    ///
    /// `Session.decode` runs it on what it read, and `SessionSolver.solve`
    /// runs it before solving, so a session built in code gets the same errors
    /// as a file.
    ///
    /// - Complexity: O(members × categories + history size + exclusions).
    public func validate() -> [SessionIssue] {
        validate(memberIndex: nil)
    }

    /// `validate()`, given the index of member ids when the reader has built it
    /// (and so has already reported empty and duplicate ids).
    func validate(memberIndex: [String: Int]?) -> [SessionIssue] {
        var check = SessionChecks()
        check.session(self, memberIndex: memberIndex)
        return check.issues + dateIssues()
    }
}

extension SolveOptions {
    /// Problems with the options alone (the time limit): what a solver's
    /// overrides can break in a session already validated.
    func validate() -> [SessionIssue] {
        var check = SessionChecks()
        check.options(self)
        return check.issues
    }
}

extension Program {
    /// Problems with the program's values (`path` is where the program is:
    /// `$.program` in a session, `$` in a rule set file).
    func validate(at path: JSONPath) -> [SessionIssue] {
        var check = SessionChecks()
        check.program(self, at: path)
        return check.issues
    }
}

/// The checks of `Session.validate`, collecting issues.
private struct SessionChecks {
    var issues: [SessionIssue] = []

    mutating func error(_ path: JSONPath, _ message: String) {
        issues.append(SessionIssue(.error, path: path.description, message))
    }

    mutating func warning(_ path: JSONPath, _ message: String) {
        issues.append(SessionIssue(.warning, path: path.description, message))
    }

    mutating func session(_ session: Session, memberIndex: [String: Int]?) {
        let root = JSONPath.root
        if session.version != 1 {
            error(root.key("version"), "unsupported version \(session.version); this Mingle reads version 1")
        }
        program(session.program, at: root.key("program"))
        let index = memberIndex ?? members(session.members)
        within(session)
        if let participants = session.participants {
            var seen: [String: Int] = [:]
            for (i, id) in participants.enumerated() {
                let p = root.key("participants").index(i)
                if let first = seen[id] {
                    error(p, "duplicate participant \"\(id)\" (first at $.participants[\(first)])")
                } else if index[id] == nil {
                    error(p, "participant \"\(id)\" is not a member; add it to \"members\" or remove it here")
                }
                seen[id] = seen[id] ?? i
            }
        }
        // Past sessions on all cores: at scale they hold millions of groups.
        for found in Parallel.map(session.history.count, { i -> [SessionIssue] in
            var check = SessionChecks()
            check.history(session.history[i], at: i)
            return check.issues
        }) {
            issues += found
        }
        for (i, exclusion) in session.exclusions.enumerated() {
            let p = root.key("exclusions").index(i)
            if exclusion.first == exclusion.second {
                error(p, "an exclusion needs two different members, found \"\(exclusion.first)\" twice")
                continue
            }
            for (j, id) in [exclusion.first, exclusion.second].enumerated() where index[id] == nil {
                if id.isEmpty {
                    error(p.index(j), "a member id must be a non-empty string")
                } else {
                    warning(p.index(j), "\"\(id)\" is not a member; this exclusion is ignored")
                }
            }
        }
        options(session.options)
    }

    /// The index of member ids; an empty or repeated id is an error.
    mutating func members(_ members: [Member]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (i, member) in members.enumerated() {
            if let first = index[member.id] {
                error(JSONPath.root.key("members").index(i).key("id"), "duplicate member id \"\(member.id)\" (first at $.members[\(first)]); ids must be unique")
            } else {
                index[member.id] = i
            }
            if member.id.isEmpty { error(JSONPath.root.key("members").index(i).key("id"), "a member id must be a non-empty string") }
        }
        return index
    }

    /// A past session: its date, and its groups' ids (non-empty; one listed
    /// twice in a group is a warning).
    ///
    /// - Complexity: O(ids): a pair is one comparison, a group of up to 16
    ///   compares each id with the ones before it (no allocation: millions of
    ///   groups at scale), a longer one uses a set.
    mutating func history(_ past: PastSession, at i: Int) {
        let p = JSONPath.root.key("history").index(i)
        if let date = past.date, ISODate.sortKey(date) == nil {
            error(p.key("date"), "date must be an ISO-8601 date such as \"2026-11-13\" or \"2026-11-13T09:00:00Z\", found \"\(date)\"")
        }
        for (g, group) in past.groups.enumerated() {
            // Nearly every group is a sound pair: one comparison.
            if group.count == 2, !group[0].isEmpty, !group[1].isEmpty, group[0] != group[1] { continue }
            if group.count <= 16 {
                for j in group.indices where group[j].isEmpty || group[..<j].contains(group[j]) {
                    idProblem(group, j, at: p.key("groups").index(g).index(j))
                }
            } else {
                var seen = Set<String>(minimumCapacity: group.count)
                for j in group.indices where !seen.insert(group[j]).inserted || group[j].isEmpty {
                    idProblem(group, j, at: p.key("groups").index(g).index(j))
                }
            }
        }
    }

    /// An empty id (an error) or one listed before in its group (a warning).
    private mutating func idProblem(_ group: [String], _ j: Int, at path: JSONPath) {
        if group[j].isEmpty { error(path, "a member id must be a non-empty string") }
        if group[..<j].contains(group[j]) { warning(path, "\"\(group[j])\" is listed twice in this group; it counts once") }
    }

    /// The options: the time limit.
    mutating func options(_ options: SolveOptions) {
        let limit = options.timeLimit
        if !(limit > 0 && limit.isFinite) {
            error(JSONPath.root.key("options").key("timeLimit"), "timeLimit must be a number of seconds > 0, found \(JSONWriter.format(limit))")
        }
    }

    mutating func program(_ program: Program, at path: JSONPath) {
        if !Program.groupSizes.contains(program.groupSize) {
            error(path.key("groupSize"), "groupSize must be an integer from \(Program.groupSizes.lowerBound) to \(Program.groupSizes.upperBound), found \(program.groupSize)")
        }
        for (r, rule) in program.rules.enumerated() {
            let p = path.key("rules").index(r)
            if rule.category.isEmpty { error(p.key("category"), "category must not be empty") }
            weight(rule.weight, at: p.key("weight"), what: "weight")
            if case .within(let distance) = rule.kind, !(distance >= 0 && distance.isFinite) {
                error(p.key("distance"), "distance must be a number >= 0, found \(JSONWriter.format(distance))")
            }
        }
        let repeats = program.repeats
        if repeats.forbidWithin < 0 {
            error(path.key("repeats").key("forbidWithin"), "forbidWithin must be an integer >= 0, found \(repeats.forbidWithin)")
        }
        if repeats.penalty < 0 {
            error(path.key("repeats").key("penalty"), "penalty must be a number >= 0, found \(JSONWriter.format(repeats.penalty))")
        } else {
            weight(repeats.penalty, at: path.key("repeats").key("penalty"), what: "penalty")
        }
        if let h = repeats.halfLife, !(h > 0 && h.isFinite) {
            error(path.key("repeats").key("halfLife"), "halfLife must be a number > 0, or null for no decay; found \(JSONWriter.format(h))")
        }
        if let fairness = program.fairness, fairness.lookback < 1 {
            error(path.key("fairness").key("lookback"), "lookback must be an integer >= 1 (the number of recent sessions that count), found \(fairness.lookback)")
        }
    }

    /// A weight or penalty: finite and within `Session.weightLimit`, so that no sum overflows.
    mutating func weight(_ value: Double, at path: JSONPath, what: String) {
        guard !(value.isFinite && abs(value) <= Session.weightLimit) else { return }
        error(path, "\(what) must be a number from -1e9 to 1e9 (sums of weights must stay exact), found \(JSONWriter.format(value))")
    }

    /// `within` over a value that is not a finite number is an input error (docs/format.md, Rules).
    mutating func within(_ session: Session) {
        let categories = Set(session.program.rules.compactMap { rule -> String? in
            if case .within = rule.kind { return rule.category }
            return nil
        }).sorted()
        guard !categories.isEmpty else { return }
        for (i, member) in session.members.enumerated() {
            for category in categories {
                guard let value = member.categories[category] else { continue }
                if case .number(let x) = value, x.isFinite { continue }
                error(JSONPath.root.key("members").index(i).key("categories").key(category),
                      "\"\(category)\" is used by a \"within\" rule, so it must be a number; found \(value.kindName) for member \"\(member.id)\"")
            }
        }
    }
}

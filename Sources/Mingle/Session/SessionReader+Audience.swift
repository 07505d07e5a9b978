/// Reading the extensions of the spec: a program's `audience`, and a member's
/// `groups`, `guest`, `language`, `pausedUntil`, `invitedAt` and `remindedAt`.
extension SessionReader {
    /// Reads `program.audience`; every problem is reported with its JSON path.
    ///
    /// - Complexity: O(size of the audience).
    mutating func readAudience(_ json: JSONValue, at path: JSONPath) -> Audience? {
        guard let keys = object(json, at: path, what: "audience") else { return nil }
        checkKeys(keys, at: path, allowed: ["categories", "groups", "guests"], what: "the audience")
        var audience = Audience()
        if let v = json["categories"], let conditions = array(v, at: path.key("categories"), what: "audience categories") {
            for (i, condition) in conditions.enumerated() {
                if let c = readCategoryCondition(condition, at: path.key("categories").index(i)) { audience.categories.append(c) }
            }
        }
        if let v = json["groups"] { audience.groups = readGroupCondition(v, at: path.key("groups")) }
        if let v = json["guests"] {
            if case .bool(let b) = v { audience.guests = b } else {
                error(path.key("guests"), "guests must be true (guests take part) or false (they do not), found \(v.typeName)")
            }
        }
        return audience
    }

    mutating func readCategoryCondition(_ json: JSONValue, at path: JSONPath) -> Audience.CategoryCondition? {
        guard let keys = object(json, at: path, what: "an audience condition") else { return nil }
        checkKeys(keys, at: path, allowed: ["category", "in", "notIn"], what: "an audience condition")
        guard let v = json["category"] else {
            error(path, "an audience condition needs a \"category\" and a list \"in\" or \"notIn\", such as {\"category\": \"city\", \"in\": [\"Paris\"]}")
            return nil
        }
        guard let category = string(v, at: path.key("category"), what: "category", nonEmpty: true) else { return nil }
        var condition = Audience.CategoryCondition(category: category)
        if let v = json["in"] { condition.allowed = scalarList(v, at: path.key("in"), listName: "in") }
        if let v = json["notIn"] { condition.excluded = scalarList(v, at: path.key("notIn"), listName: "notIn") }
        if json["in"] == nil && json["notIn"] == nil {
            error(path, "an audience condition needs a list \"in\" (values admitted) or \"notIn\" (values excluded)")
        }
        return condition
    }

    /// A list of strings, numbers or booleans; an empty `in` list would admit nobody.
    mutating func scalarList(_ json: JSONValue, at path: JSONPath, listName: String) -> [CategoryValue]? {
        guard let elements = array(json, at: path, what: listName) else { return nil }
        var values: [CategoryValue] = []
        for (i, e) in elements.enumerated() {
            switch e {
            case .string(let s): values.append(.string(s))
            case .number(let n): values.append(.number(n.double))
            case .bool(let b): values.append(.bool(b))
            default: error(path.index(i), "a value in \"\(listName)\" must be a string, a number or a boolean, found \(e.typeName)")
            }
        }
        emptyListIssue(values.isEmpty && elements.isEmpty, at: path, listName: listName)
        return values
    }

    mutating func readGroupCondition(_ json: JSONValue, at path: JSONPath) -> Audience.GroupCondition? {
        guard let keys = object(json, at: path, what: "audience groups") else { return nil }
        checkKeys(keys, at: path, allowed: ["in", "notIn"], what: "audience groups")
        var condition = Audience.GroupCondition()
        for (key, keyPath) in [("in", \Audience.GroupCondition.allowed), ("notIn", \Audience.GroupCondition.excluded)] {
            guard let v = json[key], let elements = array(v, at: path.key(key), what: "\"\(key)\" (a list of group names)") else { continue }
            var names: [String] = []
            for (i, e) in elements.enumerated() {
                if let name = string(e, at: path.key(key).index(i), what: "a group name", nonEmpty: true) { names.append(name) }
            }
            emptyListIssue(elements.isEmpty, at: path.key(key), listName: key)
            condition[keyPath: keyPath] = names
        }
        if json["in"] == nil && json["notIn"] == nil {
            error(path, "audience groups need a list \"in\" (groups admitted) or \"notIn\" (groups excluded)")
        }
        return condition
    }

    mutating func emptyListIssue(_ isEmpty: Bool, at path: JSONPath, listName: String) {
        guard isEmpty else { return }
        if listName == "in" {
            error(path, "an empty \"in\" list admits nobody; list the values admitted, or remove the condition")
        } else {
            warning(path, "an empty \"notIn\" list excludes nobody; it has no effect")
        }
    }

    /// Reports members' extension fields of the wrong type (found by the
    /// scanner, which leaves them out): an error when the audience relies on the
    /// field, a warning otherwise (the format ignores unknown member keys, so a
    /// session valid under the format stays valid). Also warns about audience
    /// conditions that admit nobody.
    ///
    /// - Complexity: O(problems + members × audience conditions).
    mutating func reportExtensions(_ problems: [ExtensionProblem], session: Session) {
        let audience = session.program.audience
        let order: [ExtensionProblem.Field] = [.groups, .guest, .language, .pausedUntil, .invitedAt, .remindedAt]
        for problem in problems.sorted(by: { ($0.element, order.firstIndex(of: $0.field)!) < ($1.element, order.firstIndex(of: $1.field)!) }) {
            let path = JSONPath.root.key("members").index(problem.element).key(problem.field.rawValue)
            switch problem.field {
            case .groups:
                report(audience?.groups != nil, path,
                       "groups must be an array of non-empty group names such as [\"team-paris\"], found \(problem.typeName)")
            case .guest:
                report(audience.map { !$0.guests } ?? false, path, "guest must be true or false, found \(problem.typeName)")
            case .language:
                warning(path, "language must be a string such as \"fr\" or \"en\", found \(problem.typeName); messages will be in English")
            case .pausedUntil, .invitedAt, .remindedAt:
                error(path, "\(problem.field.rawValue) must be a date written YYYY-MM-DD, such as \"2026-12-14\", found \(problem.typeName)")
            }
        }
        checkAudienceAdmitsSomeone(session)
    }

    /// Warns about audience conditions that admit nobody.
    ///
    /// - Complexity: O(members × audience conditions).
    mutating func checkAudienceAdmitsSomeone(_ session: Session) {
        guard let audience = session.program.audience else { return }
        let audiencePath = JSONPath.root.key("program").key("audience")
        for (i, condition) in audience.categories.enumerated() where condition.allowed != nil {
            if !session.members.contains(where: { $0.categories[condition.category] != nil }) {
                warning(audiencePath.key("categories").index(i).key("category"),
                        "no member has a \"\(condition.category)\" value, so this condition admits nobody; check the category name")
            }
        }
        if let allowed = audience.groups?.allowed, !allowed.isEmpty,
           !session.members.contains(where: { $0.groups.contains(where: allowed.contains) }) {
            warning(audiencePath.key("groups").key("in"), "no member belongs to any of these groups, so the audience admits nobody")
        }
    }

    private mutating func report(_ isError: Bool, _ path: JSONPath, _ message: String) {
        if isError {
            error(path, message + " (the program's audience uses it)")
        } else {
            warning(path, message + "; it is ignored")
        }
    }
}

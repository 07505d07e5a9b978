/// Writes one message per participant of a solved session: an introduction to
/// the group-mates for those placed, "no match this time" with the reason for
/// the others, each in the member's language.
///
/// ```swift
/// let messages = MessageComposer(date: "2026-11-23").messages(for: session, output: output)
/// let jsonl = MatchMessage.jsonLines(messages)
/// ```
public struct MessageComposer: Sendable {
    public var templates: MessageTemplates
    /// The date of the round, for templates (`{{date}}`).
    public var date: String?

    public init(templates: MessageTemplates = .builtIn, date: String? = nil) {
        self.templates = templates
        self.date = date
    }

    /// The messages, in output order: groups member by member, then the unmatched.
    ///
    /// Everything comes from the output of the solve: what a pair shares from
    /// the rules each group's pairs hold (`Output.Group.rulesHeld`), why a member
    /// is unmatched from the typed cause (`Output.Unmatched.cause`); the session
    /// gives names, languages and values. An output read back from JSON carries
    /// neither: its mates come without facts and its unmatched get the output's
    /// reason text, with no cause code.
    ///
    /// - Complexity: O(members + groups × k² × rules + unmatched).
    public func messages(for session: Session, output: Output) -> [MatchMessage] {
        var memberByID: [String: Member] = [:]
        for m in session.members where memberByID[m.id] == nil { memberByID[m.id] = m }
        var messages: [MatchMessage] = []
        for group in output.groups {
            for (position, id) in group.members.enumerated() {
                guard let member = memberByID[id] else { continue }
                let mates = group.members.indices.compactMap { other -> (Member, [Int]?)? in
                    guard other != position, let mate = memberByID[group.members[other]] else { return nil }
                    return (mate, group.rulesHeld(position, other))
                }
                messages.append(match(member, mates: mates, session: session))
            }
        }
        for u in output.unmatched {
            guard let member = memberByID[u.member] else { continue }
            messages.append(unmatched(member, u, session: session))
        }
        return messages
    }

    /// The match message; each mate comes with the rules (indices in program
    /// order) that hold for the pair, nil when unknown.
    private func match(_ member: Member, mates: [(Member, [Int]?)], session: Session) -> MatchMessage {
        let language = templates.language(for: member)
        let wording = MessageWording(language: language)
        var context = common(member, language: language, session: session)
        context["mates"] = mates.map { mate, held -> [String: Any] in
            var m = Self.person(mate)
            m["facts"] = facts(member, mate, rules: (held ?? []).map { session.program.rules[$0] }, wording: wording)
            return m
        }
        context["matesNames"] = wording.list(mates.map { Self.displayName($0.0) })
        return message(.match, member: member, language: language, mates: mates.map { $0.0.id }, cause: nil, context: context)
    }

    private func unmatched(_ member: Member, _ entry: Output.Unmatched, session: Session) -> MatchMessage {
        let language = templates.language(for: member)
        var context = common(member, language: language, session: session)
        guard let cause = entry.cause else {
            context["reason"] = entry.reason
            return message(.unmatched, member: member, language: language, mates: [], cause: nil, context: context)
        }
        let category: String? = switch cause {
        case .requiredRule(let c, _, _): c
        case .outsideAudience(.categoryNotAllowed(let c, _, _)): c
        default: nil
        }
        context["reason"] = MessageWording(language: language).reason(cause, value: category.flatMap { member.categories[$0] })
        context["cause"] = cause.code
        return message(.unmatched, member: member, language: language, mates: [], cause: cause.code, context: context)
    }

    private func message(_ kind: MatchMessage.Kind, member: Member, language: String, mates: [String], cause: String?,
                         context: [String: Any]) -> MatchMessage {
        let (subject, text) = Self.split(templates.render(kind, language: language, context: context))
        return MatchMessage(member: member.id, email: member.email, name: Self.displayName(member), language: language,
                            kind: kind, mates: mates, cause: cause, subject: subject, text: text)
    }

    private func common(_ member: Member, language: String, session: Session) -> [String: Any] {
        var context = Self.person(member)
        context["language"] = language
        context["groupSize"] = session.program.groupSize
        if let id = session.program.id { context["program"] = id }
        if let date { context["date"] = date }
        return context
    }

    static func person(_ member: Member) -> [String: Any] {
        var p: [String: Any] = ["firstName": member.firstName ?? displayName(member), "name": displayName(member)]
        if let v = member.lastName { p["lastName"] = v }
        if let v = member.email { p["email"] = v }
        return p
    }

    static func displayName(_ member: Member) -> String {
        let name = [member.firstName, member.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? member.id : name
    }

    /// What the member and the mate share or how they differ: one phrase per
    /// rule that holds for the pair (`rules`, in program order).
    private func facts(_ member: Member, _ mate: Member, rules: [Rule], wording: MessageWording) -> [String] {
        rules.compactMap { rule -> String? in
            guard let mine = member.categories[rule.category], let theirs = mate.categories[rule.category] else { return nil }
            let mateName = mate.firstName ?? Self.displayName(mate)
            switch rule.kind {
            case .same:
                return wording.same(rule.category, wording.text(mine))
            case .different:
                return wording.different(rule.category, yours: wording.text(mine), theirs: wording.text(theirs), mate: mateName)
            case .within:
                if mine == theirs { return wording.same(rule.category, wording.text(mine)) }
                return wording.close(rule.category, yours: wording.text(mine), theirs: wording.text(theirs), mate: mateName)
            case .overlap:
                let common = Self.strings(theirs)
                return wording.shared(rule.category, Self.strings(mine).filter(common.contains))
            }
        }
    }

    /// The texts of a value seen as a set (only strings and scalars can overlap).
    private static func strings(_ value: CategoryValue) -> [String] {
        switch value {
        case .strings(let ss): return ss
        case .string(let s): return [s]
        case .number, .bool: return [MessageWording.en.text(value)]
        }
    }

    /// A rendered template split into its `Subject:` line and the text after it.
    static func split(_ rendered: String) -> (subject: String, text: String) {
        let trimmed = rendered.drop { $0 == "\n" }
        guard trimmed.hasPrefix("Subject:") else { return ("", String(trimmed).trimmingTrailingNewlines) }
        let firstLine = trimmed.prefix { $0 != "\n" }
        let subject = firstLine.dropFirst("Subject:".count).trimmingPrefixWhitespace
        let body = trimmed.dropFirst(firstLine.count).drop { $0 == "\n" }
        return (String(subject), String(body).trimmingTrailingNewlines)
    }
}

private extension StringProtocol {
    var trimmingTrailingNewlines: String {
        var s = String(self)
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }

    var trimmingPrefixWhitespace: String {
        String(drop { $0 == " " }).trimmingTrailingNewlines
    }
}

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
    /// - Complexity: O(groups × k² × rules + unmatched × participants × rules + history meetings).
    public func messages(for session: Session, output: Output) -> [MatchMessage] {
        var memberByID: [String: Member] = [:]
        for m in session.members where memberByID[m.id] == nil { memberByID[m.id] = m }
        let reference = SpecReference(session)
        var messages: [MatchMessage] = []
        for group in output.groups {
            for id in group.members {
                guard let member = memberByID[id] else { continue }
                let mates = group.members.filter { $0 != id }.compactMap { memberByID[$0] }
                messages.append(match(member, mates: mates, session: session, reference: reference))
            }
        }
        guard !output.unmatched.isEmpty else { return messages }
        let problem = Problem(session)
        var absentCause: [String: UnmatchedCause] = [:]
        for a in problem.absent { absentCause[a.memberID] = a.cause }
        var participantIndex: [String: Int] = [:]
        for (i, id) in problem.participantIDs.enumerated() { participantIndex[id] = i }
        for u in output.unmatched {
            guard let member = memberByID[u.member] else { continue }
            guard let cause = absentCause[u.member] ?? participantIndex[u.member].map(problem.unplacedCause) else { continue }
            messages.append(unmatched(member, cause: cause, session: session))
        }
        return messages
    }

    private func match(_ member: Member, mates: [Member], session: Session, reference: SpecReference) -> MatchMessage {
        let language = templates.language(for: member)
        let wording = MessageWording(language: language)
        var context = common(member, language: language, session: session)
        context["mates"] = mates.map { mate -> [String: Any] in
            var m = Self.person(mate)
            m["facts"] = facts(member, mate, rules: session.program.rules, reference: reference, wording: wording)
            return m
        }
        context["matesNames"] = wording.list(mates.map(Self.displayName))
        return message(.match, member: member, language: language, mates: mates.map(\.id), cause: nil, context: context)
    }

    private func unmatched(_ member: Member, cause: UnmatchedCause, session: Session) -> MatchMessage {
        let language = templates.language(for: member)
        var context = common(member, language: language, session: session)
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
    /// rule of the program that holds for the pair, in program order.
    private func facts(_ member: Member, _ mate: Member, rules: [Rule], reference: SpecReference, wording: MessageWording) -> [String] {
        rules.compactMap { rule -> String? in
            guard reference.holds(rule, member.id, mate.id),
                  let mine = member.categories[rule.category], let theirs = mate.categories[rule.category] else { return nil }
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

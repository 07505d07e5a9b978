/// One run of the invitations of a program on a given day, as platforms keep
/// them (CitizenLab reminds after 3 days and expires invitations after 30):
///
/// - a `pending` member never invited gets an invitation, and `invitedAt` is
///   set to the day;
/// - a `pending` member whose invitation is `expireAfter` days old or more
///   becomes `expired` (an extension status that takes no part, like pending);
/// - else a `pending` member whose invitation is `remindAfter` days old or more
///   and who was not reminded since gets a reminder, and `remindedAt` is set;
/// - a member listed in `reinvite` (pending or expired) is invited again:
///   status `pending`, `invitedAt` the day, no reminder yet.
///
/// Running it again on the same day changes nothing. Messages come from the
/// same templates as match messages (`invitation` and `reminder`).
///
/// ```swift
/// let round = try InvitationRound(date: CalendarDate("2026-11-23")!).run(members)
/// write(MembersFile.jsonBytes(round.members), MatchMessage.jsonLines(round.messages))
/// ```
public struct InvitationRound: Sendable {
    public var date: CalendarDate
    /// Days after an invitation when a reminder is sent.
    public var remindAfter: Int
    /// Days after an invitation when it expires.
    public var expireAfter: Int
    /// Ids of members to invite again.
    public var reinvite: [String]
    public var templates: MessageTemplates
    /// The program's name, for templates (`{{program}}`).
    public var program: String?

    public init(date: CalendarDate, remindAfter: Int = 3, expireAfter: Int = 30, reinvite: [String] = [],
                templates: MessageTemplates = .builtIn, program: String? = nil) {
        self.date = date
        self.remindAfter = remindAfter
        self.expireAfter = expireAfter
        self.reinvite = reinvite
        self.templates = templates
        self.program = program
    }

    /// What a run did: the members with their new dates and statuses, the
    /// messages (in member order), and who was invited, reminded or expired.
    public struct Result: Sendable, Equatable {
        public var members: [Member]
        public var messages: [MatchMessage]
        public var invited: [String] = []
        public var reminded: [String] = []
        public var expired: [String] = []
    }

    /// A member to re-invite who cannot be: not a member (with the closest
    /// ids), or active.
    public struct ReinviteError: Error, Sendable, Equatable, CustomStringConvertible {
        public var id: String
        public var closest: [String]
        public var status: MemberStatus?
        public var description: String {
            if let status { return "\"\(id)\" has status \(status.rawValue); only pending or expired members are invited" }
            return "no member has the id \"\(id)\"" + (closest.isEmpty ? "" : "; closest: " + closest.joined(separator: ", "))
        }
    }

    /// Runs the invitations over `members` (valid dates: `Session.validate` checked them).
    ///
    /// - Throws: `ReinviteError` for an id of `reinvite` that cannot be invited; nothing is changed.
    /// - Complexity: O(members + reinvite × members × id length²) (the closest ids are searched only on an error).
    public func run(_ members: [Member]) throws(ReinviteError) -> Result {
        var index: [String: Int] = [:]
        for (i, m) in members.enumerated() where index[m.id] == nil { index[m.id] = i }
        var again = Set<String>()
        for id in reinvite {
            guard let i = index[id] else { throw ReinviteError(id: id, closest: MemberIDs.closest(to: id, in: members.map(\.id))) }
            guard members[i].status == .pending || members[i].status == .expired else {
                throw ReinviteError(id: id, closest: [], status: members[i].status)
            }
            again.insert(id)
        }
        var result = Result(members: members, messages: [])
        let today = date.description
        for i in result.members.indices {
            var m = result.members[i]
            let invited = m.invitedAt.flatMap(CalendarDate.init)
            if again.contains(m.id) || (m.status == .pending && invited == nil) {
                m.status = .pending
                m.invitedAt = today
                m.remindedAt = nil
                result.invited.append(m.id)
                result.messages.append(message(.invitation, for: m, invited: date))
            } else if m.status == .pending, let invited {
                let age = date.days(since: invited)
                let reminded = m.remindedAt.flatMap(CalendarDate.init)
                if age >= expireAfter {
                    m.status = .expired
                    result.expired.append(m.id)
                } else if age >= remindAfter, reminded.map({ $0 < invited }) ?? true {
                    m.remindedAt = today
                    result.reminded.append(m.id)
                    result.messages.append(message(.reminder, for: m, invited: invited))
                }
            }
            result.members[i] = m
        }
        return result
    }

    private func message(_ kind: MatchMessage.Kind, for member: Member, invited: CalendarDate) -> MatchMessage {
        let language = templates.language(for: member, kind: kind)
        var context = MessageComposer.person(member)
        context["language"] = language
        context["date"] = date.description
        context["invitedAt"] = invited.description
        context["expiresOn"] = invited.adding(days: expireAfter - 1).description
        if let program { context["program"] = program }
        let (subject, text) = MessageComposer.split(templates.render(kind, language: language, context: context))
        return MatchMessage(member: member.id, email: member.email, name: MessageComposer.displayName(member), language: language,
                            kind: kind, mates: [], cause: nil, subject: subject, text: text)
    }
}

/// Finding ids a person meant.
public enum MemberIDs {
    /// Up to three ids closest to `id` by edit distance (case ignored), nearest
    /// first, ties in id order: those within a third of their length and at
    /// most one edit farther than the nearest.
    ///
    /// - Complexity: O(ids × id length²).
    public static func closest(to id: String, in ids: [String]) -> [String] {
        let lower = id.lowercased()
        let scored = ids.map { ($0, editDistance(lower, $0.lowercased())) }
            .filter { $0.1 <= max(2, max($0.0.count, id.count) / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let nearest = scored.first?.1 else { return [] }
        return Array(scored.prefix { $0.1 <= nearest + 1 }.prefix(3).map(\.0))
    }
}

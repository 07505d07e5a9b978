/// One introduction for one participant, as RandomCoffee sends them: who their
/// group-mates are and what they share, or why there is no match this time.
/// Mingle sends nothing: the messages feed whatever e-mail or chat sender the
/// user runs.
public struct MatchMessage: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case match, unmatched
        /// An invitation to join, or a reminder of it (`mingle invitations`).
        case invitation, reminder
    }

    /// The member's id.
    public var member: String
    public var email: String?
    /// First and last name, or the id when the member has no name.
    public var name: String
    /// The language the message is written in.
    public var language: String
    public var kind: Kind
    /// The group-mates' ids (empty when unmatched).
    public var mates: [String]
    /// Why the member is unmatched, as a code (`UnmatchedCause.code`).
    public var cause: String?
    public var subject: String
    public var text: String

    /// Messages as JSON Lines: one object per line, in the given order.
    ///
    /// - Complexity: O(size of the messages).
    public static func jsonLines(_ messages: [MatchMessage]) -> [UInt8] {
        var bytes: [UInt8] = []
        for m in messages {
            var w = JSONWriter(indent: 0)
            w.beginObject()
            w.key("member"); w.string(m.member)
            w.key("email"); if let e = m.email { w.string(e) } else { w.null() }
            w.key("name"); w.string(m.name)
            w.key("language"); w.string(m.language)
            w.key("kind"); w.string(m.kind.rawValue)
            w.key("mates"); w.inlineStrings(m.mates)
            if let cause = m.cause { w.key("cause"); w.string(cause) }
            w.key("subject"); w.string(m.subject)
            w.key("text"); w.string(m.text)
            w.endObject()
            bytes.append(contentsOf: w.bytes)
            bytes.append(0x0A)
        }
        return bytes
    }
}

extension UnmatchedCause {
    /// A short code for senders that filter messages (`paused`, `outsideAudience`...).
    public var code: String {
        switch self {
        case .pending: return "pending"
        case .paused, .pausedUntil: return "paused"
        case .expired: return "expired"
        case .left: return "left"
        case .outsideAudience: return "outsideAudience"
        case .alone: return "alone"
        case .requiredRule: return "requiredRule"
        case .partnersRuledOut: return "partnersRuledOut"
        case .requiredRulesTogether: return "requiredRulesTogether"
        case .tooFewPartners: return "tooFewPartners"
        case .leftOver: return "leftOver"
        }
    }
}

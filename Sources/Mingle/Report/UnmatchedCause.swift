/// Why a participant is unmatched, as data: `description` is the reason
/// `Output.unmatched` gives, and messages put it in plain words in the member's
/// language.
public enum UnmatchedCause: Sendable, Equatable, CustomStringConvertible {
    /// Status pending: invited, not joined yet.
    case pending
    /// Status paused.
    case paused
    /// `pausedUntil` is after the session's date (or the session has no date): takes part again from that day.
    case pausedUntil(String)
    /// Status expired: the invitation was not answered in time (an extension of the spec).
    case expired
    /// Status left: no longer in the HR export (an extension of the spec).
    case left
    /// Outside the program's audience.
    case outsideAudience(AudienceMismatch)
    /// The only participant who can be placed.
    case alone
    /// No partner passes this required rule (`lacksValue`: the participant has no value).
    case requiredRule(category: String, kind: Rule.Kind, lacksValue: Bool)
    /// Every partner the required rules allow is excluded or met them within `forbidWithin` sessions.
    case partnersRuledOut(excluded: Bool, recent: Bool, onePartner: Bool, forbidWithin: Int)
    /// Each required rule alone has partners, but none passes them all.
    case requiredRulesTogether([String])
    /// Fewer allowed partners than a group needs.
    case tooFewPartners(allowed: Int, groupSize: Int)
    /// Allowed partners exist, but no allowed group had room.
    case leftOver(groupSize: Int, remainder: RemainderPolicy)

    /// Whether the participant could take part and was left out by the
    /// grouping (false for pending, paused, expired, left and outside the audience: those take
    /// no part). The `fairness` extension gives priority to the first kind.
    public var couldTakePart: Bool {
        switch self {
        case .pending, .paused, .pausedUntil, .expired, .left, .outsideAudience: return false
        case .alone, .requiredRule, .partnersRuledOut, .requiredRulesTogether, .tooFewPartners, .leftOver: return true
        }
    }

    public var description: String {
        switch self {
        case .pending: return "status pending: invited but not joined yet, takes no part"
        case .paused: return "status paused: takes no part this session"
        case .pausedUntil(let day): return "paused until \(day)"
        case .expired: return "status expired: the invitation was not answered in time, takes no part"
        case .left: return "status left: no longer in the members' export, takes no part"
        case .outsideAudience(let mismatch): return mismatch.description
        case .alone: return "no one else takes part in this session"
        case .requiredRule(let category, _, true): return "no allowed partner: required rule \(category) (they have no \(category) value)"
        case .requiredRule(let category, _, false): return "no allowed partner: required rule \(category)"
        case .partnersRuledOut(let excluded, let recent, let onePartner, let forbidWithin):
            let partners = onePartner ? "the one partner" : "all partners"
            switch (excluded, recent) {
            case (true, false): return "no allowed partner: \(partners) the required rules allow \(onePartner ? "is" : "are") excluded"
            case (false, true): return "no allowed partner: \(partners) the required rules allow met them within the last \(forbidWithin) session(s)"
            default: return "no allowed partner: all partners the required rules allow are excluded or met them within the last \(forbidWithin) session(s)"
            }
        case .requiredRulesTogether(let names): return "no allowed partner: required rules \(names.joined(separator: ", ")) together"
        case .tooFewPartners(let allowed, let k): return "not enough allowed partners for a group of \(k): only \(allowed) allowed partner(s)"
        case .leftOver(let k, .leaveOut): return "left over: no allowed group of \(k) had room for them (remainder leaveOut)"
        case .leftOver(let k, .merge): return "left over: no allowed group of \(k) or \(k + 1) had room for them"
        }
    }
}

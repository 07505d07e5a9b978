/// The phrases messages are made of, in English and French: what two members
/// have in common or what differs (from the rules that held), and why someone
/// has no match, in plain words. Other languages get the English phrases.
enum MessageWording: String, Sendable, CaseIterable {
    case en, fr

    init(language: String) {
        self = MessageWording(rawValue: language) ?? .en
    }

    /// `A`, `A and B`, `A, B and C` (`or` instead of `and` when asked).
    func list(_ items: [String], or: Bool = false) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let word = switch (self, or) {
        case (.en, false): "and"
        case (.en, true): "or"
        case (.fr, false): "et"
        case (.fr, true): "ou"
        }
        return items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
    }

    /// A value as a person reads it: text as is, whole numbers without decimals,
    /// booleans as yes or no, arrays as a list.
    func text(_ value: CategoryValue) -> String {
        switch value {
        case .string(let s): return s
        case .number(let x): return x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : JSONWriter.format(x)
        case .bool(let b): return self == .fr ? (b ? "oui" : "non") : (b ? "yes" : "no")
        case .strings(let ss): return list(ss)
        }
    }

    private func name(_ category: String) -> String {
        self == .fr ? "« \(category) »" : category
    }

    // MARK: - Facts

    func same(_ category: String, _ value: String) -> String {
        self == .fr ? "\(name(category)) en commun : \(value)" : "same \(category): \(value)"
    }

    func shared(_ category: String, _ values: [String]) -> String {
        self == .fr ? "\(name(category)) en commun : \(list(values))" : "shared \(category): \(list(values))"
    }

    func different(_ category: String, yours: String, theirs: String, mate: String) -> String {
        self == .fr ? "\(name(category)) : \(yours) pour vous, \(theirs) pour \(mate)"
            : "different \(category): \(yours) for you, \(theirs) for \(mate)"
    }

    func close(_ category: String, yours: String, theirs: String, mate: String) -> String {
        self == .fr ? "\(name(category)) proche : \(yours) pour vous, \(theirs) pour \(mate)"
            : "similar \(category): \(yours) for you, \(theirs) for \(mate)"
    }

    // MARK: - Reasons

    /// Why there is no match, in plain words; `value` is the member's value of
    /// the category a required rule or the audience is about.
    func reason(_ cause: UnmatchedCause, value: CategoryValue?) -> String {
        let fr = self == .fr
        switch cause {
        case .pending:
            return fr ? "votre inscription est encore en attente, vous ne participez donc pas à ce tour."
                : "your membership is still pending, so you are not part of this round."
        case .paused:
            return fr ? "vous avez mis votre participation en pause, vous ne participez donc pas à ce tour."
                : "you paused your participation, so you are not part of this round."
        case .pausedUntil(let day):
            return fr ? "vous avez mis votre participation en pause jusqu'au \(day), vous ne participez donc pas à ce tour."
                : "you paused your participation until \(day), so you are not part of this round."
        case .expired:
            return fr ? "votre invitation a expiré sans réponse, vous ne participez donc pas à ce tour."
                : "your invitation expired without an answer, so you are not part of this round."
        case .left:
            return fr ? "vous ne faites plus partie des membres du programme." : "you are no longer a member of the program."
        case .outsideAudience(let mismatch):
            return audience(mismatch)
        case .alone:
            return fr ? "personne d'autre n'a participé à ce tour." : "nobody else took part in this round."
        case .requiredRule(let category, _, true):
            return fr ? "le programme forme les groupes selon \(name(category)), et votre profil n'a pas de valeur pour \(name(category))."
                : "the program matches people by \(category), and your profile has no \(category)."
        case .requiredRule(let category, .same, false) where value != nil:
            let v = text(value!)
            return fr ? "personne d'autre avec la même valeur \(name(category)) que vous (\(v)) n'a participé à ce tour."
                : "nobody else with your \(category) (\(v)) took part in this round."
        case .requiredRule(let category, _, _):
            return fr ? "aucun participant de ce tour ne remplit avec vous la condition du programme sur \(name(category))."
                : "nobody who took part in this round meets the program's \(category) requirement with you."
        case .partnersRuledOut(false, true, _, _):
            return fr ? "vous avez déjà rencontré récemment toutes les personnes qui pouvaient former un groupe avec vous."
                : "you already met everyone you could be matched with in recent rounds."
        case .partnersRuledOut:
            return fr ? "aucune des personnes qui pouvaient former un groupe avec vous n'était disponible pour vous à ce tour."
                : "none of the people you could be matched with was available to you in this round."
        case .requiredRulesTogether(let categories):
            return fr ? "aucun participant de ce tour ne remplit avec vous toutes les conditions du programme (\(list(categories.map(name))))."
                : "nobody who took part in this round meets all of the program's requirements (\(list(categories))) with you."
        case .tooFewPartners(_, let k):
            return fr ? "trop peu de personnes compatibles avec vous ont participé pour former un groupe de \(k)."
                : "too few people you could be matched with took part to form a group of \(k)."
        case .leftOver:
            return fr ? "le compte ne tombait pas juste à ce tour : tous les groupes possibles étaient complets."
                : "the numbers did not work out this round: every possible group was full."
        }
    }

    private func audience(_ mismatch: AudienceMismatch) -> String {
        let fr = self == .fr
        switch mismatch {
        case .guest:
            return fr ? "ce programme est réservé aux membres de l'organisation, pas aux invités."
                : "this program is for members of the organisation, not for guests."
        case .notInGroups(let groups):
            return fr ? "ce programme est réservé aux membres de \(list(groups, or: true))." : "this program is for members of \(list(groups, or: true))."
        case .inExcludedGroup(let group):
            return fr ? "ce programme n'est pas ouvert aux membres de \(group)." : "this program is not open to members of \(group)."
        case .categoryNotAllowed(let category, let value, let allowed):
            let values = list(allowed.map(text), or: true)
            guard let value else {
                return fr ? "ce programme est réservé aux personnes dont \(name(category)) est \(values), et votre profil n'a pas de valeur pour \(name(category))."
                    : "this program is for people whose \(category) is \(values), and your profile has no \(category)."
            }
            return fr ? "ce programme est réservé aux personnes dont \(name(category)) est \(values) ; pour vous, c'est \(text(value))."
                : "this program is for people whose \(category) is \(values); yours is \(text(value))."
        case .categoryExcluded(let category, let value, _):
            return fr ? "ce programme n'est pas ouvert aux personnes dont \(name(category)) est \(text(value))."
                : "this program is not open to people whose \(category) is \(text(value))."
        }
    }
}

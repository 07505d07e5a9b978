extension Problem {
    /// Why participant i was left unplaced. When i has no allowed partner at
    /// all, the cause names the required rule that rules out every partner (or
    /// says that exclusions and recent meetings do); otherwise it says that no
    /// allowed group had room for them.
    ///
    /// - Complexity: O(participants × rules).
    func unplacedCause(_ i: Int) -> UnmatchedCause {
        guard count > 1 else { return .alone }
        // Partners passing each required rule, and partners allowed overall.
        var partners = PartnerCounts(passing: [Int](repeating: 0, count: rules.count))
        for j in 0..<count where j != i {
            var all = true
            for (r, rule) in rules.enumerated() where rule.required {
                if rule.holds(i, j) { partners.passing[r] += 1 } else { all = false }
            }
            if all {
                let flags = links.flags(i, j)
                if flags == 0 { partners.allowed += 1 }
                if flags & PairLinks.excludedFlag != 0 { partners.excluded += 1 }
                if flags & PairLinks.recentFlag != 0 { partners.recent += 1 }
            }
        }
        return unplacedCause(i, partners)
    }

    /// What the causes are made of: for one participant, the others passing
    /// each required rule, and among those passing all of them, the allowed,
    /// excluded and recently met ones.
    struct PartnerCounts {
        var passing: [Int]
        var allowed = 0
        var excluded = 0
        var recent = 0
    }

    /// The cause for participant i, from its partner counts.
    func unplacedCause(_ i: Int, _ partners: PartnerCounts) -> UnmatchedCause {
        let k = groupSize
        if partners.allowed == 0 {
            for (r, rule) in rules.enumerated() where rule.required && partners.passing[r] == 0 {
                return .requiredRule(category: ruleCategories[r], kind: rule.kind, lacksValue: !rule.hasValue(i))
            }
            let (excluded, recent) = (partners.excluded, partners.recent)
            if excluded + recent > 0 {
                return .partnersRuledOut(excluded: excluded > 0, recent: recent > 0, onePartner: excluded + recent == 1, forbidWithin: forbidWithin)
            }
            return .requiredRulesTogether(rules.indices.filter { rules[$0].required }.map { ruleCategories[$0] })
        }
        if partners.allowed < k - 1 {
            return .tooFewPartners(allowed: partners.allowed, groupSize: k)
        }
        return .leftOver(groupSize: k, remainder: remainder)
    }
}

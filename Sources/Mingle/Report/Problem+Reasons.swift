extension Problem {
    /// Why participant i was left unplaced, in words a person understands.
    ///
    /// When i has no allowed partner at all, the reason names the required rule
    /// that rules out every partner (or says that exclusions and recent meetings
    /// do); otherwise it says that no allowed group had room for them.
    ///
    /// - Complexity: O(participants × rules).
    func unplacedReason(_ i: Int) -> String {
        guard count > 1 else { return "no one else takes part in this session" }
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
        return unplacedReason(i, partners)
    }

    /// What the reasons are made of: for one participant, the others passing
    /// each required rule, and among those passing all of them, the allowed,
    /// excluded and recently met ones.
    struct PartnerCounts {
        var passing: [Int]
        var allowed = 0
        var excluded = 0
        var recent = 0
    }

    /// The reason for participant i, from its partner counts.
    func unplacedReason(_ i: Int, _ partners: PartnerCounts) -> String {
        let k = groupSize
        let (allowed, passing, excluded, recent) = (partners.allowed, partners.passing, partners.excluded, partners.recent)
        if allowed == 0 {
            for (r, rule) in rules.enumerated() where rule.required && passing[r] == 0 {
                let category = ruleCategories[r]
                if !rule.hasValue(i) {
                    return "no allowed partner: required rule \(category) (they have no \(category) value)"
                }
                return "no allowed partner: required rule \(category)"
            }
            if excluded + recent > 0 {
                let partners = excluded + recent == 1 ? "the one partner" : "all partners"
                switch (excluded > 0, recent > 0) {
                case (true, false): return "no allowed partner: \(partners) the required rules allow \(excluded == 1 ? "is" : "are") excluded"
                case (false, true): return "no allowed partner: \(partners) the required rules allow met them within the last \(forbidWithin) session(s)"
                default: return "no allowed partner: all partners the required rules allow are excluded or met them within the last \(forbidWithin) session(s)"
                }
            }
            let names = rules.indices.filter { rules[$0].required }.map { ruleCategories[$0] }
            return "no allowed partner: required rules \(names.joined(separator: ", ")) together"
        }
        if allowed < k - 1 {
            return "not enough allowed partners for a group of \(k): only \(allowed) allowed partner(s)"
        }
        if remainder == .leaveOut {
            return "left over: no allowed group of \(k) had room for them (remainder leaveOut)"
        }
        return "left over: no allowed group of \(k) or \(k + 1) had room for them"
    }
}

extension Problem {
    /// Why participant i was left unplaced, in words a person understands.
    ///
    /// - Complexity: O(participants × rules).
    func unplacedReason(_ i: Int) -> String {
        unplacedCause(i).description
    }

    /// Why participant i was left unplaced. When i has no allowed partner at
    /// all, the cause names the required rule that rules out every partner (or
    /// says that exclusions and recent meetings do); otherwise it says that no
    /// allowed group had room for them.
    ///
    /// - Complexity: O(participants × rules).
    func unplacedCause(_ i: Int) -> UnmatchedCause {
        let k = groupSize
        guard count > 1 else { return .alone }
        // Partners passing each required rule, and partners allowed overall.
        var allowed = 0
        var passing = [Int](repeating: 0, count: rules.count)
        var excluded = 0, recent = 0
        for j in 0..<count where j != i {
            var all = true
            for (r, rule) in rules.enumerated() where rule.required {
                if rule.holds(i, j) { passing[r] += 1 } else { all = false }
            }
            if all {
                let flags = links.flags(i, j)
                if flags == 0 { allowed += 1 }
                if flags & PairLinks.excludedFlag != 0 { excluded += 1 }
                if flags & PairLinks.recentFlag != 0 { recent += 1 }
            }
        }
        if allowed == 0 {
            for (r, rule) in rules.enumerated() where rule.required && passing[r] == 0 {
                return .requiredRule(category: ruleCategories[r], kind: rule.kind, lacksValue: !rule.hasValue(i))
            }
            if excluded + recent > 0 {
                return .partnersRuledOut(excluded: excluded > 0, recent: recent > 0, onePartner: excluded + recent == 1, forbidWithin: forbidWithin)
            }
            return .requiredRulesTogether(rules.indices.filter { rules[$0].required }.map { ruleCategories[$0] })
        }
        if allowed < k - 1 {
            return .tooFewPartners(allowed: allowed, groupSize: k)
        }
        return .leftOver(groupSize: k, remainder: remainder)
    }
}

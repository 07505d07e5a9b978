extension Problem {
    /// Why participant i was left unplaced, in words a person understands.
    ///
    /// When i has no allowed partner at all, the reason names the required rule
    /// that rules out every partner (or says that exclusions and recent meetings
    /// do); otherwise it says that no allowed group had room for them.
    ///
    /// - Complexity: O(participants × rules).
    func unplacedReason(_ i: Int) -> String {
        let k = groupSize
        guard count > 1 else { return "no one else takes part in this session" }
        // Partners passing each required rule, and partners allowed overall.
        var allowed = 0
        var passing = [Int](repeating: 0, count: rules.count)
        var blockedByLinks = 0
        for j in 0..<count where j != i {
            var all = true
            for (r, rule) in rules.enumerated() where rule.required {
                if rule.holds(i, j) { passing[r] += 1 } else { all = false }
            }
            if all {
                if links.isForbidden(i, j) { blockedByLinks += 1 } else { allowed += 1 }
            }
        }
        if allowed == 0 {
            for (r, rule) in rules.enumerated() where rule.required && passing[r] == 0 {
                let category = ruleCategories[r]
                if !rule.hasValue(i) {
                    return "no allowed partner: required rule \(category) (they have no \(category) value)"
                }
                return "no allowed partner: required rule \(category)"
            }
            if blockedByLinks > 0 {
                return "no allowed partner: every partner the required rules allow is excluded or was met within forbidWithin"
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

/// Checks a grouping against its session with `SpecReference`, independently of
/// any solver: every participant at most once (and, for a full output, exactly
/// once in a group or unmatched), group sizes, allowed pairs, and the scores and
/// objective recomputed from docs/format.md (what the solver looks for).
public struct Validator: Sendable {
    public let reference: SpecReference
    public let session: Session

    public init(session: Session) {
        self.session = session
        self.reference = SpecReference(session)
    }

    /// What the validator found.
    public struct Report: Sendable {
        public var issues: [String]
        /// The recomputed value: placed, groups of k+1, total score.
        public var value: GroupingValue
        /// Recomputed score of each group, in order.
        public var groupScores: [Double]
        /// Pairs inside the groups that met in any past session.
        public var repeats: Int
        public var isValid: Bool { issues.isEmpty }
    }

    /// Checks groups of member ids: membership, sizes, allowed pairs; recomputes scores.
    public func check(groups: [[String]]) -> Report {
        var issues: [String] = []
        let participants = reference.participants
        let participantSet = Set(participants)
        let k = session.program.groupSize
        let sizes = session.program.remainder == .merge ? k...(k + 1) : k...k
        var seen: [String: Int] = [:]
        var value = GroupingValue()
        var scores: [Double] = []
        var repeats = 0
        for (g, group) in groups.enumerated() {
            if !sizes.contains(group.count) {
                issues.append("group \(g) has \(group.count) members; allowed sizes are \(sizes.lowerBound == sizes.upperBound ? "\(k)" : "\(k) or \(k + 1)")")
            }
            for id in group {
                if !participantSet.contains(id) {
                    issues.append("group \(g): \"\(id)\" is not a participant of this session")
                } else if let status = reference.status(of: id), status != .active {
                    issues.append("group \(g): \"\(id)\" has status \(status.rawValue) and takes no part")
                } else if let until = reference.pausedUntil(of: id) {
                    issues.append("group \(g): \"\(id)\" is paused until \(until) and takes no part")
                } else if let why = reference.whyOutsideAudience(id) {
                    issues.append("group \(g): \"\(id)\" is outside the program's audience: \(why)")
                }
                if let first = seen[id] {
                    issues.append("\"\(id)\" is in group \(first) and again in group \(g)")
                }
                seen[id] = g
            }
            var score = 0.0
            for x in 0..<group.count {
                for y in (x + 1)..<group.count {
                    let a = group[x], b = group[y]
                    if let why = reference.whyNotAllowed(a, b) {
                        issues.append("group \(g): pair \"\(a)\", \"\(b)\" is not allowed: \(why)")
                    }
                    score += reference.weight(a, b)
                    if !reference.ages(a, b).isEmpty { repeats += 1 }
                }
            }
            scores.append(score)
            value.placed += group.count
            if group.count > k { value.oversized += 1 }
            value.score += score
        }
        return Report(issues: issues, value: value, groupScores: scores, repeats: repeats)
    }

    /// Checks a whole output: the groups as above, every participant exactly once
    /// in a group or in `unmatched`, each group's `score`, the `objective`, the
    /// stats, and `bound >= objective`.
    public func check(_ output: Output, tolerance: Double = 1e-6) -> Report {
        var report = check(groups: output.groups.map(\.members))
        var issues = report.issues
        let inGroups = Set(output.groups.flatMap(\.members))
        var unmatchedSeen = Set<String>()
        for u in output.unmatched {
            if inGroups.contains(u.member) { issues.append("\"\(u.member)\" is both in a group and unmatched") }
            if !unmatchedSeen.insert(u.member).inserted { issues.append("\"\(u.member)\" is unmatched twice") }
            if u.reason.isEmpty { issues.append("\"\(u.member)\" is unmatched without a reason") }
        }
        for id in reference.participants where !inGroups.contains(id) && !unmatchedSeen.contains(id) {
            issues.append("participant \"\(id)\" is neither in a group nor unmatched")
        }
        for id in unmatchedSeen where !Set(reference.participants).contains(id) {
            issues.append("unmatched \"\(id)\" is not a participant")
        }
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance * max(1, abs(a), abs(b)) }
        for (g, group) in output.groups.enumerated() where !close(group.score, report.groupScores[g]) {
            issues.append("group \(g) claims score \(group.score), the spec gives \(report.groupScores[g])")
        }
        if !close(output.objective, report.value.score) {
            issues.append("objective \(output.objective) differs from the recomputed total \(report.value.score)")
        }
        let groupSum = output.groups.reduce(0.0) { $0 + $1.score }
        if !close(output.objective, groupSum) {
            issues.append("objective \(output.objective) differs from the sum of the group scores \(groupSum)")
        }
        if let bound = output.bound, bound < output.objective - tolerance * max(1, abs(bound)) {
            issues.append("bound \(bound) is below the objective \(output.objective)")
        }
        if output.status == .optimal, let bound = output.bound, !close(bound, output.objective) {
            issues.append("status optimal but bound \(bound) differs from objective \(output.objective)")
        }
        if output.status == .infeasible && !output.groups.isEmpty { issues.append("status infeasible with groups") }
        let stats = output.stats
        if stats.participants != reference.participants.count { issues.append("stats.participants \(stats.participants), expected \(reference.participants.count)") }
        if stats.placed != report.value.placed { issues.append("stats.placed \(stats.placed), expected \(report.value.placed)") }
        if stats.oversizedGroups != report.value.oversized { issues.append("stats.oversizedGroups \(stats.oversizedGroups), expected \(report.value.oversized)") }
        if stats.repeats != report.repeats { issues.append("stats.repeats \(stats.repeats), expected \(report.repeats)") }
        report.issues = issues
        return report
    }
}

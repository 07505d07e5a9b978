/// Places priority members first (the `fairness` extension; see
/// `FairnessPolicy`), after any solver, without changing points 1 and 2 of
/// docs/format.md (what the solver looks for): the same number of participants placed, the same number of
/// groups of k+1.
///
/// It makes exchanges that only ever displace members without priority:
/// 1. a priority member left unplaced takes the place of a member without
///    priority in a group, when the group stays allowed (groups of k first,
///    then the best score);
/// 2. a priority member in a group of k+1 trades places with a member without
///    priority in a group of k, when both groups stay allowed (best score).
///
/// Each exchange serves one priority member for good, so one pass over them
/// suffices, and the result is a local optimum of the order "more priority
/// members placed, then fewer of them in groups of k+1, then score": no single
/// exchange serves another one. The score may drop; a result proved optimal
/// then becomes `feasible`, keeping the solver's bound (still an upper bound:
/// points 1 and 2 did not change).
///
/// - Complexity: O(p × n × k × (rules + log links)) for p priority members and
///   n participants.
struct FairnessPass {
    let problem: Problem
    /// Whether each participant has priority.
    let priority: [Bool]

    /// The pass for the problem's priority members (`Problem.priority`, compiled
    /// from the session); nil when fairness is off.
    init?(problem: Problem) {
        guard !problem.priority.isEmpty else { return nil }
        self.init(problem: problem, priority: problem.priority)
    }

    init(problem: Problem, priority: [Bool]) {
        self.problem = problem
        self.priority = priority
    }

    func apply(_ result: SolverResult) -> SolverResult {
        guard priority.contains(true), !result.groups.isEmpty else { return result }
        let k = problem.groupSize
        var groups = result.groups
        var groupOf = [Int](repeating: -1, count: problem.count)
        for (g, group) in groups.enumerated() {
            for i in group { groupOf[Int(i)] = g }
        }
        var changed = false
        // 1. Unplaced priority members replace members without priority.
        for i in 0..<problem.count where priority[i] && groupOf[i] < 0 {
            // Ranked by (a group of k, score change); the first best one wins.
            var best: (rank: (Int, Double), group: Int, slot: Int)?
            for (g, group) in groups.enumerated() {
                for (slot, j) in group.enumerated() where !priority[Int(j)] {
                    guard let delta = replacementDelta(group, slot: slot, by: i) else { continue }
                    let rank = (group.count == k ? 1 : 0, delta)
                    if let b = best, b.rank >= rank { continue }
                    best = (rank, g, slot)
                }
            }
            guard let best else { continue }
            groupOf[Int(groups[best.group][best.slot])] = -1
            groups[best.group][best.slot] = Int32(i)
            groupOf[i] = best.group
            changed = true
        }
        // 2. Priority members in groups of k+1 trade places with members without priority in groups of k.
        for i in 0..<problem.count where priority[i] && groupOf[i] >= 0 && groups[groupOf[i]].count > k {
            let t = groupOf[i]
            let slotOfI = groups[t].firstIndex(of: Int32(i))!
            var best: (delta: Double, group: Int, slot: Int)?
            for (g, group) in groups.enumerated() where group.count == k {
                for (slot, j) in group.enumerated() where !priority[Int(j)] {
                    guard let into = replacementDelta(group, slot: slot, by: i),
                          let back = replacementDelta(groups[t], slot: slotOfI, by: Int(j)) else { continue }
                    if let b = best, b.delta >= into + back { continue }
                    best = (into + back, g, slot)
                }
            }
            guard let best else { continue }
            let j = groups[best.group][best.slot]
            groups[best.group][best.slot] = Int32(i)
            groups[t][slotOfI] = j
            groupOf[i] = best.group
            groupOf[Int(j)] = t
            changed = true
        }
        guard changed else { return result }
        groups = Problem.canonical(groups)
        var status = result.status
        if status == .optimal, problem.value(of: groups).score < problem.value(of: result.groups).score {
            status = .feasible
        }
        return SolverResult(groups: groups, status: status, bound: result.bound, solver: result.solver, notes: result.notes)
    }

    /// The change of the group's score when the member at `slot` is replaced by
    /// participant `i`; nil when the new group would not be allowed.
    func replacementDelta(_ group: [Int32], slot: Int, by i: Int) -> Double? {
        let out = Int(group[slot])
        var delta = 0.0
        for (s, m) in group.enumerated() where s != slot {
            guard let w = problem.allowedWeight(i, Int(m)) else { return nil }
            delta += w - problem.weight(out, Int(m))
        }
        return delta
    }
}

extension Output {
    /// Builds the output of docs/format.md (the output) from a solver's result: member ids,
    /// group scores and the rules each pair holds, the unmatched with their
    /// typed causes (participant order: the absent, then the unplaced), stats.
    ///
    /// - Complexity: O(groups × k² × rules) plus the causes of the unplaced
    ///   (`Problem.unplacedCauses`).
    public init(problem: Problem, result: SolverResult, seconds: Double) {
        var placed = [Bool](repeating: false, count: problem.count)
        var groups: [Group] = []
        var objective = 0.0
        var oversized = 0
        var repeats = 0
        for g in result.groups {
            let score = problem.score(of: g)
            objective += score
            if g.count > problem.groupSize { oversized += 1 }
            for x in 0..<g.count {
                placed[Int(g[x])] = true
                for y in (x + 1)..<g.count where problem.haveMet(Int(g[x]), Int(g[y])) { repeats += 1 }
            }
            var ruleBits = [UInt64](repeating: 0, count: g.count * (g.count - 1) / 2 * problem.ruleWords)
            var pair = 0
            for x in 0..<g.count {
                for y in (x + 1)..<g.count {
                    problem.markRulesHeld(Int(g[x]), Int(g[y]), in: &ruleBits, at: pair * problem.ruleWords)
                    pair += 1
                }
            }
            groups.append(Group(members: g.map { problem.participantIDs[Int($0)] }, score: score, ruleBits: ruleBits))
        }
        var unmatched: [Unmatched] = problem.absent.map { Unmatched(member: $0.memberID, cause: $0.cause) }
        let unplaced = (0..<problem.count).filter { !placed[$0] }
        for (i, cause) in zip(unplaced, problem.unplacedCauses(unplaced)) {
            unmatched.append(Unmatched(member: problem.participantIDs[i], cause: cause))
        }
        // Bound: at least the objective (the solver's bound is on the same sum, up to rounding).
        let bound = result.bound.map { result.status == .optimal ? objective : max($0, objective) }
        self.init(status: result.status, solver: result.solver, objective: objective, bound: bound,
                  groups: groups, unmatched: unmatched,
                  stats: Stats(participants: problem.count + problem.absent.count,
                               placed: placed.lazy.filter { $0 }.count,
                               oversizedGroups: oversized, repeats: repeats, seconds: seconds,
                               timeLimitReached: result.timeLimitReached),
                  warnings: result.notes)
    }
}

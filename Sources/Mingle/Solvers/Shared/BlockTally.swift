/// What a solver established on one block (a class of the required `same`
/// rules: no allowed pair crosses two blocks), in the block's local indices.
struct BlockOutcome {
    var groups: [[Int]]
    /// Proven optimal: no grouping of the block places more, has fewer groups
    /// of k+1 at that, or scores more at both.
    var optimal: Bool
    /// An upper bound on the block's score over the groupings that place as
    /// many with as few groups of k+1 (docs/format.md, the output's `bound`),
    /// when one was proved.
    var bound: Double?
    /// A fallback worth telling the user (the output's `warnings`).
    var note: String?

    init(groups: [[Int]], optimal: Bool, bound: Double?, note: String? = nil) {
        self.groups = groups
        self.optimal = optimal
        self.bound = bound
        self.note = note
    }
}

/// Sums the blocks' outcomes into a solver's result: the one place where
/// per-block proofs and bounds become the output's status and bound.
///
/// The best grouping is the union of the blocks' best groupings (no allowed
/// pair crosses two blocks, and the order of docs/format.md — placed, then
/// groups of k+1, then score — adds up over blocks), so:
/// - every block optimal: `optimal`, or `infeasible` when no block has a group;
/// - otherwise `feasible`, with the sum of the blocks' bounds when every block
///   has one (never below the groups' score);
/// - `timeLimitReached` whenever the budget's safety net cut a search.
struct BlockTally {
    private(set) var groups: [[Int32]] = []
    private(set) var notes: [String] = []
    private var optimal = true
    private var bound: Double? = 0

    /// Adds one block's outcome; `members` maps its local indices to participants.
    mutating func add(_ outcome: BlockOutcome, members: [Int32]) {
        groups += outcome.groups.map { $0.map { members[$0] } }
        add(optimal: outcome.optimal, bound: outcome.bound, note: outcome.note)
    }

    /// Adds one block's groups, already in participant indices.
    mutating func add(groups blockGroups: [[Int32]], optimal blockOptimal: Bool, bound blockBound: Double?, note: String? = nil) {
        groups += blockGroups
        add(optimal: blockOptimal, bound: blockBound, note: note)
    }

    private mutating func add(optimal blockOptimal: Bool, bound blockBound: Double?, note: String?) {
        optimal = optimal && blockOptimal
        if let blockBound, let total = bound { bound = total + blockBound } else { bound = nil }
        if let note { notes.append(note) }
    }

    /// The result, its groups in canonical order (`Problem.canonical`).
    func result(_ problem: Problem, solver: String, budget: SolveBudget) -> SolverResult {
        let groups = Problem.canonical(groups)
        let cut = budget.wasCut
        if optimal {
            if groups.isEmpty {
                return SolverResult(groups: [], status: .infeasible, bound: 0, solver: solver, notes: notes, timeLimitReached: cut)
            }
            return SolverResult(groups: groups, status: .optimal, bound: problem.value(of: groups).score, solver: solver,
                                notes: notes, timeLimitReached: cut)
        }
        let score = problem.value(of: groups).score
        return SolverResult(groups: groups, status: .feasible, bound: bound.map { max($0, score) }, solver: solver,
                            notes: notes, timeLimitReached: cut)
    }
}

import Foundation
import MingleGLPK

extension BranchAndPrice {
    enum Outcome {
        /// Proven optimal groups (local indices).
        case optimal([[Int]])
        /// Stages 1 and 2 proven; stage 3 stopped with its best groups and bound.
        case bounded([[Int]], bound: Double)
        /// No proof (time limit, or an engine failure before stage 3).
        case unproven(note: String?)
    }

    /// The three stages from `start` (local groups): stages 1 and 2 by argument
    /// when the start reaches their trivial bounds (P* ≤ the most of m that the
    /// sizes can make: m under `merge` when m ≥ k(k−1), k·⌊m/k⌋ under
    /// `leaveOut`; O* ≥ P* mod k), by branch and price otherwise; then stage 3.
    func solveStages(start: [[Int]], budget: SolveBudget) -> Outcome {
        var start = start.map { $0.sorted() }
        let value = pairs.value(of: start, k: k)
        // The most members groups of the allowed sizes can hold.
        let placedCap = (0...m).last { reachable(.placed, $0) } ?? 0
        do {
            var placed = value.placed, oversized = value.oversized
            if placed < placedCap {
                let stage = try solve(.placed, start: start, budget: budget)
                guard stage.proven else { return .unproven(note: nil) }
                placed = Int(stage.value.rounded())
                start = stage.groups
                oversized = pairs.value(of: start, k: k).oversized
            }
            if oversized > placed % k {
                let stage = try solve(.oversized(placed: placed), start: start, budget: budget)
                guard stage.proven else { return .unproven(note: nil) }
                start = stage.groups
                oversized = -Int(stage.value.rounded())
            }
            let stage = try solve(.score(placed: placed, oversized: oversized), start: start, budget: budget)
            return stage.proven ? .optimal(stage.groups) : .bounded(stage.groups, bound: stage.bound)
        } catch {
            return .unproven(note: "GLPK failed (\(error)); kept the heuristic's groups")
        }
    }
}

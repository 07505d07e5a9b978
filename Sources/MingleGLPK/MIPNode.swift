// MIPNode.swift

/// What a MIP callback sees about the branch-and-bound node being solved.
///
/// Passed to the incumbent provider (during GLPK's `GLP_IHEUR` reason) and
/// to the cut generator (`GLP_ICUTGEN`). At both points the LP relaxation
/// of the node is optimal but not integer feasible.
public struct MIPNode: Sendable, Hashable {
    /// Depth of the node in the tree; the root has level 0.
    public var level: Int
    /// Values of the LP relaxation of this node, one per column (0-based;
    /// `glp_get_col_prim` on `glp_ios_get_prob`).
    public var relaxationValues: [Double]
    /// Objective value of the node's LP relaxation.
    public var relaxationObjective: Double
    /// Objective of the best integer solution known so far, if any.
    public var incumbentObjective: Double?
    /// Best global bound known so far (lower bound when minimizing, upper
    /// bound when maximizing), if any.
    public var bestBound: Double?

    /// True at the root node.
    public var isRoot: Bool { level == 0 }
}

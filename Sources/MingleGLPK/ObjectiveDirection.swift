// ObjectiveDirection.swift

/// Direction of optimization (`glp_set_obj_dir`).
public enum ObjectiveDirection: Sendable, Hashable, CaseIterable {
    /// `GLP_MIN`.
    case minimize
    /// `GLP_MAX`.
    case maximize
}

// GLPK+Version.swift

extension GLPK {
    /// The version of the linked GLPK library, e.g. `"5.0"`
    /// (`glp_version`). Does not touch GLPK's environment.
    public static var version: String {
        glpk_version()
    }
}

// GLPK+Problem.swift

extension GLPK {
    /// Creates an empty problem (`glp_create_prob`), passes it to `body`,
    /// and deletes it (`glp_delete_prob`) when `body` returns or throws.
    ///
    /// The problem lives only for the duration of this synchronous call,
    /// on the calling thread; see ``GLPK`` for why. While it exists, GLPK's
    /// terminal output on this thread goes to `output` (default: discarded;
    /// can be changed through ``LinearProgram/output``). After the call the
    /// thread's terminal hook discards output again, so GLPK never writes
    /// to stdout.
    ///
    /// - Parameters:
    ///   - direction: Minimize (default) or maximize the objective.
    ///   - output: Receives GLPK's terminal output in chunks (not
    ///     necessarily whole lines). Called synchronously from inside GLPK;
    ///     must not call GLPK.
    ///   - body: Builds and solves the model.
    public static func withProblem<Result, Failure: Error>(
        direction: ObjectiveDirection = .minimize,
        output: ((String) -> Void)? = nil,
        _ body: (inout LinearProgram) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var problem = LinearProgram(direction: direction, output: output)
        return try body(&problem)
    }
}

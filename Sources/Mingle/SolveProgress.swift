/// A phase of a solve, as the progress callback names it.
public enum SolvePhase: String, Sendable, Hashable, CaseIterable {
    /// Checking the session (`Session.validate()`).
    case validating
    /// Building the problem from the session.
    case compiling
    /// The heuristic solver, block by block.
    case heuristic
    /// The exact solver, block by block.
    case exact
    /// The scale solver's profile relaxation.
    case profiles
    /// The scale solver's first grouping.
    case constructing
    /// The scale solver's local search.
    case improving
    /// Writing the output.
    case output
}

/// The engine that produced an output (the output's `solver` field).
public enum SolverName: String, Sendable, Hashable, CaseIterable {
    case heuristic, exact, scale
}

extension Output {
    /// The `solver` field as an enum; nil for a name the library does not
    /// produce (an output read back from elsewhere).
    public var solverName: SolverName? { SolverName(rawValue: solver) }
}

/// How far a solve is: its phase and the fraction of that phase done (0...1).
public struct SolveProgress: Sendable, Hashable {
    public var phase: SolvePhase
    public var fraction: Double

    public init(phase: SolvePhase, fraction: Double) {
        self.phase = phase
        self.fraction = fraction
    }
}

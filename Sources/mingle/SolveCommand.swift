import ArgumentParser
import Foundation
import Mingle

/// `mingle solve`: SPEC section 4.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a session and write its groups.",
        discussion: "Reads INPUT (or standard input) and writes the output JSON to OUTPUT (or standard output); logs go to standard error."
    )

    @Argument(help: "The session JSON file; '-' or nothing for standard input (nothing: no input when parts are given).")
    var input: String?

    @Option(name: .shortAndLong, help: "Where to write the output; standard output when absent. Written whole or not at all.")
    var output: String?

    @Option(help: "auto, exact or heuristic (overrides options.solver).")
    var solver: String?

    @Option(name: .customLong("time-limit"), help: "Seconds the solver may use (overrides options.timeLimit).")
    var timeLimit: Double?

    @Option(help: "Random seed (overrides options.seed).")
    var seed: UInt64?

    @Flag(name: .shortAndLong, help: "No progress line and no summary on standard error.")
    var quiet = false

    @OptionGroup(title: "Weekly runs")
    var weekly: WeeklyRunOptions

    func validate() throws {
        if let solver, SolverChoice(rawValue: solver) == nil {
            throw ValidationError("--solver must be auto, exact or heuristic, not '\(solver)'")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a number of seconds > 0")
        }
    }

    func run() throws {
        let log = Log(quiet: quiet)
        let prepared = try weekly.prepare(input: input, log: log)
        let session = prepared.session
        let progress = ProgressLine(enabled: !quiet)
        let engine = SessionSolver(solver: solver.flatMap(SolverChoice.init(rawValue:)), timeLimit: timeLimit, seed: seed)
        var report: (@Sendable (String, Double) -> Void)? = nil
        if let progress {
            report = { phase, fraction in progress.update(phase, fraction) }
        }
        let result = engine.solve(session, progress: report)
        progress?.finish()
        for w in result.warnings { log.warning(w) }
        try OutputFile.write(result.jsonBytes(), to: output)
        try weekly.finish(prepared, output: result, log: log)
        let bound = result.bound.map { ", bound \(JSONWriter.format($0))" } ?? ""
        log.info("\(result.status.rawValue) (\(result.solver)): placed \(result.stats.placed) of \(result.stats.participants), "
            + "\(result.groups.count) groups (\(result.stats.oversizedGroups) of k+1), objective \(JSONWriter.format(result.objective))"
            + "\(bound), \(String(format: "%.3f", result.stats.seconds))s")
    }
}

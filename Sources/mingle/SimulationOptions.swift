import ArgumentParser
import Foundation
import Mingle

/// The options `simulate` and `compare` share: the plan, the solver, and where
/// the results go.
struct SimulationOptions: ParsableArguments {
    @Option(help: "How many sessions to run, one after the other.")
    var sessions = 52

    @Option(help: "Probability that a roster member takes part in a session (0...1).")
    var participation = 0.8

    @Option(help: "New members before each session, as a share of the first roster (churn).")
    var join = 0.0

    @Option(help: "Probability that a roster member leaves before each session (churn).")
    var leave = 0.0

    @Option(parsing: .unconditional, help: "Seed of the participation and churn draws and of the solver (default: the session's options.seed).")
    var seed: SeedArgument?

    @Option(help: "heuristic (fast over many sessions), auto or exact (these also prove a bound, for the gap, and are slower).")
    var solver = "heuristic"

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds per session the solver may use (overrides options.timeLimit).")
    var timeLimit: Double?

    @Option(name: .shortAndLong, help: "Write the per-session results to this file ('-' for standard output).")
    var output: String?

    @Option(help: "csv or json (default: from the --output file's extension, else csv).")
    var format: String?

    @Option(help: "Draw the repeat rate and the distinct partners per session to this SVG file.")
    var plot: String?

    @Option(name: .customLong("save-sessions"), help: "Write each simulated session and its output to this folder (session-01.json, session-01.result.json; one subfolder per rule set in compare).")
    var saveSessions: String?

    @Flag(name: .shortAndLong, help: "No progress line and no log lines on standard error.")
    var quiet = false

    func validate() throws {
        let plan = SimulationPlan(sessions: sessions, participation: participation, join: join, leave: leave,
                                  timeLimit: timeLimit)
        if let problem = plan.problems.first { throw ValidationError("--" + problem.replacingOccurrences(of: "timeLimit", with: "time-limit")) }
        if SolverChoice(rawValue: solver) == nil {
            throw ValidationError("--solver must be auto, exact or heuristic, not '\(solver)'")
        }
        if let format, !["csv", "json"].contains(format) { throw ValidationError("--format must be csv or json, not '\(format)'") }
    }

    /// The plan, with the session's seed unless --seed is given.
    func plan(for session: Session) -> SimulationPlan {
        SimulationPlan(sessions: sessions, participation: participation, join: join, leave: leave,
                       seed: seed?.value ?? session.options.seed, solver: SolverChoice(rawValue: solver),
                       timeLimit: timeLimit)
    }

    /// The archive of `--save-sessions` for a rule set, nil without the option.
    func archive(ruleSet: String?, sessions: Int) throws(CLIFailure) -> SessionArchive? {
        guard let saveSessions else { return nil }
        var folder = URL(fileURLWithPath: saveSessions)
        if let ruleSet { folder.appendPathComponent(ruleSet.replacingOccurrences(of: "/", with: "_")) }
        return try SessionArchive(folder: folder, sessions: sessions)
    }

    /// Whether the results file goes to standard output (then the table goes to standard error).
    var resultsOnStandardOutput: Bool { output == "-" || (output == nil && format != nil) }

    var resolvedFormat: String {
        if let format { return format }
        return output?.lowercased().hasSuffix(".json") == true ? "json" : "csv"
    }

    /// Writes the results, the plot and the summary table.
    func report(_ results: [SimulationResult], input: String, started: Date, log: Log) throws(CLIFailure) {
        if output != nil || format != nil {
            let bytes = resolvedFormat == "json" ? SimulationResult.jsonBytes(results) : SimulationResult.csvBytes(results)
            try OutputFile.write(bytes, to: output ?? "-")
        }
        if let plot, let plan = results.first?.plan {
            let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            let title = "\(name): \(plan.sessions) sessions, participation \(JSONWriter.format(plan.participation)), seed \(plan.seed)"
            try OutputFile.write(SimulationResult.chart(results, title: title).svg(), to: plot)
        }
        let table = SimulationTable(results).text
        if resultsOnStandardOutput {
            Descriptor.standardError(table)
        } else {
            try Descriptor.standardOutput(Array(table.utf8))
        }
        log.info("simulated \(results.count) rule set(s) × \(sessions) sessions in \(String(format: "%.1f", Date().timeIntervalSince(started)))s")
    }
}

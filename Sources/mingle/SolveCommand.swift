import ArgumentParser
import Foundation
import Mingle

/// `mingle solve`: docs/format.md (exit codes).
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a session and write its groups.",
        discussion: "Reads INPUT (or standard input) and writes the output JSON to OUTPUT (or standard output); logs go to standard error. The formats: docs/format.md and schemas/ in the Mingle repository."
    )

    @Argument(help: "The session JSON file; '-' or nothing for standard input (nothing: no input when parts are given).")
    var input: String?

    @Option(name: .shortAndLong, help: "Where to write the output; standard output when absent. Written whole or not at all.")
    var output: String?

    @Option(help: "auto, exact or heuristic (overrides options.solver).")
    var solver: String?

    // `.unconditional`: "-1" is a value to check, not an option name.
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds the solver may use (overrides options.timeLimit).")
    var timeLimit: Double?

    @Option(parsing: .unconditional, help: "Random seed, an integer; a negative one is read as the file reads it (overrides options.seed).")
    var seed: SeedArgument?

    @Flag(name: .shortAndLong, help: "No progress line and no summary on standard error.")
    var quiet = false

    @Option(help: ArgumentHelp("Solve every session of a JSON Lines file (one per line) on all cores; the results go to OUTPUT in input order, one line each.", valueName: "FILE"))
    var batch: String?

    @Flag(help: "Print the wall time of each phase on standard error (reading, decoding, validating, compiling, the solver's phases, output, encoding, writing).")
    var timings = false

    @OptionGroup(title: "Weekly runs")
    var weekly: WeeklyRunOptions

    func validate() throws {
        if let solver, SolverChoice(rawValue: solver) == nil {
            throw ValidationError("--solver must be auto, exact or heuristic, not '\(solver)'")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a number of seconds > 0, not \(timeLimit)")
        }
        if batch != nil && input != nil { throw ValidationError("--batch reads its own file; give no INPUT with it") }
        if batch != nil && weekly.isUsed { throw ValidationError("--batch solves whole sessions; the weekly-run options do not apply to it") }
    }

    func run() throws {
        var log = Log(quiet: quiet)
        let progress = ProgressLine(enabled: !quiet)
        let clock = timings ? PhaseClock() : nil
        log.onProgress = { phase, fraction in
            progress?.update(phase, fraction)
            clock?.enter(phase)
        }
        let engine = SessionSolver(solver: solver.flatMap(SolverChoice.init(rawValue:)), timeLimit: timeLimit, seed: seed?.value)
        defer { if let clock { Descriptor.standardError("mingle: timings: \(clock.summary())\n") } }
        if let batch {
            try BatchRun(path: batch, engine: engine, log: log).run(output: output, progress: progress)
            return
        }
        let prepared = try weekly.prepare(input: input, log: log)
        let session = prepared.session
        let result: Output
        do {
            // Decoded, so validated, unless the weekly-run options changed it (its date, its history).
            result = try engine.solve(session, validated: !weekly.isUsed, progress: log.onProgress)
        } catch {
            progress?.finish()
            throw CLIFailure(code: .dataError, message: "invalid session:\n" + error.description)
        }
        progress?.finish()
        for w in result.warnings { log.warning(w) }
        log.phase("encoding")
        let bytes = result.jsonBytes()
        log.phase("writing")
        // The output, the messages and the history: all written, or none.
        var files = OutputFiles()
        let written: [String]
        do {
            try files.add(bytes, to: output)
            written = try weekly.finish(prepared, output: result, into: &files)
            try files.commit()
        } catch {
            files.discard()
            throw error
        }
        for line in written { log.info(line) }
        let bound = result.bound.map { ", bound \(JSONWriter.format($0))" } ?? ""
        log.info("\(result.status.rawValue) (\(result.solver)): placed \(result.stats.placed) of \(result.stats.participants), "
            + "\(result.groups.count) groups (\(result.stats.oversizedGroups) of k+1), objective \(JSONWriter.format(result.objective))"
            + "\(bound), \(String(format: "%.3f", result.stats.seconds))s")
    }
}

import ArgumentParser
import Foundation
import Mingle

/// `mingle simulate`: run a program week after week.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a program over many sessions and measure repeats, partners, rules and fairness.",
        discussion: """
            Each session's groups (and who was left out) become the newest past session of the next; \
            participants are drawn per session (--participation), members may join and leave (--join, \
            --leave). Deterministic for a seed. Prints a summary table on standard output (standard \
            error when the results go to standard output); --output writes one row per session as \
            CSV or JSON; --plot draws an SVG. The model is described in README.md.
            """
    )

    @Argument(help: "The session JSON file: members, history and the program to simulate.")
    var input: String

    @OptionGroup var simulation: SimulationOptions

    func run() throws {
        let log = Log(quiet: simulation.quiet)
        let session = try InputFile.session(input, log: log)
        let started = Date()
        let plan = simulation.plan(for: session)
        let archive = try simulation.archive(ruleSet: nil, sessions: plan.sessions)
        let progress = ProgressLine(enabled: !simulation.quiet)
        let result = try ProgramSimulation(session: session, plan: plan).run { simulated in
            archive?.save(simulated)
            progress?.update("session \(simulated.index + 1) of \(plan.sessions)", Double(simulated.index + 1) / Double(plan.sessions))
        }
        progress?.finish()
        try archive?.finish()
        try simulation.report([result], input: input, started: started, log: log)
    }
}

import ArgumentParser
import Foundation
import Mingle

/// `mingle compare`: the same simulation for several rule sets, side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Simulate several rule sets on the same members and draws, and show them side by side.",
        discussion: """
            Each --rules file holds a program object, as "program" in a session (groupSize, remainder, \
            rules, repeats, fairness). Every rule set sees the same participants on the same sessions \
            and the same solver seeds, so differences come from the rules alone. Name a rule set with \
            NAME=FILE; otherwise it is named after its file.
            """
    )

    @Argument(help: "The session JSON file: members and history (its program is replaced by each rule set).")
    var input: String

    @Option(name: .customLong("rules"), help: "A rule set file, or NAME=FILE (repeat; at least one).")
    var ruleFiles: [String] = []

    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
        guard !ruleFiles.isEmpty else { throw ValidationError("give at least one --rules FILE to compare") }
    }

    func run() throws {
        let log = Log(quiet: simulation.quiet)
        let session = try InputFile.session(input, log: log)
        var ruleSets: [RuleSet] = []
        for argument in ruleFiles {
            var name = URL(fileURLWithPath: argument).deletingPathExtension().lastPathComponent
            var path = argument
            if let eq = argument.firstIndex(of: "="), !FileManager.default.fileExists(atPath: argument) {
                name = String(argument[..<eq])
                path = String(argument[argument.index(after: eq)...])
            }
            let (bytes, file) = try InputFile.read(path)
            do {
                let (program, warnings) = try Program.decode(bytes, file: file, for: session)
                for w in warnings { log.warning("\(path): \(w)") }
                ruleSets.append(RuleSet(name: name, program: program))
            } catch {
                throw CLIFailure(code: .dataError, message: "invalid rule set:\n" + error.description)
            }
        }
        let started = Date()
        let plan = simulation.plan(for: session)
        var archives: [SessionArchive?] = []
        for ruleSet in ruleSets { archives.append(try simulation.archive(ruleSet: ruleSet.name, sessions: plan.sessions)) }
        let progress = ProgressLine(enabled: !simulation.quiet)
        let total = Double(plan.sessions * ruleSets.count)
        let results = try RuleSetComparison(session: session, ruleSets: ruleSets, plan: plan).run { r, simulated in
            archives[r]?.save(simulated)
            let done = Double(r * plan.sessions + simulated.index + 1)
            progress?.update("\(ruleSets[r].name): session \(simulated.index + 1) of \(plan.sessions)", done / total)
        }
        progress?.finish()
        for archive in archives { try archive?.finish() }
        try simulation.report(results, input: input, started: started, log: log)
    }
}
